/**
 * @module simulators/mvd/read-request
 * RegistrationRequest → name, birth date, passport or birth certificate (the ministry's own key for a person), SNILS when given, and
 * the date registrations must be valid on (absent: every current and past registration).
 */
import { mvdContract } from '../../core/contracts/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { expectRoot, memberQuery, optionalChild, optionalText, readPersonName, requiredChild, requiredText } from '../xml-writing/read-payload.ts';

const NS = mvdContract.namespace;

export interface RegistrationRequest {
  readonly requestId?: string;
  readonly subject: MemberQuery;
  readonly onDate?: string;
}

export function readRegistrationRequest(request: Element): RegistrationRequest {
  const root = expectRoot(request, NS, 'RegistrationRequest');
  const requestId = optionalText(root, NS, 'RequestId');
  const onDate = optionalText(root, NS, 'OnDate');
  // A passport for adults, a birth certificate for minors: either is the ministry's key for the person.
  const document = optionalChild(root, NS, 'Passport') ?? requiredChild(root, NS, 'BirthCertificate');
  return {
    ...(requestId === undefined ? {} : { requestId }),
    subject: memberQuery({
      snils: optionalText(root, NS, 'Snils'),
      name: readPersonName(requiredChild(root, NS, 'Person'), NS),
      birthDate: requiredText(root, NS, 'BirthDate'),
      document: { series: requiredText(document, NS, 'Series'), number: requiredText(document, NS, 'Number') },
    }),
    ...(onDate === undefined ? {} : { onDate }),
  };
}
