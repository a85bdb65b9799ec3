/**
 * @module simulators/fri/read-request
 * DisabilityRequest → SNILS, name, birth date, and the date the extract is wanted for (absent: today).
 */
import { friContract } from '../../core/contracts/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { isoDay } from '../xml-writing/periods.ts';
import { expectRoot, memberQuery, optionalText, readPersonName, requiredChild, requiredText } from '../xml-writing/read-payload.ts';

const NS = friContract.namespace;

export interface DisabilityRequest {
  readonly requestId?: string;
  /** Echoed in NotRegistered, which the contract requires to name the SNILS it looked for. */
  readonly snils: string;
  readonly subject: MemberQuery;
  readonly onDate: string;
}

export function readDisabilityRequest(request: Element, now: Date): DisabilityRequest {
  const root = expectRoot(request, NS, 'DisabilityRequest');
  const requestId = optionalText(root, NS, 'RequestId');
  const snils = requiredText(root, NS, 'Snils');
  return {
    ...(requestId === undefined ? {} : { requestId }),
    snils,
    subject: memberQuery({ snils, name: readPersonName(requiredChild(root, NS, 'Person'), NS), birthDate: requiredText(root, NS, 'BirthDate') }),
    onDate: optionalText(root, NS, 'OnDate') ?? isoDay(now),
  };
}
