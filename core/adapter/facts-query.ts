import type { DatePeriod, IsoDate, SubjectIdentifiers } from '../facts/index.ts';

/**
 * What the gateway asks an adapter to fetch. One subject per query: the decision service asks separately about a
 * child and each parent, because every agency's request is about one person.
 */
export interface FactsQuery {
  readonly subject: SubjectIdentifiers;
  /** The period the facts should cover (income, payments, accruals); inclusive calendar dates. */
  readonly period?: DatePeriod;
  /** The date point-in-time facts should be valid on (pensions on date, disability, registration). */
  readonly asOf?: IsoDate;
  /** Why the data is requested; some agencies require the legal ground or case number in the request. */
  readonly purpose: { readonly measure?: string; readonly caseNumber?: string };
}
