/**
 * The one contract suite every agency (adapter + simulator pair) runs: round trips through the real HTTP simulator
 * against an independent oracle, no data and near misses, every fault type to its typed outcome, XSD refusal of a
 * malformed request, and a node-soap client built from the served WSDL. An agency that cannot run a case says why
 * in the skipped test's name.
 */
import soap from 'soap';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callAgencyDirect } from '../../adapters/transport/direct-soap-client.ts';
import type { AdapterOutcome, AgencyAdapter, FactsQuery } from '../../core/adapter/index.ts';
import type { AgencyCode, ContractOperation } from '../../core/contracts/index.ts';
import { getContract } from '../../core/contracts/index.ts';
import { buildDirectRequest } from '../../core/direct-soap/index.ts';
import type { FactGroup } from '../../core/facts/index.ts';
import { SimulatorEngine, createAgencySimulators, fixtureSigningFor, fixtureTrustList, startAgencySimulator, type RunningAgencySimulator } from '../../simulators/index.ts';
import type { Expected } from './expected/common.ts';
import { PERSONAS_DIR } from './personas.ts';

/** One call the suite makes and what the oracle says it must produce. */
export interface AgencyCase {
  /** Shown in the test name, e.g. "survivor-petrova-granted/son". */
  readonly label: string;
  readonly adapter: AgencyAdapter;
  readonly query: FactsQuery;
  readonly expected: Expected;
}

export type Skip = { readonly skip: string };
const isSkip = (value: unknown): value is Skip => typeof value === 'object' && value !== null && 'skip' in value;

export interface AgencyContractSpec {
  readonly agency: AgencyCode;
  /** At least five, on members of at least five personas where the fixtures allow. */
  readonly roundTrips: readonly AgencyCase[];
  /** A member the agency has never heard of. */
  readonly unknown: Omit<AgencyCase, 'expected'>;
  /** The right SNILS with the wrong birth date (or the agency's nearest equivalent, with the reason). */
  readonly nearMiss: (Omit<AgencyCase, 'expected'> & { readonly variant: string; readonly explains: RegExp }) | Skip;
  /** A call that yields facts, used for the fault cases. */
  readonly faultCase: Omit<AgencyCase, 'expected'>;
  /** How "not ready" looks on the wire for this agency (journal response text). */
  readonly notReadyOnWire: RegExp;
  /** Malformed requests: [description, mutate(payloadXml), what the fault text must name]. */
  readonly malformed: readonly { readonly what: string; readonly mutate: (payloadXml: string) => string; readonly names: RegExp }[];
  /** A node-soap call built from the served WSDL: operation, arguments, and a value the answer must contain. */
  readonly nodeSoap: { readonly operation: string; readonly args: Record<string, unknown>; readonly contains: readonly string[] } | Skip;
}

const TRUST = fixtureTrustList();
const CLIENT_TIMEOUT_MS = 5_000;

/** Facts compared as data (provenance checked separately); order inside a group is not part of the contract. */
function comparable(outcome: AdapterOutcome, group: FactGroup): unknown[] {
  if (outcome.kind !== 'facts') return [];
  const list = (outcome.facts as Record<string, { data: unknown }[] | undefined>)[group] ?? [];
  return sortDeep(list.map((fact) => fact.data)) as unknown[];
}

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortDeep(v)]));
  return value;
}

function describeOutcome(outcome: AdapterOutcome): string {
  return outcome.kind === 'error' ? `error ${outcome.error.code}: ${outcome.error.message}` : outcome.kind === 'no-data' ? `no-data (${outcome.reason})` : outcome.kind;
}

function operationOf(adapter: AgencyAdapter): ContractOperation {
  const contract = getContract(adapter.agency);
  const operation = contract.operations.find((op) => op.requestRoot === adapter.messageType.localName);
  if (!operation) throw new Error(`no ${adapter.agency} operation has request root ${adapter.messageType.localName}`);
  return operation;
}

export function describeAgencyContract(spec: AgencyContractSpec): void {
  const contract = getContract(spec.agency);
  let engine: SimulatorEngine;
  let running: RunningAgencySimulator;

  const call = (c: Omit<AgencyCase, 'expected'>, timeoutMs = CLIENT_TIMEOUT_MS): Promise<AdapterOutcome> =>
    callAgencyDirect({ url: running.url, contract, operation: operationOf(c.adapter), adapter: c.adapter, query: c.query, trust: TRUST, timeoutMs });

  const admin = async (method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${running.origin}/__admin${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  };

  const journal = async (): Promise<{ nearMiss?: string; response?: string; status: number | string }[]> =>
    ((await admin('GET', `/journal?agency=${spec.agency}`)) as { entries: { nearMiss?: string; response?: string; status: number | string }[] }).entries;

  describe(`agency ${spec.agency} (${contract.name})`, () => {
    beforeAll(async () => {
      engine = new SimulatorEngine({ seed: 11, personasDir: PERSONAS_DIR, watchPersonas: false });
      const simulator = createAgencySimulators(engine).find((s) => s.agency === spec.agency);
      if (!simulator) throw new Error(`no simulator for ${spec.agency}`);
      running = await startAgencySimulator({ simulator, engine, signing: fixtureSigningFor(spec.agency), trust: TRUST, logger: { error: () => undefined } });
    });

    afterAll(async () => {
      await running?.close();
      engine?.close();
    });

    afterEach(async () => {
      await admin('PUT', '/faults', { rules: [] });
      await admin('POST', '/maintenance', { on: false });
      await admin('POST', '/reset');
    });

    describe('round trip through the HTTP simulator equals the fixture', () => {
      it(`covers at least five personas`, () => {
        expect(spec.roundTrips.length).toBeGreaterThanOrEqual(5);
      });

      it.each(spec.roundTrips.map((c) => [c.label, c] as const))('%s', async (_label, c) => {
        const outcome = await call(c);
        if (c.expected.kind === 'no-data') {
          expect(outcome.kind, describeOutcome(outcome)).toBe('no-data');
          return;
        }
        expect(outcome.kind, describeOutcome(outcome)).toBe('facts');
        expect(comparable(outcome, c.expected.group)).toEqual(sortDeep([...c.expected.data]));
        const provenance = outcome.kind === 'facts' ? ((outcome.facts as Record<string, { provenance: { agency: string; signatureVerified: boolean } }[]>)[c.expected.group] ?? []).map((f) => f.provenance) : [];
        for (const p of provenance) expect(p).toMatchObject({ agency: spec.agency, signatureVerified: true });
      });
    });

    describe('people the agency does not know', () => {
      it('answers a member unknown to the agency with no-data', async () => {
        const outcome = await call(spec.unknown);
        expect(outcome.kind, describeOutcome(outcome)).toBe('no-data');
      });

      const nearMiss = spec.nearMiss;
      if (isSkip(nearMiss)) {
        it.skip(`answers a near miss with no-data and journals why — skipped: ${nearMiss.skip}`, () => undefined);
      } else {
        it(`answers a near miss (${nearMiss.variant}) with no-data and journals the explanation`, async () => {
          const outcome = await call(nearMiss);
          expect(outcome.kind, describeOutcome(outcome)).toBe('no-data');
          const entries = await journal();
          const explained = entries.map((e) => e.nearMiss).filter((text): text is string => typeof text === 'string');
          expect(explained.length).toBeGreaterThan(0);
          expect(explained.join('\n')).toMatch(nearMiss.explains);
        });
      }
    });

    describe('every fault type reaches the caller as its typed outcome', () => {
      const setFault = (action: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
        admin('PUT', '/faults', { rules: [{ id: 'contract-suite', when: { agency: spec.agency }, action, ...extra }] });
      const errorCode = (outcome: AdapterOutcome) => (outcome.kind === 'error' ? outcome.error.code : `not an error: ${describeOutcome(outcome)}`);

      it('RequestRejected NO_DATA is no-data', async () => {
        await setFault({ type: 'rejected', code: 'NO_DATA', description: 'nothing on file' });
        expect(await call(spec.faultCase)).toEqual({ kind: 'no-data', reason: 'nothing on file' });
      });

      it('RequestRejected ACCESS_DENIED is ERR_AGENCY_ACCESS_DENIED', async () => {
        await setFault({ type: 'rejected', code: 'ACCESS_DENIED' });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_AGENCY_ACCESS_DENIED');
      });

      it('not-ready once is not-ready, then the answer', async () => {
        await setFault({ type: 'not-ready', times: 1 });
        const first = await call(spec.faultCase);
        expect(first.kind, describeOutcome(first)).toBe('not-ready');
        const [entry] = await journal();
        expect(entry?.response ?? '').toMatch(spec.notReadyOnWire);
        const second = await call(spec.faultCase);
        expect(second.kind, describeOutcome(second)).toBe('facts');
      });

      it('a retryable SOAP fault (SMEVFailure) is ERR_SMEV_RETRY_LATER', async () => {
        await setFault({ type: 'soap-fault', fault: 'SMEVFailure' });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_SMEV_RETRY_LATER');
      });

      it('a final SOAP fault (AccessDenied) is ERR_SMEV_FAULT', async () => {
        await setFault({ type: 'soap-fault', fault: 'AccessDenied', description: 'not for you' });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_SMEV_FAULT');
      });

      it.each([500, 503])('HTTP %i is ERR_AGENCY_UNAVAILABLE', async (status) => {
        await setFault({ type: 'http-status', status });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_AGENCY_UNAVAILABLE');
      });

      it('a maintenance fault is ERR_AGENCY_UNAVAILABLE with the Retry-After', async () => {
        await setFault({ type: 'maintenance', retryAfterSeconds: 30 });
        const outcome = await call(spec.faultCase);
        expect(errorCode(outcome)).toBe('ERR_AGENCY_UNAVAILABLE');
        expect(outcome.kind === 'error' && outcome.error.details).toMatchObject({ httpStatus: 503, retryAfterMs: 30_000 });
      });

      it('maintenance switched on through the admin API is ERR_AGENCY_UNAVAILABLE', async () => {
        await admin('POST', '/maintenance', { on: true });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_AGENCY_UNAVAILABLE');
      });

      it('a connection reset is ERR_AGENCY_UNAVAILABLE', async () => {
        await setFault({ type: 'connection-reset' });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_AGENCY_UNAVAILABLE');
      });

      it('truncated XML is ERR_AGENCY_BAD_RESPONSE', async () => {
        await setFault({ type: 'truncated-xml', fraction: 0.5 });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_AGENCY_BAD_RESPONSE');
      });

      it('a bad signature is ERR_AGENCY_UNVERIFIED_RESPONSE', async () => {
        await setFault({ type: 'bad-signature' });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_AGENCY_UNVERIFIED_RESPONSE');
      });

      it('a slow drip past the client deadline is ERR_AGENCY_TIMEOUT', async () => {
        await setFault({ type: 'slow-drip', chunkSize: 64, delayMs: 40 });
        expect(errorCode(await call(spec.faultCase, 500))).toBe('ERR_AGENCY_TIMEOUT');
      });

      it('a held request is ERR_AGENCY_TIMEOUT', async () => {
        await setFault({ type: 'timeout' });
        expect(errorCode(await call(spec.faultCase, 300))).toBe('ERR_AGENCY_TIMEOUT');
      });

      it('a rule scripted to fail the first 2 calls fails twice, then answers', async () => {
        await setFault({ type: 'soap-fault', fault: 'SMEVFailure' }, { firstCalls: 2 });
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_SMEV_RETRY_LATER');
        expect(errorCode(await call(spec.faultCase))).toBe('ERR_SMEV_RETRY_LATER');
        const third = await call(spec.faultCase);
        expect(third.kind, describeOutcome(third)).toBe('facts');
      });
    });

    describe('XSD validation of requests', () => {
      it.each(spec.malformed.map((m) => [m.what, m] as const))('refuses a request with %s with a 400 SOAP fault naming the problem', async (_what, m) => {
        const payloadXml = m.mutate(spec.faultCase.adapter.buildRequest(spec.faultCase.query));
        const operation = operationOf(spec.faultCase.adapter);
        const response = await fetch(running.url, {
          method: 'POST',
          headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${operation.soapAction}"` },
          body: buildDirectRequest({ payloadXml }).xml,
        });
        const text = await response.text();
        expect(response.status).toBe(400);
        expect(text).toMatch(/Fault/);
        expect(text).toMatch(m.names);
      });
    });

    describe('a generic SOAP client', () => {
      const nodeSoap = spec.nodeSoap;
      if (isSkip(nodeSoap)) {
        it.skip(`node-soap from the served WSDL — skipped: ${nodeSoap.skip}`, () => undefined);
      } else {
        it(`node-soap built from the served WSDL calls ${nodeSoap.operation} and gets the documented answer`, async () => {
          const client = await soap.createClientAsync(running.wsdlUrl);
          const method = (client as unknown as Record<string, (args: unknown) => Promise<[unknown]>>)[`${nodeSoap.operation}Async`];
          expect(typeof method).toBe('function');
          const [result] = await method!.call(client, nodeSoap.args);
          const text = JSON.stringify(result);
          for (const value of nodeSoap.contains) expect(text).toContain(value);
        });
      }
    });
  });
}
