/**
 * Consumers' in-process view: the msw handlers from the public simulators entry serve the same facts as the HTTP
 * simulators, one persona per agency, through callAgencyDirect and no server.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fnsIncomeAdapter, friDisabilityAdapter, gisZhkhAccrualsAdapter, mvdRegistrationAdapter, sfrPaymentsAdapter, zagsBirthsAdapter } from '../../adapters/index.ts';
import { callAgencyDirect } from '../../adapters/transport/direct-soap-client.ts';
import type { AgencyAdapter, FactsQuery } from '../../core/adapter/index.ts';
import { getContract } from '../../core/contracts/index.ts';
import { SimulatorEngine, createAgencyHandlers, createAgencySimulators, fixtureTrustList } from '../../simulators/index.ts';
import type { Expected } from './expected/common.ts';
import { expectedIncome } from './expected/fns.ts';
import { expectedDisability } from './expected/fri.ts';
import { expectedHousing } from './expected/gis-zhkh.ts';
import { expectedResidence } from './expected/mvd.ts';
import { expectedPensions } from './expected/sfr.ts';
import { expectedBirths } from './expected/zags.ts';
import { member, persona, PERSONAS_DIR, subjectOf } from './personas.ts';

const BASE = 'http://agencies.test';
const engine = new SimulatorEngine({ seed: 5, personasDir: PERSONAS_DIR, watchPersonas: false });
const server = setupServer(...createAgencyHandlers({ simulators: createAgencySimulators(engine), engine, baseUrl: BASE }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => {
  server.close();
  engine.close();
});

const period = { from: '2026-05-01', to: '2026-10-31' };
const sergeeva = member('children-3-7-sergeeva-golden-75', 'father');
const vasiliev = member('utility-vasiliev-granted', 'applicant');
const vasilievHouse = { fiasHouseGuid: vasiliev.agencies.mvd!.registrations[0]!.fiasGuid!, address: vasiliev.agencies.mvd!.registrations[0]!.address };
const smirnovaSon = member('disabled-child-smirnova-granted', 'son');
const petrovaSon = member('survivor-petrova-granted', 'son');

const CASES: readonly { agency: string; adapter: AgencyAdapter; query: FactsQuery; expected: Expected }[] = [
  { agency: 'sfr', adapter: sfrPaymentsAdapter, query: { subject: subjectOf(vasiliev), period, purpose: {} }, expected: expectedPensions(vasiliev, period) },
  { agency: 'fns', adapter: fnsIncomeAdapter, query: { subject: subjectOf(sergeeva), period, purpose: {} }, expected: expectedIncome(sergeeva, period) },
  { agency: 'fri', adapter: friDisabilityAdapter, query: { subject: subjectOf(smirnovaSon), asOf: '2026-11-16', purpose: {} }, expected: expectedDisability(smirnovaSon, '2026-11-16') },
  {
    agency: 'gis-zhkh',
    adapter: gisZhkhAccrualsAdapter,
    query: { subject: subjectOf(vasiliev), period, purpose: {}, dwelling: vasilievHouse } as FactsQuery,
    expected: expectedHousing(vasiliev, vasilievHouse, period),
  },
  { agency: 'zags', adapter: zagsBirthsAdapter, query: { subject: subjectOf(petrovaSon), purpose: {} }, expected: expectedBirths(persona('survivor-petrova-granted'), subjectOf(petrovaSon), 'child') },
  { agency: 'mvd', adapter: mvdRegistrationAdapter, query: { subject: subjectOf(vasiliev), asOf: '2026-11-16', purpose: {} }, expected: expectedResidence(vasiliev, '2026-11-16') },
];

describe('msw handlers from the public simulators entry', () => {
  it.each(CASES.map((c) => [c.agency, c] as const))('serve %s facts in-process equal to the fixture', async (agency, c) => {
    const contract = getContract(agency);
    const operation = contract.operations.find((op) => op.requestRoot === c.adapter.messageType.localName)!;
    const outcome = await callAgencyDirect({ url: `${BASE}/ws/${agency}`, contract, operation, adapter: c.adapter, query: c.query, trust: fixtureTrustList(), timeoutMs: 5000 });
    if (c.expected.kind !== 'facts') throw new Error('every msw case expects facts');
    expect(outcome.kind, outcome.kind === 'error' ? outcome.error.message : outcome.kind).toBe('facts');
    const facts = outcome.kind === 'facts' ? ((outcome.facts as Record<string, { data: unknown; provenance: { signatureVerified: boolean } }[]>)[c.expected.group] ?? []) : [];
    expect(facts.map((f) => f.data)).toEqual(expect.arrayContaining([...c.expected.data]));
    expect(facts).toHaveLength(c.expected.data.length);
    expect(facts.every((f) => f.provenance.signatureVerified)).toBe(true);
  });
});
