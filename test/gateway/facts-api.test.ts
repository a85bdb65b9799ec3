import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApplicantFacts } from '../../core/facts/index.ts';
import { ALL_GROUPS, VASILIEV, outcomesByAgency, postFacts, startSimulators, startTestGateway, type Simulators, type TestGateway } from './support.ts';

let sims: Simulators;
let gateway: TestGateway;

beforeAll(async () => {
  sims = await startSimulators();
  gateway = await startTestGateway(sims);
});
afterAll(async () => {
  await gateway?.close();
  await sims?.close();
});

describe('POST /v1/facts against the six simulators', () => {
  it('answers every agency for a demo persona, with signed-verified provenance', async () => {
    const response = await postFacts(gateway.url, { ...VASILIEV, groups: ALL_GROUPS });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    const facts = parseApplicantFacts(body);
    const outcomes = outcomesByAgency(body);
    expect(Object.keys(outcomes).sort()).toEqual(['fns', 'fri', 'gis-zhkh', 'mvd', 'sfr', 'zags']);
    expect(outcomes).toMatchObject({ sfr: { status: 'answered' }, fri: { status: 'answered' }, 'gis-zhkh': { status: 'answered' }, mvd: { status: 'answered' }, fns: { status: 'no-data' }, zags: { status: 'no-data' } });
    expect(facts.facts.disability.length).toBeGreaterThan(0);
    expect(facts.facts.housing.length).toBeGreaterThan(0);
    expect(facts.facts.residence.length).toBeGreaterThan(0);
    expect(facts.facts.pensions.every((f) => f.provenance.signatureVerified && f.provenance.agency === 'sfr')).toBe(true);
    expect(response.headers.get('x-correlation-id')).toBeTruthy();
  });
});

describe('logs', () => {
  it('carry the correlation id and never the subject\'s identifiers', async () => {
    const { createLogger } = await import('../../gateway/observability/index.ts');
    const lines: string[] = [];
    const logged = await startTestGateway(sims, { GATEWAY_CACHE_TTL_MS: '0', GATEWAY_RETRIES: '0' }, { logger: createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } }) });
    sims.engine.setFaults({ rules: [{ when: { agency: 'fri' }, action: { type: 'connection-reset' } }] });
    try {
      await postFacts(logged.url, { ...VASILIEV, groups: ['disability', 'residence'] }, { 'x-correlation-id': 'corr-logs-0001' });
      await postFacts(logged.url, { ...VASILIEV, groups: ['disability'] }, { 'x-api-key': 'wrong-key-000' });
    } finally {
      sims.engine.setFaults({ rules: [] });
      await logged.close();
    }
    const text = lines.join('');
    expect(text).toContain('corr-logs-0001');
    expect(text).toMatch(/agency call attempt failed|refused/);
    for (const secret of ['22747739803', '227-477-398 03', 'Васильев', '966969', 'wrong-key-000']) expect(text).not.toContain(secret);
  });
});
