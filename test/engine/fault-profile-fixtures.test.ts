import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { faultProfileSchema } from '../../simulators/engine/fault-profile-schema.ts';
import { compileFaultProfile } from '../../simulators/engine/fault-rules.ts';

const FAULTS_DIR = join(import.meta.dirname, '../../fixtures/faults');

describe('fixtures/faults', () => {
  const files = readdirSync(FAULTS_DIR).filter((f) => f.endsWith('.json'));

  it('holds the example profiles', () => {
    expect(files).toEqual(expect.arrayContaining(['fns-not-ready-twice.json', 'all-agencies-flaky.json', 'mvd-maintenance.json']));
  });

  it.each(files)('%s is a valid fault profile', (file) => {
    const parsed = faultProfileSchema.safeParse(JSON.parse(readFileSync(join(FAULTS_DIR, file), 'utf8')));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

describe('faultProfileSchema', () => {
  it('refuses an action outside the closed set and a rule with two triggers', () => {
    const result = faultProfileSchema.safeParse({ rules: [{ action: { type: 'explode' } }, { probability: 0.1, firstCalls: 2, action: { type: 'connection-reset' } }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['rules.0.action.type', 'rules.1.probability']);
  });

  it('refuses an unknown SMEV fault name', () => {
    expect(faultProfileSchema.safeParse({ rules: [{ action: { type: 'soap-fault', fault: 'NoSuchFault' } }] }).success).toBe(false);
  });
});

describe('compileFaultProfile', () => {
  it('derives rule ids from content, so inserting a rule does not rename the others', () => {
    const a = { action: { type: 'connection-reset' } };
    const b = { probability: 0.5, action: { type: 'timeout' } };
    const before = compileFaultProfile(faultProfileSchema.parse({ rules: [b] })).map((r) => r.id);
    const after = compileFaultProfile(faultProfileSchema.parse({ rules: [a, b] })).map((r) => r.id);
    expect(after[1]).toBe(before[0]);
  });
});
