/**
 * Who may ask what, and what a bad request gets: 401 without a known key, 403 when nothing asked is allowed (or
 * the purpose is not), per-agency ERR_AGENCY_ACCESS_DENIED when only part is, 400 listing every issue; refusals
 * are audited, and refused calls never reach an agency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VASILIEV, outcomesByAgency, postFacts, type Simulators, type TestGateway, startGatewayWithLimitedConsumer } from './support.ts';

let sims: Simulators;
let gateway: TestGateway;
const LIMITED_KEY = 'limited-consumer-key-1';

let close: (() => Promise<void>) | undefined;
beforeAll(async () => {
  ({ sims, gateway, close } = await startGatewayWithLimitedConsumer(LIMITED_KEY));
});
afterAll(() => close?.());

const asLimited = { 'x-api-key': LIMITED_KEY };

describe('authentication', () => {
  it('answers 401 problem+json without a key or with an unknown one', async () => {
    for (const headers of [{ 'x-api-key': '' }, { 'x-api-key': 'not-a-known-key' }]) {
      const response = await postFacts(gateway.url, { ...VASILIEV, groups: ['residence'] }, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toMatchObject({ status: 401, code: 'ERR_UNAUTHENTICATED' });
    }
  });
});

describe('access rights', () => {
  it('refuses a request none of which is allowed with 403, audits it and calls no agency', async () => {
    const response = await postFacts(gateway.url, { ...VASILIEV, groups: ['disability'] }, asLimited);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'ERR_FORBIDDEN', details: { reasons: [expect.stringMatching(/no rights on agency fri/)] } });
    expect(sims.engine.journal.query({ agency: 'fri' })).toHaveLength(0);
    expect(gateway.audit.records.at(-1)).toMatchObject({ consumer: 'limited', outcome: 'refused' });
  });

  it('refuses a purpose the consumer may not cite with 403', async () => {
    const response = await postFacts(gateway.url, { ...VASILIEV, purpose: { measure: 'birth-gift' }, groups: ['residence'] }, asLimited);
    expect(response.status).toBe(403);
    expect((await response.json()).detail).toMatch(/measure "birth-gift"/);
  });

  it('answers the allowed part and fails the rest per agency with ERR_AGENCY_ACCESS_DENIED', async () => {
    const response = await postFacts(gateway.url, { ...VASILIEV, groups: ['residence', 'disability'] }, asLimited);
    expect(response.status).toBe(200);
    const outcomes = outcomesByAgency(await response.json());
    expect(outcomes['mvd']?.status).toBe('answered');
    expect(outcomes['fri']).toMatchObject({ status: 'failed', error: { code: 'ERR_AGENCY_ACCESS_DENIED', retryable: false } });
    expect(sims.engine.journal.query({ agency: 'fri' })).toHaveLength(0);
    expect(gateway.audit.records.at(-1)).toMatchObject({ consumer: 'limited', outcome: 'partial', agencies: ['mvd', 'fri'] });
  });
});

describe('validation', () => {
  it('answers 400 listing every issue of a bad body', async () => {
    const response = await postFacts(gateway.url, {
      subject: { snils: '12345678900', name: { family: 'Иванов' }, birthDate: '1980-13-01', extra: 1 },
      groups: ['income', 'salary'],
      purpose: {},
    });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.code).toBe('ERR_VALIDATION');
    const paths = (problem.details.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['subject.snils', 'subject.name.first', 'subject.birthDate', 'groups[1]', 'purpose']));
    expect(paths.length).toBeGreaterThanOrEqual(6);
  });

  it('answers 400 for a body that is not JSON, and 404 problem for an unknown route', async () => {
    const response = await fetch(`${gateway.url}/v1/facts`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'demo-decision-key' }, body: '{"subject":' });
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('ERR_VALIDATION');
    const missing = await fetch(`${gateway.url}/v2/nothing`, { headers: { 'x-api-key': 'demo-decision-key' } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).code).toBe('ERR_NOT_FOUND');
  });
});
