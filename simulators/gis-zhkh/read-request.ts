/**
 * @module simulators/gis-zhkh/read-request
 * UtilityAccrualsRequest → the applicant (SNILS and name: the identity document is read but not matched on, as a
 * child's or a foreign document would not be on file the same way), the house, and the month range.
 */
import { gisZhkhContract } from '../../core/contracts/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { expectRoot, memberQuery, optionalText, readPersonName, requiredChild, requiredText } from '../xml-writing/read-payload.ts';

const NS = gisZhkhContract.namespace;

export interface AccrualsRequest {
  readonly requestId?: string;
  readonly subject: MemberQuery;
  /** At least one of the two is present (the schema's choice). */
  readonly house: { readonly fiasHouseGuid?: string; readonly address?: string };
  /** Inclusive month range, "YYYY-MM". */
  readonly months: { readonly from: string; readonly to: string };
}

export function readAccrualsRequest(request: Element): AccrualsRequest {
  const root = expectRoot(request, NS, 'UtilityAccrualsRequest');
  const requestId = optionalText(root, NS, 'RequestId');
  const applicant = requiredChild(root, NS, 'Applicant');
  const house = requiredChild(root, NS, 'House');
  const fiasHouseGuid = optionalText(house, NS, 'FiasHouseGuid');
  const address = optionalText(house, NS, 'Address');
  const period = requiredChild(root, NS, 'Period');
  return {
    ...(requestId === undefined ? {} : { requestId }),
    subject: memberQuery({ snils: requiredText(applicant, NS, 'Snils'), name: readPersonName(requiredChild(applicant, NS, 'Person'), NS) }),
    house: { ...(fiasHouseGuid === undefined ? {} : { fiasHouseGuid }), ...(address === undefined ? {} : { address }) },
    months: { from: requiredText(period, NS, 'From').slice(0, 7), to: requiredText(period, NS, 'To').slice(0, 7) },
  };
}
