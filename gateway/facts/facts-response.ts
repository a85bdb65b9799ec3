/**
 * @module facts-response
 * What a facts request answers, as status, headers and JSON body: the same for POST /v1/facts, its poll, and each
 * item of POST /v1/facts/batch (where the three travel inside the batch's body instead of on the wire).
 * - finished: 200 with the facts and X-Facts-Cache, or the error's problem document (RFC 9457; unknown errors
 *   hidden as ERR_INTERNAL);
 * - still running: 202 with the request id, the poll path and the outcomes so far.
 */
import { toProblem, type ProblemDocument } from '../../core/errors/index.ts';
import { PROBLEM_CONTENT_TYPE } from '../http/problems.ts';
import type { FactsRequest } from '../api/facts-request.ts';
import { assembleFacts } from './assemble-facts.ts';
import type { CallRecord } from './gather-facts.ts';
import type { FactsOutcome } from './run-facts-request.ts';

export const POLL_PATH = '/v1/facts/requests/';

export interface FactsResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export function problemResponse(problem: ProblemDocument): FactsResponse {
  return { status: problem.status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE }, body: problem };
}

export function outcomeResponse(outcome: FactsOutcome, instance: string): FactsResponse {
  if (!outcome.ok) return problemResponse(toProblem(outcome.error, instance));
  return { status: 200, headers: { 'X-Facts-Cache': outcome.answer.cacheHeader }, body: outcome.answer.facts };
}

export function pendingResponse(requestId: string, records: readonly CallRecord[] | undefined, request: FactsRequest | undefined): FactsResponse {
  const poll = `${POLL_PATH}${requestId}`;
  const outcomes = records === undefined || request === undefined ? {} : { outcomes: assembleFacts(request, records).outcomes };
  return { status: 202, headers: { Location: poll, 'Retry-After': '1' }, body: { requestId, status: 'pending', poll, ...outcomes } };
}
