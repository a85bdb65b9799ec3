/**
 * @module simulators/sfr/read-request
 * Both SFR requests name a person by SNILS (+ name and birth date) and a period. The period is what the fund
 * filters by: payments and benefits that were in force on at least one day of it.
 */
import { sfrContract } from '../../core/contracts/index.ts';
import { KitError } from '../../core/errors/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { expectRoot, memberQuery, optionalChild, optionalText, readPersonName, requiredChild, requiredText } from '../xml-writing/read-payload.ts';

const NS = sfrContract.namespace;

export type SfrOperation = 'GetPensionsAndPayments' | 'GetAssignedBenefits';

export interface SfrRequest {
  readonly operation: SfrOperation;
  readonly requestId?: string;
  readonly subject: MemberQuery;
  readonly period: { readonly from: string; readonly to: string };
}

const ROOTS: Record<SfrOperation, { root: string; period: string }> = {
  GetPensionsAndPayments: { root: 'PensionsAndPaymentsRequest', period: 'Period' },
  GetAssignedBenefits: { root: 'AssignedBenefitsRequest', period: 'ReportPeriod' },
};

function isSfrOperation(operation: string): operation is SfrOperation {
  return operation in ROOTS;
}

export function readSfrRequest(operation: string, request: Element): SfrRequest {
  if (!isSfrOperation(operation)) throw new KitError('ERR_INTERNAL', `SFR has no operation "${operation}"`);
  const shape = ROOTS[operation];
  const root = expectRoot(request, NS, shape.root);
  const requestId = optionalText(root, NS, 'RequestId');
  // Person and BirthDate are optional in the benefits request: the register keys on SNILS alone.
  const person = optionalChild(root, NS, 'Person');
  const subject = memberQuery({
    snils: requiredText(root, NS, 'Snils'),
    name: person === undefined ? undefined : readPersonName(person, NS),
    birthDate: optionalText(root, NS, 'BirthDate'),
  });
  const period = requiredChild(root, NS, shape.period);
  return {
    operation,
    ...(requestId === undefined ? {} : { requestId }),
    subject,
    period: { from: requiredText(period, NS, 'From'), to: requiredText(period, NS, 'To') },
  };
}
