/**
 * The cache and breaker stages against the real simulators: hits spend no agency call, identical concurrent calls
 * are coalesced, a failed call after expiry serves the stale answer (marked), and a breaker opens after N
 * failures, refuses without calling, and closes after its cool-down once a probe succeeds.
 */
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { parseApplicantFacts } from '../../core/facts/index.ts';
import { MemoryFactsCache } from '../../gateway/cache/index.ts';
import type { CacheHit, FactsCache } from '../../gateway/ports.ts';
import { VASILIEV, outcomesByAgency, postFacts, startSimulators, startTestGateway, type Simulators, type TestGateway } from './support.ts';

let sims: Simulators;
let gateway: TestGateway | undefined;

beforeAll(async () => {
  sims = await startSimulators();
});
afterAll(async () => {
  await sims?.close();
});
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
  sims.engine.setFaults({ rules: [] });
  sims.engine.reset();
});

const DISABILITY = { ...VASILIEV, groups: ['disability'] };
const friCalls = (): number => sims.engine.journal.query({ agency: 'fri' }).length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function metric(prefix: string): Promise<number> {
  const text = await (await fetch(`${gateway!.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

describe('cache stage', () => {
  it('serves a second identical request from the cache without calling the agency', async () => {
    gateway = await startTestGateway(sims, { GATEWAY_CACHE_TTL_MS: '60000' });
    const first = await postFacts(gateway.url, DISABILITY);
    expect(first.headers.get('x-facts-cache')).toMatch(/^fri\.DisabilityRequest=miss$/);
    const second = await postFacts(gateway.url, DISABILITY);
    expect(second.headers.get('x-facts-cache')).toMatch(/^fri\.DisabilityRequest=hit;stored-at="/);
    expect(await second.json()).toEqual(await first.json());
    expect(friCalls()).toBe(1);
    expect(await metric('gateway_cache_events_total{group="disability",result="hit"}')).toBe(1);
    expect(await metric('gateway_cache_events_total{group="disability",result="miss"}')).toBe(1);
  });

  it('coalesces identical concurrent requests into one agency call', async () => {
    gateway = await startTestGateway(sims, { GATEWAY_CACHE_TTL_MS: '60000' });
    sims.engine.setLatency({ agencies: { fri: { default: { kind: 'fixed', ms: 150 } } } });
    try {
      const answers = await Promise.all([1, 2, 3].map(() => postFacts(gateway!.url, DISABILITY)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(friCalls()).toBe(1);
      expect(answers.map((a) => a.headers.get('x-facts-cache')).sort()).toEqual(['fri.DisabilityRequest=coalesced', 'fri.DisabilityRequest=coalesced', 'fri.DisabilityRequest=miss']);
    } finally {
      sims.engine.setLatency({ agencies: {} });
    }
  });

  it('serves the stale answer, marked, when the agency fails after the answer expired', async () => {
    gateway = await startTestGateway(sims, { GATEWAY_CACHE_TTL_MS: '100', GATEWAY_CACHE_STALE_MS: '60000', GATEWAY_RETRIES: '0' });
    const fresh = await (await postFacts(gateway.url, DISABILITY)).json();
    await sleep(150);
    sims.engine.setFaults({ rules: [{ when: { agency: 'fri' }, action: { type: 'connection-reset' } }] });
    const response = await postFacts(gateway.url, DISABILITY);
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(outcomesByAgency(body)['fri']?.status).toBe('answered');
    expect(body.facts.disability).toEqual(fresh.facts.disability);
    expect(response.headers.get('x-facts-cache')).toMatch(/^fri\.DisabilityRequest=stale;stored-at="/);
    expect(friCalls()).toBe(2);
    expect(await metric('gateway_cache_events_total{group="disability",result="stale"}')).toBe(1);
  });

  it('treats a cached answer that fails the facts model as a miss: the agency is asked again and the answer is valid', async () => {
    // A shared cache may hold what another gateway version wrote; here the stored disability loses its start date.
    const store = new MemoryFactsCache({ maxEntries: 100, maxBytes: 1_000_000 });
    let corrupt = false;
    const cache: FactsCache = {
      get: async <T>(key: string) => {
        const hit = await store.get<{ kind: string; facts?: { disability?: Record<string, unknown>[] } }>(key);
        if (hit !== undefined && corrupt) for (const fact of hit.value.facts?.disability ?? []) delete (fact['data'] as Record<string, unknown>)['since'];
        return hit as CacheHit<T> | undefined;
      },
      set: (key, value, ttlMs, staleTtlMs) => store.set(key, value, ttlMs, staleTtlMs),
      delete: (key) => store.delete(key),
      close: () => store.close(),
    };
    gateway = await startTestGateway(sims, { GATEWAY_CACHE_TTL_MS: '60000' }, { cache });
    await postFacts(gateway.url, DISABILITY);
    corrupt = true;
    const response = await postFacts(gateway.url, DISABILITY);
    expect(response.headers.get('x-facts-cache')).toBe('fri.DisabilityRequest=miss');
    expect(parseApplicantFacts(await response.json()).facts.disability.length).toBeGreaterThan(0);
    expect(friCalls()).toBe(2);
  });
});

describe('breaker stage', () => {
  it('opens after N failures, refuses without calling, and closes after the cool-down', async () => {
    gateway = await startTestGateway(sims, { GATEWAY_CACHE_TTL_MS: '0', GATEWAY_RETRIES: '0', GATEWAY_BREAKER_FAILURES: '2', GATEWAY_BREAKER_COOLDOWN_MS: '300' });
    sims.engine.setFaults({ rules: [{ when: { agency: 'fri' }, action: { type: 'connection-reset' } }] });
    for (let i = 0; i < 2; i++) await postFacts(gateway.url, DISABILITY);
    expect(friCalls()).toBe(2);

    const refused = outcomesByAgency(await (await postFacts(gateway.url, DISABILITY)).json())['fri'];
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'ERR_AGENCY_UNAVAILABLE' } });
    expect(friCalls()).toBe(2);
    const ready = await (await fetch(`${gateway.url}/readyz`)).json();
    expect(ready.agencies.fri.breaker.state).toBe('open');
    expect(ready.agencies.fri.lastOutcome).toMatchObject({ outcome: 'failed', code: 'ERR_AGENCY_UNAVAILABLE' });
    expect(await metric('gateway_breaker_state{agency="fri"}')).toBe(2);
    expect(await metric('gateway_agency_calls_total{agency="fri",outcome="breaker-open"}')).toBe(1);

    sims.engine.setFaults({ rules: [] });
    await sleep(350);
    expect((await (await fetch(`${gateway.url}/readyz`)).json()).agencies.fri.breaker.state).toBe('half-open');
    expect(outcomesByAgency(await (await postFacts(gateway.url, DISABILITY)).json())['fri']?.status).toBe('answered');
    expect((await (await fetch(`${gateway.url}/readyz`)).json()).agencies.fri.breaker.state).toBe('closed');
    expect(await metric('gateway_breaker_state{agency="fri"}')).toBe(0);
  });
});
