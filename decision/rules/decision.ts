import type { AgencyCode, FactGroup, IsoDate, IsoDateTime } from '../../core/facts/index.ts';
import type { Trace } from './trace.ts';

/**
 * What a rule module answers. A refusal and a manual review both list every reason found, each tied to the fact
 * (or the agency answer) behind it, so an applicant or an official sees all of them at once.
 */

/** Which person of the application a fact is about; `index` is the position in the application's list. */
export type PersonRole = 'applicant' | 'child' | 'deceased-parent' | 'other-parent' | 'family-member' | 'disabled-child';

export interface PersonReference {
  readonly role: PersonRole;
  /** Position in the application's list (children, family members); absent for single persons. */
  readonly index?: number;
}

/**
 * A fact a reason or a trace step rests on: a fact of a group (index into that person's list) with its
 * provenance, or — when the point is that the agency had nothing or did not answer — the agency outcome itself.
 */
export interface FactReference {
  readonly person: PersonReference;
  readonly agency: AgencyCode;
  readonly group?: FactGroup;
  readonly index?: number;
  readonly messageId?: string;
  readonly receivedAt?: IsoDateTime;
  /** answered, no-data, failed, pending, not-asked (no outcome at all), or unverified (signature not verified). */
  readonly agencyStatus: 'answered' | 'no-data' | 'failed' | 'pending' | 'not-asked' | 'unverified';
}

export const REFUSAL_CODES = [
  'NOT_RESIDENT',
  'NO_DEATH_RECORD',
  'NO_BIRTH_RECORD',
  'DECEASED_NOT_PARENT',
  'CHILD_OVER_AGE_LIMIT',
  'NO_DISABILITY_RECORD',
  'DISABILITY_NOT_VALID',
  'APPLICANT_NOT_PARENT',
  'NO_VALID_DISABILITY',
  'NO_ACCOUNTS_AT_ADDRESS',
  'BIRTH_REGISTERED_OUTSIDE_REGION',
  'NO_PARENT_RESIDENT',
  'APPLIED_TOO_LATE',
  'ALREADY_GRANTED',
  'CHILD_OUTSIDE_AGE_RANGE',
  'INCOME_NOT_BELOW_THRESHOLD',
] as const;

export const MANUAL_REVIEW_CODES = [
  /** The agency stayed unavailable after retries, or is still preparing the answer. */
  'FACT_UNAVAILABLE',
  /** The answer carrying the fact failed signature verification. */
  'FACT_UNVERIFIED',
  /** A family member's income cannot be established (the tax service does not know the person). */
  'FAMILY_MEMBER_DATA_MISSING',
  'UTILITY_DEBT',
  /** Full-time study past the basic age limit: the kit has no education register to confirm it. */
  'STUDENT_STATUS_UNCONFIRMED',
  /** Guardianship claimed: the kit has no guardianship register to confirm it. */
  'GUARDIANSHIP_UNCONFIRMED',
  /** The parameter file has no rules in force for this measure on the application date. */
  'PARAMETERS_NOT_IN_FORCE',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];
export type ManualReviewCode = (typeof MANUAL_REVIEW_CODES)[number];

export interface Reason<C extends string = RefusalCode | ManualReviewCode> {
  readonly code: C;
  /** For people; names the person and the value that failed. */
  readonly message: string;
  /** The facts behind the reason (empty only where no fact is involved, e.g. missing parameters). */
  readonly facts: readonly FactReference[];
}

export interface MonthlyPeriod {
  readonly from: IsoDate;
  /** Inclusive; absent when open-ended. */
  readonly to?: IsoDate;
}

export interface OneOffPayment {
  readonly oneOff: true;
  readonly on: IsoDate;
}

/** One beneficiary's line of a grant: two children of one application may have different periods. */
export interface PaymentLine {
  readonly beneficiary: PersonReference;
  readonly amountKopecks: number;
  readonly period: MonthlyPeriod | OneOffPayment;
}

export interface DecisionBase {
  readonly measure: MeasureId;
  readonly decisionDate: IsoDate;
  readonly trace: Trace;
}

export type Decision =
  | (DecisionBase & {
      readonly kind: 'granted';
      /** Monthly measures: per month, all beneficiaries together; one-off: the total. */
      readonly amountKopecks: number;
      /** Monthly: earliest `from` to latest `to` of the lines (no `to` if any line is open-ended). */
      readonly period: MonthlyPeriod | OneOffPayment;
      readonly payments: readonly PaymentLine[];
      /** Children of the application who were not granted, with why (the others were). */
      readonly notGranted: readonly Reason<RefusalCode>[];
    })
  | (DecisionBase & { readonly kind: 'refused'; readonly reasons: readonly Reason<RefusalCode>[] })
  | (DecisionBase & {
      readonly kind: 'manual-review';
      /** Why an official must look; any failed conditions found are listed after them for the official. */
      readonly reasons: readonly Reason[];
    });

export const MEASURE_IDS = [
  'survivor-allowance',
  'disabled-child-allowance',
  'utility-compensation',
  'birth-gift',
  'children-3-to-7',
] as const;

export type MeasureId = (typeof MEASURE_IDS)[number];
