/**
 * Every engine fault, through the real HTTP simulator (fake tax-service agency) and callAgencyDirect with a fake
 * adapter: the wire behaviour and the typed outcome the client promises.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { callAgencyDirect } from '../../adapters/transport/direct-soap-client.ts';
import { fnsContract } from '../../core/contracts/index.ts';
import type { AdapterOutcome } from '../../core/adapter/index.ts';
import { parseDirectAnswer } from '../../core/direct-soap/index.ts';
import type { FaultAction, SimulatorEngine } from '../../simulators/engine/index.ts';
import type { AgencySimulator } from '../../simulators/runtime/agency-simulator.ts';
import { startAgencySimulator, type RunningAgencySimulator } from '../../simulators/runtime/server.ts';
import { AGENCY_SIGNING, GET_INCOME, MOTHER_QUERY, STRANGER_QUERY, TRUST, createEngine, createFakeAdapter, fakeFnsSimulator, fakeFnsWithoutNotReady, incomeRequestXml, MOTHER_SNILS } from './support.ts';

let running: RunningAgencySimulator | undefined;
let engine: SimulatorEngine | undefined;

afterEach(async () => {
  await running?.close();
  engine?.close();
  running = undefined;
  engine = undefined;
});

async function start(options: { fault?: FaultAction; simulator?: AgencySimulator; firstCalls?: number } = {}): Promise<RunningAgencySimulator> {
  engine = createEngine(options.fault ? { faults: { rules: [{ id: 'under-test', when: { agency: 'fns' }, firstCalls: options.firstCalls ?? 1, action: options.fault }] } } : {});
  running = await startAgencySimulator({ simulator: options.simulator ?? fakeFnsSimulator, engine, signing: AGENCY_SIGNING, logger: { error: () => undefined } });
  return running;
}

function call(url: string, timeoutMs = 3000, query = MOTHER_QUERY): Promise<AdapterOutcome<'income'>> {
  return callAgencyDirect({ url, contract: fnsContract, operation: GET_INCOME, adapter: createFakeAdapter(), query, trust: TRUST, timeoutMs });
}

async function post(url: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${GET_INCOME.soapAction}"` }, body: `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${incomeRequestXml(MOTHER_SNILS)}</soap:Body></soap:Envelope>` });
}

function errorCode(outcome: AdapterOutcome): string | undefined {
  return outcome.kind === 'error' ? outcome.error.code : undefined;
}

describe('direct calls without faults', () => {
  it('returns the facts of a matched persona with verified provenance', async () => {
    const { url } = await start();
    const adapter = createFakeAdapter();
    const outcome = await callAgencyDirect({ url, contract: fnsContract, operation: GET_INCOME, adapter, query: MOTHER_QUERY, trust: TRUST, timeoutMs: 3000 });
    expect(outcome).toEqual({ kind: 'facts', facts: {} });
    const [seen] = adapter.seen;
    expect(seen?.answer.kind).toBe('business');
    expect(seen?.context.signatureVerified).toBe(true);
    expect(seen?.context.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.context.request.messageType).toBe(`{${fnsContract.namespace}}IncomeRequest`);
  });

  it('answers an unknown subject with the agency no-data shape and journals the near miss', async () => {
    const { url } = await start();
    expect(await call(url, 3000, STRANGER_QUERY)).toEqual({ kind: 'no-data', reason: 'processing code 01' });
    const [entry] = engine!.journal.query({ agency: 'fns' });
    expect(entry?.nearMiss).toMatch(/matched no member|snils/i);
  });
});

describe('each fault type reaches the caller as its typed outcome', () => {
  it('RequestRejected NO_DATA is a signed fault the client turns into no-data', async () => {
    const { url } = await start({ fault: { type: 'rejected', code: 'NO_DATA', description: 'nothing here' }, firstCalls: 2 });
    const response = await post(url);
    expect(response.status).toBe(500);
    const wire = parseDirectAnswer(new Uint8Array(await response.arrayBuffer()));
    expect(wire.kind === 'answer' && wire.answer).toMatchObject({ kind: 'rejected', code: 'NO_DATA' });
    expect(wire.kind === 'answer' && wire.signed).toBe(true);
    expect(await call(url)).toEqual({ kind: 'no-data', reason: 'nothing here' });
  });

  it('RequestRejected ACCESS_DENIED becomes ERR_AGENCY_ACCESS_DENIED', async () => {
    const { url } = await start({ fault: { type: 'rejected', code: 'ACCESS_DENIED' } });
    expect(errorCode(await call(url))).toBe('ERR_AGENCY_ACCESS_DENIED');
  });

  it('not-ready uses the agency business answer when it has one', async () => {
    const { url } = await start({ fault: { type: 'not-ready', times: 1 } });
    expect(await call(url)).toEqual({ kind: 'not-ready' });
    expect((await call(url)).kind).toBe('facts');
  });

  it('not-ready falls back to a signed kit:RequestStatus fault', async () => {
    const { url } = await start({ fault: { type: 'not-ready', times: 1 }, simulator: fakeFnsWithoutNotReady });
    const response = await post(url);
    const wire = parseDirectAnswer(new Uint8Array(await response.arrayBuffer()));
    expect(wire.kind === 'answer' && wire.answer.kind).toBe('status');
    expect((await call(url)).kind).toBe('facts');
  });

  it('a retryable SMEV fault becomes ERR_SMEV_RETRY_LATER', async () => {
    const { url } = await start({ fault: { type: 'soap-fault', fault: 'SMEVFailure' } });
    expect(errorCode(await call(url))).toBe('ERR_SMEV_RETRY_LATER');
  });

  it('a final SMEV fault becomes ERR_SMEV_FAULT', async () => {
    const { url } = await start({ fault: { type: 'soap-fault', fault: 'AccessDenied', description: 'not for you' } });
    const outcome = await call(url);
    expect(errorCode(outcome)).toBe('ERR_SMEV_FAULT');
    expect(outcome.kind === 'error' && outcome.error.details).toMatchObject({ fault: 'AccessDenied' });
  });

  it('HTTP 503 with Retry-After becomes ERR_AGENCY_UNAVAILABLE with retryAfterMs', async () => {
    const { url } = await start({ fault: { type: 'http-status', status: 503, retryAfterSeconds: 7 } });
    const outcome = await call(url);
    expect(errorCode(outcome)).toBe('ERR_AGENCY_UNAVAILABLE');
    expect(outcome.kind === 'error' && outcome.error.details).toMatchObject({ httpStatus: 503, retryAfterMs: 7000 });
  });

  it('HTTP 500 becomes ERR_AGENCY_UNAVAILABLE', async () => {
    const { url } = await start({ fault: { type: 'http-status', status: 500 } });
    expect(errorCode(await call(url))).toBe('ERR_AGENCY_UNAVAILABLE');
  });

  it('maintenance is a 503 the client reports as unavailable', async () => {
    const { url } = await start({ fault: { type: 'maintenance', retryAfterSeconds: 60 }, firstCalls: 2 });
    const response = await post(url);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(errorCode(await call(url))).toBe('ERR_AGENCY_UNAVAILABLE');
  });

  it('connection reset becomes ERR_AGENCY_UNAVAILABLE', async () => {
    const { url } = await start({ fault: { type: 'connection-reset' } });
    expect(errorCode(await call(url))).toBe('ERR_AGENCY_UNAVAILABLE');
    expect(engine!.journal.query({ agency: 'fns' })[0]?.status).toBe('no-response');
  });

  it('a refused connection becomes ERR_AGENCY_UNAVAILABLE', async () => {
    const { url } = await start();
    await running!.close();
    running = undefined;
    expect(errorCode(await call(url))).toBe('ERR_AGENCY_UNAVAILABLE');
  });

  it('timeout holds the request until the client gives up: ERR_AGENCY_TIMEOUT', async () => {
    const { url } = await start({ fault: { type: 'timeout', holdMs: 10_000 } });
    const started = Date.now();
    expect(errorCode(await call(url, 300))).toBe('ERR_AGENCY_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('timeout with a short hold drops the connection: ERR_AGENCY_UNAVAILABLE', async () => {
    const { url } = await start({ fault: { type: 'timeout', holdMs: 100 } });
    expect(errorCode(await call(url, 3000))).toBe('ERR_AGENCY_UNAVAILABLE');
  });

  it('truncated XML becomes ERR_AGENCY_BAD_RESPONSE', async () => {
    const { url } = await start({ fault: { type: 'truncated-xml', fraction: 0.5 } });
    expect(errorCode(await call(url))).toBe('ERR_AGENCY_BAD_RESPONSE');
  });

  it('a bad signature is never used: ERR_AGENCY_UNVERIFIED_RESPONSE', async () => {
    const { url } = await start({ fault: { type: 'bad-signature' } });
    expect(errorCode(await call(url))).toBe('ERR_AGENCY_UNVERIFIED_RESPONSE');
  });

  it('slow drip still delivers the answer when the client waits long enough', async () => {
    const { url } = await start({ fault: { type: 'slow-drip', chunkSize: 512, delayMs: 5 } });
    expect((await call(url)).kind).toBe('facts');
  });

  it('slow drip past the client deadline becomes ERR_AGENCY_TIMEOUT', async () => {
    const { url } = await start({ fault: { type: 'slow-drip', chunkSize: 64, delayMs: 50 } });
    expect(errorCode(await call(url, 400))).toBe('ERR_AGENCY_TIMEOUT');
  });

  it('an answer signed by an untrusted key is never used', async () => {
    engine = createEngine();
    const { fixtureSigningFor } = await import('../../simulators/runtime/fixture-signing.ts');
    running = await startAgencySimulator({ simulator: fakeFnsSimulator, engine, signing: fixtureSigningFor('untrusted') });
    expect(errorCode(await call(running.url))).toBe('ERR_AGENCY_UNVERIFIED_RESPONSE');
  });
});
