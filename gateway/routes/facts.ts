/**
 * @module routes/facts
 * POST /v1/facts, POST /v1/facts/batch and GET /v1/facts/requests/:id. A request (or every item of a batch) is
 * validated first (400 listing every issue), then run by runFactsRequest: refused, or gathered through the
 * pipeline. The answer is 200 with the facts and per-agency outcomes, partial or not; when the wait runs out
 * first, 202 with a request id to poll while the slow agencies finish in the background. A batch answers 200 with
 * one entry per item, in order, each the status, headers and body POST /v1/facts would have answered; its
 * pending items are polled one by one like any other.
 */
import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import { factsRequestSchema, type FactsRequest } from '../api/facts-request.ts';
import { factsBatchRequestSchema } from '../api/facts-batch-request.ts';
import type { Consumer } from '../config/consumers.ts';
import { outcomeResponse, pendingResponse, POLL_PATH, problemResponse, type FactsResponse } from '../facts/facts-response.ts';
import { runFactsRequest, type FactsOutcome, type FactsRun, type FactsRunDeps } from '../facts/run-facts-request.ts';
import { PROBLEM_CONTENT_TYPE, sendError, sendProblem, validationError } from '../http/problems.ts';
import { locals } from '../http/request-context.ts';
import type { PendingRequests } from '../requests/pending-requests.ts';

export type { FactsOutcome } from '../facts/run-facts-request.ts';
export { POLL_PATH } from '../facts/facts-response.ts';

export interface FactsRouteDeps extends FactsRunDeps {
  readonly pending: PendingRequests<FactsOutcome>;
  readonly wait: { readonly defaultMs: number; readonly maxMs: number };
  /** How long a request may run in the background at most (retry budget plus a margin), for the pending store. */
  readonly maxRunMs: number;
}

export function factsRoutes(deps: FactsRouteDeps): Router {
  const router = Router();
  const waitOf = (asked: { maxMs: number } | undefined): number => Math.min(asked?.maxMs ?? deps.wait.defaultMs, deps.wait.maxMs);

  /** Runs a handler and records its route, final status and duration. */
  const metered = (route: string, handle: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    const started = performance.now();
    await handle(req, res);
    deps.metrics.recordHttpRequest(route, res.statusCode, (performance.now() - started) / 1000);
  };

  router.post(
    '/v1/facts',
    metered('/v1/facts', async (req, res) => {
      const request = parseBody(factsRequestSchema, 'The facts request', req, res);
      if (request === undefined) return;
      const caller = callerOf(res);
      const run = runFactsRequest(deps, caller, request, req.originalUrl);
      const [answer] = await settle(deps, caller.consumer, [run], [request], waitOf(request.wait), [req.originalUrl]);
      if (answer!.status === 202) caller.log.info({ requestId: (answer!.body as { requestId: string }).requestId }, 'facts request still running; answered 202');
      send(res, answer!);
    }),
  );

  router.post(
    '/v1/facts/batch',
    metered('/v1/facts/batch', async (req, res) => {
      const batch = parseBody(factsBatchRequestSchema, 'The facts batch', req, res);
      if (batch === undefined) return;
      const caller = callerOf(res);
      // Each item's problems name it: the batch's path and the item's index.
      const instances = batch.requests.map((_, index) => `${req.originalUrl}#${index}`);
      const runs = batch.requests.map((request, index) => runFactsRequest(deps, caller, request, instances[index]!));
      const results = await settle(deps, caller.consumer, runs, batch.requests, waitOf(batch.wait), instances);
      res.status(200).json({ results });
    }),
  );

  router.get(`${POLL_PATH}:id`, (req: Request<{ id: string }>, res: Response) => {
    const { consumer } = callerOf(res);
    const entry = deps.pending.get(req.params.id, consumer.id);
    if (entry === undefined) {
      sendProblem(res, { type: 'urn:agency-kit:error:ERR_NOT_FOUND', title: 'No such resource', status: 404, detail: 'No facts request with this id (it may have expired).', instance: req.originalUrl, code: 'ERR_NOT_FOUND', retryable: false });
      return;
    }
    send(res, entry.status === 'pending' ? pendingResponse(req.params.id, undefined, undefined) : outcomeResponse(entry.result, req.originalUrl));
  });

  return router;
}

/** The body parsed by `schema`, or undefined once a 400 listing every issue has been sent. */
function parseBody<S extends z.ZodType>(schema: S, what: string, req: Request, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(req.body);
  if (parsed.success) return parsed.data;
  sendError(res, validationError(parsed.error.issues, what), req.originalUrl);
  return undefined;
}

function callerOf(res: Response) {
  const { log, correlationId, consumer } = locals(res) as ReturnType<typeof locals> & { consumer: Consumer };
  return { log, correlationId, consumer };
}

/**
 * Waits up to `waitMs` for the running requests together; each answers as it stands then, a request still going
 * is handed to the pending store and answers 202. A refusal answers once its audit record is written.
 */
async function settle(deps: FactsRouteDeps, consumer: Consumer, runs: readonly FactsRun[], requests: readonly FactsRequest[], waitMs: number, instances: readonly string[]): Promise<FactsResponse[]> {
  const done: (FactsOutcome | undefined)[] = runs.map(() => undefined);
  await Promise.all(runs.map((run) => (run.kind === 'refused' ? run.audited : undefined)));
  const running = runs.map(async (run, i) => {
    if (run.kind === 'running') done[i] = await run.finished;
  });
  await raceWait(Promise.all(running), waitMs);
  return runs.map((run, i): FactsResponse => {
    const instance = instances[i]!;
    if (run.kind === 'refused') return problemResponse(run.problem);
    const outcome = done[i];
    if (outcome !== undefined) return outcomeResponse(outcome, instance);
    return pendingResponse(deps.pending.add(consumer.id, run.finished, deps.maxRunMs), run.snapshot(), requests[i]);
  });
}

function raceWait<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function send(res: Response, answer: FactsResponse): void {
  res.status(answer.status).set(answer.headers);
  // A problem document keeps its own media type; res.json would overwrite it with application/json.
  if (answer.headers['Content-Type'] === PROBLEM_CONTENT_TYPE) res.send(JSON.stringify(answer.body));
  else res.json(answer.body);
}
