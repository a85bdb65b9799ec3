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
  type XmlFragment,
} from '../xml/index.ts';

const AGENCY = mvdContract.agency;
const RUSSIAN_PASSPORT = '21';
const BIRTH_CERTIFICATE = '03';

/**
 * RegistrationRequest: registration is recorded against the Russian passport, or for a minor the birth
 * certificate, so the contract requires one of the two; any other document cannot be expressed. `asOf` becomes
 * OnDate; without it the ministry lists all registrations, current and past.
 */
export function buildRegistrationRequest(query: FactsQuery): string {
  const { subject } = query;
  return payloadRoot(mvdContract.namespace, 'RegistrationRequest', [
    personNameElement(subject.name),
    textElement('BirthDate', subject.birthDate),
    documentElement(query),
    textElement('Snils', optionalSnils(query, AGENCY)),
    textElement('OnDate', query.asOf),
  ]);
}

function documentElement(query: FactsQuery): XmlFragment {
  const document = requiredIdentityDocument(query, AGENCY);
  const number = document.number.trim();
  if (document.kindCode === RUSSIAN_PASSPORT) {
    const series = compactSeries(document.series);
    if (series !== undefined && /^\d{4}$/.test(series) && /^\d{6}$/.test(number)) {
      return groupElement('Passport', [textElement('Series', series), textElement('Number', number), textElement('IssueDate', document.issueDate)]);
    }
  }
  if (document.kindCode === BIRTH_CERTIFICATE) {
    const series = document.series?.trim().toUpperCase();
    if (series !== undefined && /^[IVXLC]{1,4}-[А-ЯЁ]{2}$/.test(series) && /^\d{6}$/.test(number)) {
      return groupElement('BirthCertificate', [textElement('Series', series), textElement('Number', number), textElement('IssueDate', document.issueDate)]);
    }
  }
  throw cannotExpress(
    AGENCY,
    'registration is looked up by a Russian passport (kind 21, series NNNN, number NNNNNN) or a birth certificate (kind 03, series like I-ПН, number NNNNNN)',
    { kindCode: document.kindCode },
  );
}
