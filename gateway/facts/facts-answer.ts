/**
 * @module facts-answer
 * A finished facts request as the consumer receives it: the ApplicantFacts document (validated against the
 * model before it leaves: zod at every edge) and, per call, where the answer came from (agency, cache, stale
 * cache) in the X-Facts-Cache header. The document itself stays exactly the facts model so the decision service
 * can parse it with parseApplicantFacts.
 */
import { applicantFactsSchema, type ApplicantFacts } from '../../core/facts/index.ts';
import { KitError } from '../../core/errors/index.ts';
import type { FactsRequest } from '../api/facts-request.ts';
import { assembleFacts } from './assemble-facts.ts';
import type { CallRecord } from './gather-facts.ts';

export interface FactsAnswer {
  readonly facts: ApplicantFacts;
  /** e.g. `sfr.PensionsAndPaymentsRequest=miss, fns.IncomeRequest=stale;stored-at="2026-11-27T10:00:00.000Z"` */
  readonly cacheHeader: string;
}

export function factsAnswer(request: FactsRequest, records: readonly CallRecord[]): FactsAnswer {
  const parsed = applicantFactsSchema.safeParse(assembleFacts(request, records));
  if (!parsed.success) {
    // Adapters validate what they produce, so this is a bug; the consumer gets an opaque 500, the log the issues.
    throw new KitError('ERR_INTERNAL', 'The assembled facts fail the applicant-facts model', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  return { facts: parsed.data, cacheHeader: cacheHeader(records) };
}

export function cacheHeader(records: readonly CallRecord[]): string {
  return records
    .map(({ call, trace }) => `${call.operation}=${trace.cache}${trace.storedAt === undefined ? '' : `;stored-at="${trace.storedAt}"`}`)
    .join(', ');
}
