/**
 * @module simulators/mvd/read-request
 * RegistrationRequest → name, birth date, passport (the ministry's own key for a person), SNILS when given, and
 * the date registrations must be valid on (absent: every current and past registration).
 */
import { mvdContract } from '../../core/contracts/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { expectRoot, memberQuery, optionalText, readPersonName, requiredChild, requiredText } from '../xml-writing/read-payload.ts';

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
  const passport = requiredChild(root, NS, 'Passport');
  return {
    ...(requestId === undefined ? {} : { requestId }),
    subject: memberQuery({
      snils: optionalText(root, NS, 'Snils'),
      name: readPersonName(requiredChild(root, NS, 'Person'), NS),
      birthDate: requiredText(root, NS, 'BirthDate'),
      document: { series: requiredText(passport, NS, 'Series'), number: requiredText(passport, NS, 'Number') },
    }),
    ...(onDate === undefined ? {} : { onDate }),
  };
}
