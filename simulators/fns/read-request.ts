/**
 * @module simulators/fns/read-request
 * IncomeRequest → who is asked about and which months. The tax service identifies a person by SNILS and/or INN
 * together with name and birth date (as 2-NDFL does); the identity document is read but not matched on, because
 * its code/series/number spelling varies between systems and the real service keys on INN/SNILS.
 */
import { fnsContract } from '../../core/contracts/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { expectRoot, memberQuery, optionalChild, optionalText, readPersonName, requiredChild, requiredText } from '../xml-writing/read-payload.ts';
import { monthOf } from '../xml-writing/periods.ts';

const NS = fnsContract.namespace;

export interface IncomeRequest {
  readonly requestId?: string;
  readonly subject: MemberQuery;
  /** Inclusive month range ("YYYY-MM") the answer covers: a report year is its twelve months. */
  readonly months: { readonly from: string; readonly to: string };
}

export function readIncomeRequest(request: Element): IncomeRequest {
  const root = expectRoot(request, NS, 'IncomeRequest');
  const requestId = optionalText(root, NS, 'RequestId');
  const subject = memberQuery({
    snils: optionalText(root, NS, 'Snils'),
    inn: optionalText(root, NS, 'Inn'),
    name: readPersonName(requiredChild(root, NS, 'Person'), NS),
    birthDate: requiredText(root, NS, 'BirthDate'),
  });
  const period = optionalChild(root, NS, 'Period');
  // A date period covers every month it touches: income is reported per month, so a month partly inside counts.
  const months =
    period !== undefined
      ? { from: monthOf(requiredText(period, NS, 'From')), to: monthOf(requiredText(period, NS, 'To')) }
      : yearMonths(requiredText(root, NS, 'ReportYear'));
  return { ...(requestId === undefined ? {} : { requestId }), subject, months };
}

function yearMonths(reportYear: string): { from: string; to: string } {
  const year = reportYear.slice(0, 4); // xs:gYear may carry a time zone ("2025Z"); the year is what counts
  return { from: `${year}-01`, to: `${year}-12` };
}
