/** Shared pieces of the adapter tests: a provenance context, sample queries, fixture loading, outcome checks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { AdapterOutcome, AgencyAdapter, AgencyAnswer, FactsQuery, ProvenanceContext } from '../../core/adapter/index.ts';
import { getContract, loadXsdValidator } from '../../core/contracts/index.ts';
import type { FactGroup, PartialFacts, Provenance } from '../../core/facts/index.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/contracts/', import.meta.url));

export function fixture(path: string): string {
  return readFileSync(`${FIXTURES}${path}`, 'utf8');
}

export const context: ProvenanceContext = {
  messageId: 'd2738076-3a1b-11ef-9a2c-0242ac120002',
  receivedAt: '2026-03-02T09:19:45Z',
  signatureVerified: true,
  request: { messageId: '6ba572c4-3a1b-11ef-9a2c-0242ac120002', period: { from: '2025-01-01', to: '2025-12-31' } },
};

export function provenance(agency: Provenance['agency'], ctx: ProvenanceContext = context): Provenance {
  return { agency, ...ctx };
}

/** A business answer as the transport hands it over (the root is informational; adapters read the XML). */
export function business(xml: string): AgencyAnswer {
  return { kind: 'business', xml, root: { namespaceUri: '', localName: '' } };
}

/** The full-featured subject: every optional identifier present. */
export const fullQuery: FactsQuery & { dwelling: { fiasHouseGuid: string; address: string } } = {
  subject: {
    snils: '11223344595',
    inn: '500100732259',
    name: { family: 'Иванова', first: 'Мария', patronymic: 'Петровна' },
    birthDate: '1988-04-12',
    gender: 'female',
    identityDocument: { kindCode: '21', series: '67 10', number: '123456', issueDate: '2008-05-14' },
  },
  period: { from: '2025-01-01', to: '2025-12-31' },
  asOf: '2026-03-01',
  purpose: { measure: 'utility-compensation', caseNumber: 'CASE-1' },
  dwelling: { fiasHouseGuid: '5f1c8b7e-2d3a-4c6b-9e8f-0a1b2c3d4e5f', address: '628011, г. Ханты-Мансийск, ул. Мира, д. 10' },
};

/** The bare minimum each contract can live with: no patronymic, gender, INN, as-of; a period that is not a year. */
export const minimalQuery: FactsQuery & { dwelling: { address: string } } = {
  subject: {
    snils: '112-233-445 95',
    name: { family: 'Огly & <Сын>', first: 'Али' },
    birthDate: '1990-02-28',
    identityDocument: { kindCode: '21', series: '6710', number: '654321', issueDate: '2010-03-01' },
  },
  period: { from: '2025-03-15', to: '2025-09-14' },
  purpose: {},
  dwelling: { address: 'г. Сургут, ул. Ленина, д. 1 "А" & <корп. 2>' },
};

export function expectXsdValid(agency: string, xml: string): void {
  const verdict = loadXsdValidator(getContract(agency).files.xsdPath).validate(xml);
  expect(verdict).toEqual({ valid: true });
}

export function expectFacts<G extends FactGroup>(outcome: AdapterOutcome<G>): PartialFacts<G> {
  if (outcome.kind !== 'facts') throw new Error(`expected facts, got ${JSON.stringify(outcome, errorJson)}`);
  return outcome.facts;
}

/** The outcome is ERR_AGENCY_BAD_RESPONSE and its message matches every given fragment. */
export function expectBadResponse(outcome: AdapterOutcome, ...fragments: (string | RegExp)[]): void {
  if (outcome.kind !== 'error') throw new Error(`expected an error outcome, got ${JSON.stringify(outcome)}`);
  expect(outcome.error.code).toBe('ERR_AGENCY_BAD_RESPONSE');
  for (const fragment of fragments) expect(outcome.error.message).toMatch(fragment);
}

function errorJson(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

/** Read a sample through an adapter. */
export function read<G extends FactGroup>(adapter: AgencyAdapter<G>, xml: string, ctx: ProvenanceContext = context): AdapterOutcome<G> {
  return adapter.readAnswer(business(xml), ctx);
}
