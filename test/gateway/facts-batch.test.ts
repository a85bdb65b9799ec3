/**
 * POST /v1/facts/batch against the six simulators: every request of a batch answered in order as POST /v1/facts
 * would answer it (facts, per-item refusal, 202 with its own poll path), each audited on its own; a bad item
 * refuses the whole batch with its index and runs nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseApplicantFacts } from '../../core/facts/index.ts';
import { MAX_BATCH_REQUESTS } from '../../gateway/api/facts-batch-request.ts';
import { DEMO_CONSUMER_KEY } from '../../gateway/config/consumers.ts';
import { VASILIEV, outcomesByAgency, postFacts, type Simulators, type TestGateway, startGatewayWithLimitedConsumer } from './support.ts';

let sims: Simulators;
let gateway: TestGateway;
const LIMITED_KEY = 'limited-consumer-key-2';

/** Another demo persona (utility-egorova-shared-flat-granted's applicant), as the decision service would ask. */
const EGOROVA = {
  subject: { snils: '244-478-772 04', name: { family: 'Егорова', first: 'Нина', patronymic: 'Фёдоровна' }, birthDate: '1956-12-12' },
  asOf: '2026-11-16',
  purpose: { measure: 'utility-compensation' },
} as const;

let close: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ sims, gateway, close } = await startGatewayWithLimitedConsumer(LIMITED_KEY));
});
afterAll(() => close?.());

interface BatchEntry {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

async function postBatch(body: unknown, key = DEMO_CONSUMER_KEY): Promise<{ status: number; body: { results?: BatchEntry[]; code?: string; details?: { issues: { path: string }[] } } }> {
  const response = await fetch(`${gateway.url}/v1/facts/batch`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

const withoutVolatile = (facts: unknown): unknown => JSON.parse(JSON.stringify(facts, (k, v: unknown) => (k === 'receivedAt' || k === 'messageId' ? undefined : v)));

describe('POST /v1/facts/batch', () => {
  it('answers every request in order, each with the facts POST /v1/facts gives for it', async () => {
    const vasiliev = { ...VASILIEV, groups: ['residence', 'disability'] };
    const egorova = { ...EGOROVA, groups: ['residence'] };
    const auditBefore = gateway.audit.records.length;
    const batch = await postBatch({ requests: [vasiliev, egorova] });
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    const [first, second] = batch.body.results!;
    expect(first!.status).toBe(200);
    expect(second!.status).toBe(200);
    expect(first!.headers['X-Facts-Cache']).toMatch(/^mvd\.\S+=miss, fri\.\S+=miss$/);
    expect(parseApplicantFacts(first!.body).subject.snils).toBe('22747739803');
    expect(parseApplicantFacts(second!.body).subject.snils).toBe('24447877204');
    expect(outcomesByAgency(first!.body as never)).toMatchObject({ mvd: { status: 'answered' }, fri: { status: 'answered' } });

    const single = await (await postFacts(gateway.url, egorova)).json();
    expect(withoutVolatile(second!.body)).toEqual(withoutVolatile(single));
    // One audit record per request of the batch, as if each had come alone (and one for the single request).
    const records = gateway.audit.records.slice(auditBefore);
    expect(records.map((r) => r.subject.snils)).toEqual(expect.arrayContaining(['22747739803', '24447877204']));
    expect(records).toHaveLength(3);
  });

  it('refuses, inside a 200 batch, the one request the consumer may not make, and still answers the others', async () => {
    const friCallsBefore = sims.engine.journal.query({ agency: 'fri' }).length;
    const batch = await postBatch({ requests: [{ ...VASILIEV, groups: ['disability'] }, { ...VASILIEV, groups: ['residence'] }] }, LIMITED_KEY);
    expect(batch.status).toBe(200);
    const [refused, answered] = batch.body.results!;
    expect(refused).toMatchObject({ status: 403, headers: { 'Content-Type': 'application/problem+json' }, body: { code: 'ERR_FORBIDDEN', instance: '/v1/facts/batch#0' } });
    expect(answered!.status).toBe(200);
    expect(sims.engine.journal.query({ agency: 'fri' })).toHaveLength(friCallsBefore);
    expect(gateway.audit.records.slice(-2).map((r) => r.outcome).sort()).toEqual(['answered', 'refused']);
  });

  it('answers a slow request 202 with its own poll path, and that path gives the facts once ready', async () => {
    sims.engine.setLatency({ agencies: { fri: { default: { kind: 'fixed', ms: 600 } } } });
    try {
      const batch = await postBatch({ requests: [{ ...VASILIEV, groups: ['residence'] }, { ...VASILIEV, groups: ['disability'] }], wait: { maxMs: 200 } });
      const [fast, slow] = batch.body.results!;
      expect(fast!.status).toBe(200);
      expect(slow).toMatchObject({ status: 202, body: { status: 'pending' } });
      const poll = String(slow!.body['poll']);
      expect(slow!.headers['Location']).toBe(poll);
      let done: Response | undefined;
      for (let i = 0; i < 60; i++) {
        done = await fetch(`${gateway.url}${poll}`, { headers: { 'x-api-key': DEMO_CONSUMER_KEY } });
        if (done.status !== 202) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(done!.status).toBe(200);
      expect(outcomesByAgency(await done!.json())['fri']?.status).toBe('answered');
    } finally {
      sims.engine.setLatency({ agencies: {} });
    }
  });

  it('answers 400 naming the index of every bad request, and runs none of the batch', async () => {
    const callsBefore = sims.engine.journal.query({}).length;
    const auditBefore = gateway.audit.records.length;
    const batch = await postBatch({ requests: [{ ...VASILIEV, groups: ['residence'] }, { ...VASILIEV, groups: [] }, { ...EGOROVA, groups: ['residence'], wait: { maxMs: 5 } }] });
    expect(batch.status).toBe(400);
    expect(batch.body.code).toBe('ERR_VALIDATION');
    const paths = batch.body.details!.issues.map((i) => i.path);
    expect(paths.some((p) => p.includes('requests') && p.includes('1') && p.includes('groups'))).toBe(true);
    expect(paths.some((p) => p.includes('requests') && p.includes('2'))).toBe(true);
    expect(sims.engine.journal.query({})).toHaveLength(callsBefore);
    expect(gateway.audit.records).toHaveLength(auditBefore);
  });

  it(`answers 400 for an empty batch and for more than ${MAX_BATCH_REQUESTS} requests, and 401 without a key`, async () => {
    expect((await postBatch({ requests: [] })).status).toBe(400);
    const many = Array.from({ length: MAX_BATCH_REQUESTS + 1 }, () => ({ ...VASILIEV, groups: ['residence'] }));
    const tooMany = await postBatch({ requests: many });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain(`At most ${MAX_BATCH_REQUESTS}`);
    expect((await postBatch({ requests: [{ ...VASILIEV, groups: ['residence'] }] }, 'not-a-known-key')).status).toBe(401);
  });
});
