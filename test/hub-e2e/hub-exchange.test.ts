/**
 * End to end through the exchange hub: consumer → hub → provider agency → hub → consumer, with signatures on
 * every step, for one demo persona per agency; redelivery, asynchronous rejection, duplicate and stale ids,
 * unknown message types and engine faults flowing through the asynchronous exchange.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fnsIncomeAdapter, friDisabilityAdapter, gisZhkhAccrualsAdapter, mvdRegistrationAdapter, sfrPaymentsAdapter, zagsDeathsAdapter } from '../../adapters/index.ts';
import { pollHubResponses, sendPayloadViaHub, sendViaHub, type ReceivedResponse } from '../../adapters/transport/hub-client.ts';
import type { AdapterOutcome, AgencyAdapter, FactsQuery } from '../../core/adapter/index.ts';
import { isKitError } from '../../core/errors/index.ts';
import type { DatePeriod, FactGroup } from '../../core/facts/index.ts';
import { generateMessageId } from '../../core/smev/envelope/index.ts';
import type { Expected } from '../agencies/expected/common.ts';
import { expectedIncome } from '../agencies/expected/fns.ts';
import { expectedDisability } from '../agencies/expected/fri.ts';
import { expectedHousing } from '../agencies/expected/gis-zhkh.ts';
import { expectedResidence } from '../agencies/expected/mvd.ts';
import { expectedPensions } from '../agencies/expected/sfr.ts';
import { expectedDeaths } from '../agencies/expected/zags.ts';
import { member, persona, subjectOf } from '../agencies/personas.ts';
import { CONSUMER_SIGNING, TRUST, startHubWorld, type HubWorld } from './support.ts';

const VISIBILITY_MS = 400;
const TWELVE_MONTHS: DatePeriod = { from: '2025-11-01', to: '2026-10-31' };
const DECISION_DATE = '2026-11-16';

const sergeevaMother = member('children-3-7-sergeeva-golden-75', 'mother');
const vasiliev = member('utility-vasiliev-granted', 'applicant');
const vasilievAccount = vasiliev.agencies['gis-zhkh']!.accounts[0]!;
const house = { fiasHouseGuid: vasilievAccount.fiasHouseGuid, address: vasilievAccount.address };
const petrovaFather = member('survivor-petrova-granted', 'father');

interface Case {
  readonly agency: string;
  readonly adapter: AgencyAdapter;
  readonly query: FactsQuery;
  readonly expected: Expected;
}

const CASES: readonly Case[] = [
  { agency: 'sfr', adapter: sfrPaymentsAdapter, query: { subject: subjectOf(vasiliev), period: TWELVE_MONTHS, purpose: {} }, expected: expectedPensions(vasiliev, TWELVE_MONTHS) },
  { agency: 'fns', adapter: fnsIncomeAdapter, query: { subject: subjectOf(sergeevaMother), period: TWELVE_MONTHS, purpose: {} }, expected: expectedIncome(sergeevaMother, TWELVE_MONTHS) },
  { agency: 'fri', adapter: friDisabilityAdapter, query: { subject: subjectOf(vasiliev), asOf: DECISION_DATE, purpose: {} }, expected: expectedDisability(vasiliev, DECISION_DATE) },
  {
    agency: 'gis-zhkh',
    adapter: gisZhkhAccrualsAdapter,
    query: { subject: subjectOf(vasiliev, 'passport-rf'), period: { from: '2026-05-01', to: '2026-10-31' }, purpose: {}, dwelling: house } as FactsQuery,
    expected: expectedHousing(vasiliev, house, { from: '2026-05-01', to: '2026-10-31' }),
  },
  { agency: 'zags', adapter: zagsDeathsAdapter, query: { subject: subjectOf(petrovaFather), purpose: {} }, expected: expectedDeaths(persona('survivor-petrova-granted'), subjectOf(petrovaFather)) },
  { agency: 'mvd', adapter: mvdRegistrationAdapter, query: { subject: subjectOf(vasiliev, 'passport-rf'), asOf: DECISION_DATE, purpose: {} }, expected: expectedResidence(vasiliev, DECISION_DATE) },
];

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sortDeep(v)]));
  return value;
}

function factsOf(outcome: AdapterOutcome, group: FactGroup): { data: unknown; provenance: { agency: string; signatureVerified: boolean; messageId: string; request: { messageId: string } } }[] {
  return outcome.kind === 'facts' ? ((outcome.facts as Record<string, never[] | undefined>)[group] ?? []) : [];
}

const describeOutcome = (o: AdapterOutcome): string => (o.kind === 'error' ? `error ${o.error.code}: ${o.error.message}` : o.kind);

/** Polls without acknowledging until the response to `originalMessageId` shows up (others stay un-acked too). */
async function pollUntil(world: HubWorld, originalMessageId: string, ack: boolean, withinMs: number): Promise<ReceivedResponse | undefined> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const [received] = await pollHubResponses({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST, ack: (r) => ack && r.originalMessageId === originalMessageId });
    if (received?.originalMessageId === originalMessageId) return received;
    if (!received) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return undefined;
}

describe('the asynchronous exchange through the hub', () => {
  let world: HubWorld;

  beforeAll(async () => {
    world = await startHubWorld({ visibilityTimeoutMs: VISIBILITY_MS });
  });

  afterAll(async () => {
    await world?.close();
  });

  afterEach(() => {
    world.engine.setFaults({ rules: [] });
    world.engine.reset();
  });

  describe('each agency answers through the hub and the consumer verifies and acknowledges', () => {
    it.each(CASES.map((c) => [c.agency, c] as const))('%s returns the facts of its demo persona', async (_agency, c) => {
      const outcome = await world.consumer.request(c.adapter, c.query);
      if (c.expected.kind === 'no-data') {
        expect(outcome.kind, describeOutcome(outcome)).toBe('no-data');
        return;
      }
      expect(outcome.kind, describeOutcome(outcome)).toBe('facts');
      const facts = factsOf(outcome, c.expected.group);
      expect(sortDeep(facts.map((f) => f.data))).toEqual(sortDeep([...c.expected.data]));
      for (const f of facts) expect(f.provenance).toMatchObject({ agency: c.agency, signatureVerified: true });
    });

    it('leaves nothing behind in the consumer queue once every answer is acknowledged', async () => {
      await world.consumer.request(CASES[1]!.adapter, CASES[1]!.query);
      await new Promise((resolve) => setTimeout(resolve, VISIBILITY_MS + 100));
      expect(await pollHubResponses({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST })).toEqual([]);
    });
  });

  it('delivers a response again after the visibility timeout when the consumer does not acknowledge it', async () => {
    const c = CASES[1]!;
    const { messageId } = await sendViaHub({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST, adapter: c.adapter, query: c.query });
    const first = await pollUntil(world, messageId, false, 5000);
    expect(first?.verified).toBe(true);
    expect(first?.acknowledged).toBe(false);
    const again = await pollUntil(world, messageId, true, VISIBILITY_MS * 4 + 2000);
    expect(again?.messageId).toBe(first?.messageId);
    expect(again?.acknowledged).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, VISIBILITY_MS + 100));
    expect(await pollUntil(world, messageId, true, 300)).toBeUndefined();
  });

  it('rejects an XSD-invalid payload asynchronously, into the consumer response queue, as ERR_AGENCY_REJECTED', async () => {
    const payloadXml = `<IncomeRequest xmlns="${fnsIncomeAdapter.messageType.namespaceUri}"><NotInTheSchema>1</NotInTheSchema></IncomeRequest>`;
    const sent = await sendPayloadViaHub({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST, payloadXml });
    expect(sent.alreadySent).toBe(false);
    const outcome = await world.consumer.await(sent.messageId, fnsIncomeAdapter, { timeoutMs: 5000 });
    expect(outcome.kind === 'error' && outcome.error.code, describeOutcome(outcome)).toBe('ERR_AGENCY_REJECTED');
    expect(outcome.kind === 'error' && outcome.error.details).toMatchObject({ statusCategory: 'requestIsRejectedBySmev' });
    // The provider never saw it.
    expect(world.engine.journal.query({ agency: 'fns' }).filter((e) => e.messageId === sent.messageId)).toEqual([]);
  });

  it('treats a duplicate MessageID as already sent and replaces a stale one once', async () => {
    const c = CASES[1]!;
    const messageId = generateMessageId();
    const first = await sendViaHub({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST, adapter: c.adapter, query: c.query, messageId });
    const second = await sendViaHub({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST, adapter: c.adapter, query: c.query, messageId });
    expect(first).toMatchObject({ messageId, alreadySent: false });
    expect(second).toMatchObject({ messageId, alreadySent: true });
    expect((await world.consumer.await(messageId, c.adapter, { query: c.query })).kind).toBe('facts');

    const stale = generateMessageId(new Date(Date.now() - 3 * 24 * 3600 * 1000));
    const replaced = await sendViaHub({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST, adapter: c.adapter, query: c.query, messageId: stale });
    expect(replaced.replacedMessageId).toBe(stale);
    expect(replaced.messageId).not.toBe(stale);
    expect((await world.consumer.await(replaced.messageId, c.adapter, { query: c.query })).kind).toBe('facts');
  });

  it('refuses a request of an unregistered message type, and a poll selecting one', async () => {
    const error = await sendPayloadViaHub({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST, payloadXml: '<Unknown xmlns="urn:example:not-registered"/>' }).catch((e: unknown) => e);
    expect(isKitError(error) && error.code).toBe('ERR_SMEV_FAULT');
    expect(isKitError(error) && error.details.fault).toMatch(/BusinessDataTypeIsNotSupported|RecipientIsNotFound/);
    const pollError = await pollHubResponses({ hubUrl: world.hubUrl, signing: CONSUMER_SIGNING, trust: TRUST, messageType: { namespaceUri: 'urn:example:not-registered', localName: 'Unknown' } }).catch((e: unknown) => e);
    expect(isKitError(pollError) && pollError.details.fault).toBe('UnknownMessageType');
  });

  describe('engine faults flow through the hub', () => {
    it('a RequestRejected NO_DATA reaches the consumer as no-data', async () => {
      world.engine.setFaults({ rules: [{ id: 'no-data', when: { agency: 'fri' }, firstCalls: 1, action: { type: 'rejected', code: 'NO_DATA', description: 'nothing on file' } }] });
      const c = CASES[2]!;
      expect(await world.consumer.request(c.adapter, c.query)).toEqual({ kind: 'no-data', reason: 'nothing on file' });
    });

    it.each([
      ['fns', 1, 'its own processing-code answer'],
      ['fri', 2, 'RequestStatus'],
    ] as const)('%s not ready twice (%s) then the answer', async (agency, index, _how) => {
      world.engine.setFaults({ rules: [{ id: 'not-ready', when: { agency }, action: { type: 'not-ready', times: 2 } }] });
      const c = CASES[index]!;
      expect((await world.consumer.request(c.adapter, c.query)).kind).toBe('not-ready');
      expect((await world.consumer.request(c.adapter, c.query)).kind).toBe('not-ready');
      expect((await world.consumer.request(c.adapter, c.query)).kind).toBe('facts');
    });

    it('a maintenance window makes the provider answer later, not fail', async () => {
      world.engine.setFaults({ rules: [{ id: 'maintenance', when: { agency: 'mvd' }, firstCalls: 1, action: { type: 'maintenance' } }] });
      const c = CASES[5]!;
      const outcome = await world.consumer.request(c.adapter, c.query);
      expect(outcome.kind, describeOutcome(outcome)).toBe('facts');
      expect(world.engine.journal.query({ agency: 'mvd' }).map((e) => e.status)).toEqual(expect.arrayContaining(['no-response', 200]));
    });

    it('a provider that never answers ends in ERR_AGENCY_TIMEOUT', async () => {
      world.engine.setFaults({ rules: [{ id: 'silent', when: { agency: 'zags' }, firstCalls: 1, action: { type: 'timeout' } }] });
      const c = CASES[4]!;
      const outcome = await world.consumer.request(c.adapter, c.query, { timeoutMs: 600 });
      expect(outcome.kind === 'error' && outcome.error.code).toBe('ERR_AGENCY_TIMEOUT');
    });
  });
});
