import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAuditLog } from '../../gateway/audit/index.ts';
import { runCli } from '../cli/run-cli.ts';
import { entry, readLines, tempDir, writeLines } from './audit-fixtures.ts';

const tmp = tempDir();
const good = tmp.file('good.jsonl');
afterAll(() => tmp.cleanup());
beforeAll(async () => {
  const log = await FileAuditLog.open(good);
  for (let i = 1; i <= 4; i++) await log.append(entry(i));
  await log.close();
});

describe('agency-kit audit verify', () => {
  it('prints the record count and last hash in one line and exits 0 for an intact log', async () => {
    const run = await runCli(['audit', 'verify', good]);
    const lastHash = (JSON.parse(readLines(good)[3] ?? '') as { hash: string }).hash;
    expect(run.code).toBe(0);
    expect(run.stdout.toString()).toBe(`audit log verified: 4 record(s), last hash ${lastHash}\n`);
  });

  it('reads the log from standard input given -', async () => {
    const run = await runCli(['audit', 'verify', '-'], readFileSync(good));
    expect(run.code).toBe(0);
    expect(run.stdout.toString()).toContain('4 record(s)');
  });

  it('prints the first bad line and the reason and exits 1 for a tampered log', async () => {
    const lines = readLines(good);
    const tampered = tmp.file('tampered.jsonl');
    writeLines(tampered, [lines[0] ?? '', (lines[1] ?? '').replace('case-2', 'case-9'), lines[2] ?? '']);
    const run = await runCli(['audit', 'verify', tampered]);
    expect(run.code).toBe(1);
    expect(run.stdout.toString()).toMatch(/^audit log FAILED at line 2 \(hash-mismatch\): .*edited.*; 1 record\(s\) verified before it\n$/);
  });

  it('exits 2 with a one-line reason for a missing file or a directory', async () => {
    const missing = await runCli(['audit', 'verify', tmp.file('nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^agency-kit: cannot read .*nope\.jsonl: ENOENT\n$/);
    const directory = await runCli(['audit', 'verify', tmp.dir]);
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('EISDIR');
  });

  it('exits 2 when the file argument is missing', async () => {
    expect((await runCli(['audit', 'verify'])).code).toBe(2);
  });
});
