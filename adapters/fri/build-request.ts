import type { FactsQuery } from '../../core/adapter/index.ts';
import { friContract } from '../../core/contracts/index.ts';
import { payloadRoot, personNameElement, requiredSnils, textElement } from '../xml/index.ts';

/**
 * DisabilityRequest: the registry is keyed by SNILS; name and birth date ride along for its cross-check. The
 * extract is point-in-time, so `asOf` becomes OnDate; without it the registry answers for today. A period has
 * no place in this contract: a caller wanting "valid during" reads since/until from the answer.
 */
export function buildDisabilityRequest(query: FactsQuery): string {
  const { subject } = query;
  return payloadRoot(friContract.namespace, 'DisabilityRequest', [
    textElement('Snils', requiredSnils(query, friContract.agency)),
    personNameElement(subject.name),
    textElement('BirthDate', subject.birthDate),
    textElement('OnDate', query.asOf),
  ]);
}
