import type { FactsQuery } from '../../core/adapter/index.ts';
import { sfrContract } from '../../core/contracts/index.ts';
import {
  genderCode,
  periodElement,
  personNameElement,
  payloadRoot,
  requiredPeriod,
  requiredSnils,
  textElement,
} from '../xml/index.ts';

const AGENCY = sfrContract.agency;

/** PensionsAndPaymentsRequest: the fund finds the person by SNILS and checks name and birth date against it. */
export function buildPensionsAndPaymentsRequest(query: FactsQuery): string {
  const { subject } = query;
  return payloadRoot(sfrContract.namespace, 'PensionsAndPaymentsRequest', [
    textElement('Snils', requiredSnils(query, AGENCY)),
    personNameElement(subject.name),
    textElement('BirthDate', subject.birthDate),
    textElement('Gender', genderCode(subject.gender)),
    periodElement(requiredPeriod(query, AGENCY)),
  ]);
}

/** AssignedBenefitsRequest: the register's report period is the query period (or the as-of day). */
export function buildAssignedBenefitsRequest(query: FactsQuery): string {
  const { subject } = query;
  return payloadRoot(sfrContract.namespace, 'AssignedBenefitsRequest', [
    textElement('Snils', requiredSnils(query, AGENCY)),
    // Optional in the contract, but sent: the register uses them to catch a SNILS typed for the wrong person.
    personNameElement(subject.name),
    textElement('BirthDate', subject.birthDate),
    periodElement(requiredPeriod(query, AGENCY), 'ReportPeriod'),
  ]);
}
