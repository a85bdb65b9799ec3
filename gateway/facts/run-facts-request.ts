/**
 * @module run-facts-request
 * One validated facts request from the consumer's rights to its finished answer, shared by POST /v1/facts and each
 * item of POST /v1/facts/batch, so a request behaves (and is audited) the same whichever way it came: refused
 * (403 when nothing it asked is allowed; per-agency ERR_AGENCY_ACCESS_DENIED when only some is), or planned into
 * agency calls and run through the pipeline in the background. Every request, refused or answered, is appended to
 * the audit log.
 */
import type { AgencyOutcome } from '../../core/facts/index.ts';
import type { ProblemDocument } from '../../core/errors/index.ts';
import type { FactsRequest } from '../api/facts-request.ts';
import { callVerdict, purposeVerdict } from '../auth/access-policy.ts';
import type { Consumer } from '../config/consumers.ts';
import type { AgencyStatusBoard } from './agency-status.ts';
import { overallOutcome } from './assemble-facts.ts';
import { factsAnswer, type FactsAnswer } from './facts-answer.ts';
import { gatherFacts, type CallRecord } from './gather-facts.ts';
import { planCalls } from './plan-calls.ts';
import { forbidden } from '../http/problems.ts';
import type { CallContext, CallResult } from '../pipeline/call-context.ts';
import type { GatewayLogger } from '../http/request-context.ts';
import type { PipelineMetrics } from '../pipeline/metrics-port.ts';
import type { AuditEntryInput, AuditLog } from '../ports.ts';

export type FactsOutcome = { readonly ok: true; readonly answer: FactsAnswer } | { readonly ok: false; readonly error: unknown };

export interface FactsRunDeps {
  readonly pipeline: (ctx: CallContext) => Promise<CallResult>;
  readonly metrics: PipelineMetrics;
  readonly audit: AuditLog;
  readonly status: AgencyStatusBoard;
}

/** Who asks: the authenticated consumer, the request's correlation id and its logger. */
export interface FactsRunCaller {
  readonly consumer: Consumer;
  readonly correlationId: string;
  readonly log: GatewayLogger;
}

export type FactsRun =
  | { readonly kind: 'refused'; readonly problem: ProblemDocument; readonly audited: Promise<void> }
  | { readonly kind: 'running'; readonly finished: Promise<FactsOutcome>; snapshot(): readonly CallRecord[] };

export function runFactsRequest(deps: FactsRunDeps, caller: FactsRunCaller, request: FactsRequest, instance: string): FactsRun {
  const { consumer, correlationId, log } = caller;
  const calls = planCalls(request);
  const audit = (entry: Pick<AuditEntryInput, 'outcome' | 'perAgency' | 'agencies'>): Promise<void> =>
    deps.audit.append({ correlationId, consumer: consumer.id, purpose: request.purpose, subject: request.subject, ...entry }).catch((error: unknown) => {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'audit append failed');
    });

  const refusals = refusalsOf(consumer, request, calls);
  if (refusals !== undefined) {
    log.warn({ consumer: consumer.id, reasons: refusals }, 'facts request refused');
    return { kind: 'refused', problem: forbidden(refusals, instance), audited: audit({ outcome: 'refused', agencies: [], perAgency: { reason: refusals.join('; ') } }) };
  }

  const agencies = [...new Set(calls.map((c) => c.agency))];
  const gathering = gatherFacts({ request, calls, consumer, correlationId, log, pipeline: deps.pipeline, metrics: deps.metrics });
  const finished: Promise<FactsOutcome> = gathering.done.then(async (records) => {
    recordStatus(deps.status, records);
    try {
      const answer = factsAnswer(request, records);
      await audit({ outcome: overallOutcome(answer.facts.outcomes), agencies, perAgency: perAgency(answer.facts.outcomes) });
      return { ok: true, answer };
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error) }, 'facts request failed');
      await audit({ outcome: 'failed', agencies });
      return { ok: false, error };
    }
  });
  return { kind: 'running', finished, snapshot: gathering.snapshot };
}

/** Why the whole request is refused, or undefined when at least one call may go out. */
function refusalsOf(consumer: Consumer, request: FactsRequest, calls: ReturnType<typeof planCalls>): string[] | undefined {
  const purpose = purposeVerdict(consumer, request.purpose);
  if (!purpose.allowed) return [purpose.reason];
  const verdicts = calls.map((c) => callVerdict(consumer, request.purpose, c.agency, c.groups));
  if (calls.length === 0 || verdicts.some((v) => v.allowed)) return undefined;
  return verdicts.flatMap((v) => (v.allowed ? [] : [v.reason]));
}

function perAgency(outcomes: readonly AgencyOutcome[]): Record<string, string> {
  return Object.fromEntries(outcomes.map((o) => [o.agency, o.error === undefined ? o.status : `${o.status}:${o.error.code}`]));
}

function recordStatus(board: AgencyStatusBoard, records: readonly CallRecord[]): void {
  for (const { call, trace, result } of records) {
    if (result === undefined || trace.cache === 'hit') continue; // a cache hit says nothing about the agency now
    board.record(call.agency, result, trace.cache === 'stale');
  }
}
