import type { FactsQuery } from '../../core/adapter/index.ts';
import { mvdContract } from '../../core/contracts/index.ts';
import {
  cannotExpress,
  compactSeries,
  groupElement,
  optionalSnils,
  payloadRoot,
  personNameElement,
  requiredIdentityDocument,
  textElement,
} from '../xml/index.ts';

const AGENCY = mvdContract.agency;
const RUSSIAN_PASSPORT = '21';

/**
 * RegistrationRequest: registration is recorded against the Russian passport, so the contract requires one
 * (series of 4 digits, number of 6); any other document cannot be expressed. `asOf` becomes OnDate; without it
 * the ministry lists all registrations, current and past.
 */
export function buildRegistrationRequest(query: FactsQuery): string {
  const { subject } = query;
  const document = requiredIdentityDocument(query, AGENCY);
  const series = compactSeries(document.series);
  const number = document.number.trim();
  if (document.kindCode !== RUSSIAN_PASSPORT || series === undefined || !/^\d{4}$/.test(series) || !/^\d{6}$/.test(number)) {
    throw cannotExpress(AGENCY, 'registration is looked up by a Russian passport (kind 21, series NNNN, number NNNNNN)', {
      kindCode: document.kindCode,
    });
  }
  return payloadRoot(mvdContract.namespace, 'RegistrationRequest', [
    personNameElement(subject.name),
    textElement('BirthDate', subject.birthDate),
    groupElement('Passport', [
      textElement('Series', series),
      textElement('Number', number),
      textElement('IssueDate', document.issueDate),
    ]),
    textElement('Snils', optionalSnils(query, AGENCY)),
    textElement('OnDate', query.asOf),
  ]);
}
