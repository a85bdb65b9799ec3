/**
 * @module routes/facts
 * POST /v1/facts and GET /v1/facts/requests/:id. A facts request is validated (400 listing every issue),
 * checked against the consumer's rights (403 when nothing it asked is allowed; per-agency ERR_AGENCY_ACCESS_DENIED
 * when only some is), planned into agency calls, and run through the pipeline. The answer is 200 with the facts
 * and per-agency outcomes, partial or not; when the wait runs out first, 202 with a request id to poll while the
 * slow agencies finish in the background. Every request, refused or answered, is appended to the audit log.
 */
import { Router, type Request, type Response } from 'express';
import type { AgencyOutcome } from '../../core/facts/index.ts';
import { factsRequestSchema, type FactsRequest } from '../api/facts-request.ts';
import { callVerdict, purposeVerdict } from '../auth/access-policy.ts';
import type { Consumer } from '../config/consumers.ts';
import type { AgencyStatusBoard } from '../facts/agency-status.ts';
import { assembleFacts, overallOutcome } from '../facts/assemble-facts.ts';
import { factsAnswer, type FactsAnswer } from '../facts/facts-answer.ts';
import { gatherFacts, type CallRecord } from '../facts/gather-facts.ts';
import { planCalls } from '../facts/plan-calls.ts';
import { forbidden, sendError, sendProblem, validationError } from '../http/problems.ts';
import { locals } from '../http/request-context.ts';
import type { CallContext, CallResult } from '../pipeline/call-context.ts';
import type { PipelineMetrics } from '../pipeline/metrics-port.ts';
import type { AuditEntryInput, AuditLog } from '../ports.ts';
import type { PendingRequests } from '../requests/pending-requests.ts';

export type FactsOutcome = { readonly ok: true; readonly answer: FactsAnswer } | { readonly ok: false; readonly error: unknown };

export interface FactsRouteDeps {
  readonly pipeline: (ctx: CallContext) => Promise<CallResult>;
  readonly metrics: PipelineMetrics;
  readonly audit: AuditLog;
  readonly pending: PendingRequests<FactsOutcome>;
  readonly status: AgencyStatusBoard;
  readonly wait: { readonly defaultMs: number; readonly maxMs: number };
  /** How long a request may run in the background at most (retry budget plus a margin), for the pending store. */
  readonly maxRunMs: number;
}

export const POLL_PATH = '/v1/facts/requests/';

export function factsRoutes(deps: FactsRouteDeps): Router {
  const router = Router();

  router.post('/v1/facts', async (req: Request, res: Response) => {
    const started = performance.now();
    const { log, correlationId, consumer } = locals(res) as ReturnType<typeof locals> & { consumer: Consumer };
    const parsed = factsRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      sendError(res, validationError(parsed.error.issues, 'The facts request'), req.originalUrl);
      deps.metrics.recordHttpRequest('/v1/facts', 400, (performance.now() - started) / 1000);
      return;
    }
    const request = parsed.data;
    const calls = planCalls(request);
    const audit = (entry: Pick<AuditEntryInput, 'outcome' | 'perAgency' | 'agencies'>): Promise<void> =>
      deps.audit.append({ correlationId, consumer: consumer.id, purpose: request.purpose, subject: request.subject, ...entry }).catch((error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'audit append failed');
      });

    const refusals = refusalsOf(consumer, request, calls);
    if (refusals !== undefined) {
      log.warn({ consumer: consumer.id, reasons: refusals }, 'facts request refused');
      await audit({ outcome: 'refused', agencies: [], perAgency: { reason: refusals.join('; ') } });
      sendProblem(res, forbidden(refusals, req.originalUrl));
      deps.metrics.recordHttpRequest('/v1/facts', 403, (performance.now() - started) / 1000);
      return;
    }

    const gathering = gatherFacts({ request, calls, consumer, correlationId, log, pipeline: deps.pipeline, metrics: deps.metrics });
    const finished: Promise<FactsOutcome> = gathering.done.then(async (records) => {
      recordStatus(deps.status, records);
      try {
        const answer = factsAnswer(request, records);
        await audit({ outcome: overallOutcome(answer.facts.outcomes), agencies: [...new Set(calls.map((c) => c.agency))], perAgency: perAgency(answer.facts.outcomes) });
        return { ok: true, answer };
      } catch (error) {
        log.error({ err: error instanceof Error ? error.message : String(error) }, 'facts request failed');
        await audit({ outcome: 'failed', agencies: [...new Set(calls.map((c) => c.agency))] });
        return { ok: false, error };
      }
    });

    const waitMs = Math.min(request.wait?.maxMs ?? deps.wait.defaultMs, deps.wait.maxMs);
    const within = await raceWait(finished, waitMs);
    if (within !== undefined) {
      sendOutcome(res, within, req.originalUrl);
      deps.metrics.recordHttpRequest('/v1/facts', res.statusCode, (performance.now() - started) / 1000);
      return;
    }
    const requestId = deps.pending.add(consumer.id, finished, deps.maxRunMs);
    log.info({ requestId, waitMs }, 'facts request still running; answered 202');
    sendPending(res, requestId, gathering.snapshot(), request);
    deps.metrics.recordHttpRequest('/v1/facts', 202, (performance.now() - started) / 1000);
  });

  router.get(`${POLL_PATH}:id`, (req: Request<{ id: string }>, res: Response) => {
    const { consumer } = locals(res) as ReturnType<typeof locals> & { consumer: Consumer };
    const entry = deps.pending.get(req.params.id, consumer.id);
    if (entry === undefined) {
      sendProblem(res, { type: 'urn:agency-kit:error:ERR_NOT_FOUND', title: 'No such resource', status: 404, detail: 'No facts request with this id (it may have expired).', instance: req.originalUrl, code: 'ERR_NOT_FOUND', retryable: false });
      return;
    }
    if (entry.status === 'pending') {
      res.status(202).setHeader('Retry-After', '1').json({ requestId: req.params.id, status: 'pending', poll: `${POLL_PATH}${req.params.id}` });
      return;
    }
    sendOutcome(res, entry.result, req.originalUrl);
  });

  return router;
}

/** Why the whole request is refused, or undefined when at least one call may go out. */
function refusalsOf(consumer: Consumer, request: FactsRequest, calls: ReturnType<typeof planCalls>): string[] | undefined {
  const purpose = purposeVerdict(consumer, request.purpose);
  if (!purpose.allowed) return [purpose.reason];
  const verdicts = calls.map((c) => callVerdict(consumer, request.purpose, c.agency, c.groups));
  if (calls.length === 0 || verdicts.some((v) => v.allowed)) return undefined;
  return verdicts.flatMap((v) => (v.allowed ? [] : [v.reason]));
}

function raceWait<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function sendOutcome(res: Response, outcome: FactsOutcome, instance: string): void {
  if (!outcome.ok) {
    sendError(res, outcome.error, instance);
    return;
  }
  res.status(200).setHeader('X-Facts-Cache', outcome.answer.cacheHeader).json(outcome.answer.facts);
}

function sendPending(res: Response, requestId: string, records: readonly CallRecord[], request: FactsRequest): void {
  const { outcomes } = assembleFacts(request, records);
  res
    .status(202)
    .setHeader('Location', `${POLL_PATH}${requestId}`)
    .setHeader('Retry-After', '1')
    .json({ requestId, status: 'pending', poll: `${POLL_PATH}${requestId}`, outcomes });
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

