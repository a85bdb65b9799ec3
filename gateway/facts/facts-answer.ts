/**
 * @module facts-answer
 * A finished facts request as the consumer receives it: the ApplicantFacts document and, per call, where the
 * answer came from (agency, cache, stale cache) in the X-Facts-Cache header. The document is not parsed again:
 * every part of it was checked where it came in (the request body by its schema, each agency's facts by the
 * adapter, each cached answer by the cache stage), and assembling adds nothing unchecked. That second parse was
 * 3.6% of the gateway's CPU in the decisions bench; a test pins that assembled answers still pass the model.
 */
import type { ApplicantFacts } from '../../core/facts/index.ts';
import type { FactsRequest } from '../api/facts-request.ts';
import { assembleFacts } from './assemble-facts.ts';
import type { CallRecord } from './gather-facts.ts';

export interface FactsAnswer {
  readonly facts: ApplicantFacts;
  /** e.g. `sfr.PensionsAndPaymentsRequest=miss, fns.IncomeRequest=stale;stored-at="2026-11-27T10:00:00.000Z"` */
  readonly cacheHeader: string;
}

export function factsAnswer(request: FactsRequest, records: readonly CallRecord[]): FactsAnswer {
  return { facts: assembleFacts(request, records), cacheHeader: cacheHeader(records) };
}

export function cacheHeader(records: readonly CallRecord[]): string {
  return records
    .map(({ call, trace }) => `${call.operation}=${trace.cache}${trace.storedAt === undefined ? '' : `;stored-at="${trace.storedAt}"`}`)
    .join(', ');
}
