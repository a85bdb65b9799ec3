/**
 * Each engine fault on one agency, through the real simulators and the gateway's whole pipeline: the answer stays
 * a 200, the other agencies still answer, and the faulted agency's outcome carries the right typed error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VASILIEV, outcomesByAgency, postFacts, startSimulators, startTestGateway, type Simulators, type TestGateway } from './support.ts';

let sims: Simulators;
let gateway: TestGateway;

beforeAll(async () => {
  sims = await startSimulators();
  // No cache (every request reaches the agency), one retry, short deadlines.
  gateway = await startTestGateway(sims, { GATEWAY_CACHE_TTL_MS: '0', GATEWAY_RETRIES: '1', GATEWAY_AGENCY_TIMEOUT_MS: '600' });
});
afterAll(async () => {
  await gateway?.close();
  await sims?.close();
});
afterEach(() => {
  sims.engine.setFaults({ rules: [] });
  sims.engine.reset();
});

const REQUEST = { ...VASILIEV, groups: ['disability', 'residence', 'pensions'] };

async function outcomesWithFault(action: Record<string, unknown>): Promise<ReturnType<typeof outcomesByAgency>> {
  sims.engine.setFaults({ rules: [{ id: 'under-test', when: { agency: 'fri' }, action }] });
  const response = await postFacts(gateway.url, REQUEST);
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  const outcomes = outcomesByAgency(body);
  expect(outcomes['mvd']?.status).toBe('answered');
  expect(outcomes['sfr']?.status).toBe('answered');
  return outcomes;
}

describe('a faulted agency makes a partial answer, never a 500', () => {
  it.each([
    [{ type: 'rejected', code: 'ACCESS_DENIED' }, 'ERR_AGENCY_ACCESS_DENIED', false],
    [{ type: 'rejected', code: 'UNKNOWN_REQUEST_DESCRIPTION' }, 'ERR_AGENCY_REJECTED', false],
    [{ type: 'rejected', code: 'FAILURE' }, 'ERR_AGENCY_FAILURE', true],
    [{ type: 'soap-fault', fault: 'SMEVFailure' }, 'ERR_SMEV_RETRY_LATER', true],
    [{ type: 'soap-fault', fault: 'AccessDenied' }, 'ERR_SMEV_FAULT', false],
    [{ type: 'http-status', status: 503 }, 'ERR_AGENCY_UNAVAILABLE', true],
    [{ type: 'http-status', status: 500 }, 'ERR_AGENCY_UNAVAILABLE', true],
    [{ type: 'maintenance', retryAfterSeconds: 1 }, 'ERR_AGENCY_UNAVAILABLE', true],
    [{ type: 'connection-reset' }, 'ERR_AGENCY_UNAVAILABLE', true],
    [{ type: 'truncated-xml', fraction: 0.5 }, 'ERR_AGENCY_BAD_RESPONSE', false],
    [{ type: 'bad-signature' }, 'ERR_AGENCY_UNVERIFIED_RESPONSE', false],
    [{ type: 'timeout' }, 'ERR_AGENCY_TIMEOUT', true],
    [{ type: 'slow-drip', chunkSize: 64, delayMs: 100 }, 'ERR_AGENCY_TIMEOUT', true],
    [{ type: 'not-ready', times: 1000 }, 'ERR_AGENCY_NOT_READY', true],
  ])('%j becomes failed with %s', async (action, code, retryable) => {
    const outcomes = await outcomesWithFault(action);
    expect(outcomes['fri']).toMatchObject({ status: 'failed', error: { code, retryable } });
  });

  it('RequestRejected NO_DATA is a no-data outcome, not a failure', async () => {
    const outcomes = await outcomesWithFault({ type: 'rejected', code: 'NO_DATA' });
    expect(outcomes['fri']).toEqual({ agency: 'fri', status: 'no-data' });
  });

  it('a not-ready agency that gets ready within the retry budget is answered', async () => {
    const outcomes = await outcomesWithFault({ type: 'not-ready', times: 1 });
    expect(outcomes['fri']?.status).toBe('answered');
  });

  it('a non-retryable fault is asked once; a retryable one is retried and the retry is in /metrics', async () => {
    sims.engine.setFaults({ rules: [{ id: 'once', when: { agency: 'fri' }, firstCalls: 1, action: { type: 'http-status', status: 503 } }] });
    const before = await retriesOf('fri');
    const response = await postFacts(gateway.url, REQUEST);
    expect(outcomesByAgency(await response.json())['fri']?.status).toBe('answered');
    expect(sims.engine.journal.query({ agency: 'fri' })).toHaveLength(2);
    expect(await retriesOf('fri')).toBe(before + 1);

    sims.engine.reset();
    sims.engine.setFaults({ rules: [{ id: 'final', when: { agency: 'fri' }, action: { type: 'rejected', code: 'ACCESS_DENIED' } }] });
    await postFacts(gateway.url, REQUEST);
    expect(sims.engine.journal.query({ agency: 'fri' })).toHaveLength(1);
  });
});

async function retriesOf(agency: string): Promise<number> {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`gateway_retries_total{agency="${agency}"}`));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}
