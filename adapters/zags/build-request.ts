import type { FactsQuery } from '../../core/adapter/index.ts';
import { zagsContract } from '../../core/contracts/index.ts';
import { groupElement, optionalSnils, payloadRoot, personNameElement, textElement } from '../xml/index.ts';

const AGENCY = zagsContract.agency;

/** Whose identifiers a birth-record search uses: the child's own record, or the records naming the subject as a parent. */
export type BirthSearchRole = 'child' | 'parent';

/**
 * BirthRecordsRequest, searching by the subject as `role`. The registry matches on name, birth date and SNILS
 * (all it has); an act number would narrow the search but the facts query does not carry one.
 */
export function buildBirthRecordsRequest(query: FactsQuery, role: BirthSearchRole = 'child'): string {
  return payloadRoot(zagsContract.namespace, 'BirthRecordsRequest', [
    groupElement(role === 'child' ? 'Child' : 'Parent', personIdentifiers(query)),
  ]);
}

/** DeathRecordsRequest: the person whose death is to be confirmed, by name, birth date and SNILS. */
export function buildDeathRecordsRequest(query: FactsQuery): string {
  return payloadRoot(zagsContract.namespace, 'DeathRecordsRequest', personIdentifiers(query));
}

function personIdentifiers(query: FactsQuery) {
  return [
    personNameElement(query.subject.name),
    textElement('BirthDate', query.subject.birthDate),
    textElement('Snils', optionalSnils(query, AGENCY)),
  ];
}
