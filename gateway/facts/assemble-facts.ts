/**
 * @module assemble-facts
 * Turns the calls' results into one ApplicantFacts document: facts of the requested groups merged, and one
 * outcome per agency (sfr may have answered two calls). An agency with any failed call is `failed` with that
 * call's typed error; otherwise `answered` if any call brought facts, else `no-data`. A call still running is
 * `pending` (the 202 body). "Not ready" after the retry budget is a failure with ERR_AGENCY_NOT_READY, which is
 * retryable, so the consumer knows to ask again later.
 */
import { KitError } from '../../core/errors/index.ts';
import { APPLICANT_FACTS_VERSION, FACT_GROUPS, type AgencyOutcome, type ApplicantFacts, type FactsByGroup } from '../../core/facts/index.ts';
import type { FactsRequest } from '../api/facts-request.ts';
import type { AgencyCall, CallResult } from '../pipeline/call-context.ts';

export interface SettledCall {
  readonly call: AgencyCall;
  /** Undefined while the call is still running. */
  readonly result: CallResult | undefined;
}

const RANK: Record<AgencyOutcome['status'], number> = { 'no-data': 0, answered: 1, pending: 2, failed: 3 };

function outcomeOf(call: AgencyCall, result: CallResult | undefined): AgencyOutcome {
  if (result === undefined) return { agency: call.agency, status: 'pending' };
  switch (result.kind) {
    case 'facts':
      return { agency: call.agency, status: 'answered' };
    case 'no-data':
      return { agency: call.agency, status: 'no-data' };
    case 'not-ready': {
      const error = new KitError('ERR_AGENCY_NOT_READY', `Agency ${call.agency} has not prepared the answer yet; ask again later`);
      return { agency: call.agency, status: 'failed', error: { code: error.code, message: error.message, retryable: error.retryable } };
    }
    case 'error':
      return { agency: call.agency, status: 'failed', error: { code: result.error.code, message: result.error.message, retryable: result.error.retryable } };
  }
}

/** From checked parts only (see facts-answer.ts), so the result is the parsed model's type without a parse. */
export function assembleFacts(request: FactsRequest, settled: readonly SettledCall[]): ApplicantFacts {
  const facts = Object.fromEntries(FACT_GROUPS.map((g) => [g, []])) as unknown as Record<keyof FactsByGroup, unknown[]>;
  const outcomes = new Map<string, AgencyOutcome>();
  for (const { call, result } of settled) {
    if (result?.kind === 'facts') {
      for (const group of call.groups) facts[group].push(...(result.facts[group] ?? []));
    }
    const outcome = outcomeOf(call, result);
    const seen = outcomes.get(call.agency);
    if (seen === undefined || RANK[outcome.status] > RANK[seen.status]) outcomes.set(call.agency, outcome);
  }
  const { dwelling: _dwelling, ...subject } = request.subject;
  return { schemaVersion: APPLICANT_FACTS_VERSION, subject, facts: facts as unknown as ApplicantFacts['facts'], outcomes: [...outcomes.values()] };
}

/** The audit log's one-word verdict on a finished request. */
export function overallOutcome(outcomes: readonly AgencyOutcome[]): 'answered' | 'partial' | 'failed' {
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  if (failed === 0) return 'answered';
  return failed === outcomes.length ? 'failed' : 'partial';
}
