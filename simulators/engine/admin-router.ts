/**
 * @module admin-router
 * The admin HTTP API of a simulator process, as an express Router each agency simulator mounts at /__admin.
 * Every body and query is validated with zod; every error leaves as an RFC 9457 problem document (via toProblem),
 * and anything unexpected is hidden behind ERR_INTERNAL and handed to `onError` for logging.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { KitError, toProblem } from '../../core/errors/index.ts';
import { faultActionSchema } from './fault-profile-schema.ts';
import { formatIssuePath } from './persona-files.ts';
import { SIMULATED_AGENCIES } from './persona-schema.ts';
import type { SimulatorEngine } from './simulator-engine.ts';

export interface AdminRouterOptions {
  /** Receives errors that were not KitErrors (they are answered as an opaque 500). */
  readonly onError?: (error: unknown) => void;
  /** Largest JSON body accepted (persona sets can be big). */
  readonly bodyLimit?: string;
}

const isoInstant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const journalQuerySchema = z.strictObject({
  agency: z.enum(SIMULATED_AGENCIES).optional(),
  persona: z.string().min(1).optional(),
  messageId: z.string().min(1).optional(),
  since: isoInstant.optional(),
  until: isoInstant.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});

const maintenanceBodySchema = z.strictObject({ on: z.boolean() });

const sequenceBodySchema = z.strictObject({
  key: z.string().min(1),
  agency: z.enum(SIMULATED_AGENCIES),
  operation: z.string().min(1).default('*'),
  steps: z.array(z.union([z.literal('answer'), faultActionSchema])).min(1),
});

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message }));
  throw new KitError('ERR_VALIDATION', `${what} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

/** Express 5 gives "*key" wildcards as segment arrays; applicant keys contain "/" ("persona/member"). */
function wildcardKey(request: Request): string {
  const raw: unknown = request.params['key'];
  return Array.isArray(raw) ? raw.map(String).join('/') : String(raw);
}

function sendProblem(response: Response, error: unknown, instance: string): void {
  const problem = toProblem(error, instance);
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** body-parser marks its own errors (bad JSON, too large) with `type` and a 4xx `status`. */
function asBodyParserError(error: unknown): KitError | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error) || !('status' in error)) return undefined;
  const status = (error as { status: unknown }).status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  const message = error instanceof Error ? error.message : 'unreadable body';
  return new KitError('ERR_VALIDATION', `request body could not be read: ${message}`, { issues: [{ path: '(root)', message }] });
}

export function createAdminRouter(engine: SimulatorEngine, options: AdminRouterOptions = {}): Router {
  const router = express.Router();
  router.use(express.json({ limit: options.bodyLimit ?? '10mb', strict: false }));

  router.get('/health', (_req, res) => {
    const health = engine.health();
    // Maintenance is a deliberate state of the simulated agency, not of the admin API: still 200.
    res.json(health);
  });

  router.get('/personas', (_req, res) => {
    res.json({ status: engine.personas.status(), personas: engine.personas.personas });
  });

  router.put('/personas', (req, res) => {
    const outcome = engine.personas.replace(req.body);
    if (!outcome.ok) throw new KitError('ERR_VALIDATION', `persona set refused (${outcome.issues.length} problem(s)); the previous set is kept`, { issues: outcome.issues });
    res.json({ loaded: outcome.personaCount });
  });

  router.post('/personas/reload', (_req, res) => {
    if (engine.personas.directory === undefined) throw new KitError('ERR_NOT_FOUND', 'this simulator has no persona directory to reload from');
    const outcome = engine.personas.reload();
    if (!outcome.ok) throw new KitError('ERR_VALIDATION', `reload refused (${outcome.issues.length} problem(s)); the previous set is kept`, { issues: outcome.issues });
    res.json({ loaded: outcome.personaCount });
  });

  router.get('/faults', (_req, res) => {
    res.json(engine.faults);
  });

  router.put('/faults', (req, res) => {
    res.json(engine.setFaults(req.body));
  });

  router.get('/latency', (_req, res) => {
    res.json(engine.latency);
  });

  router.put('/latency', (req, res) => {
    res.json(engine.setLatency(req.body));
  });

  router.post('/reset', (_req, res) => {
    engine.reset();
    res.status(204).end();
  });

  router.get('/state', (_req, res) => {
    res.json({ applicants: engine.state.list() });
  });

  router.get('/state/*key', (req, res) => {
    const key = wildcardKey(req);
    const snapshot = engine.state.inspect(key);
    if (snapshot === undefined) throw new KitError('ERR_NOT_FOUND', `no state for applicant "${key}"`, { key });
    res.json(snapshot);
  });

  router.delete('/state/*key', (req, res) => {
    const key = wildcardKey(req);
    if (!engine.resetState(key)) throw new KitError('ERR_NOT_FOUND', `no state for applicant "${key}"`, { key });
    res.status(204).end();
  });

  router.post('/sequences', (req, res) => {
    const body = parseOrThrow(sequenceBodySchema, req.body, 'sequence');
    engine.scriptSequence(body.key, body.agency, body.operation, body.steps);
    res.status(204).end();
  });

  router.get('/journal', (req, res) => {
    const q = parseOrThrow(journalQuerySchema, req.query, 'journal query');
    const entries = engine.journal.query({
      ...(q.agency === undefined ? {} : { agency: q.agency }),
      ...(q.persona === undefined ? {} : { personaId: q.persona }),
      ...(q.messageId === undefined ? {} : { messageId: q.messageId }),
      ...(q.since === undefined ? {} : { since: q.since }),
      ...(q.until === undefined ? {} : { until: q.until }),
      ...(q.limit === undefined ? {} : { limit: q.limit }),
    });
    res.json({ entries, stats: engine.journal.stats() });
  });

  router.get('/journal/:entryId', (req, res) => {
    const entry = engine.journal.get(req.params.entryId);
    if (entry === undefined) throw new KitError('ERR_NOT_FOUND', `no journal entry "${req.params.entryId}" (it may have been evicted)`);
    res.json(entry);
  });

  router.post('/maintenance', (req, res) => {
    const body = parseOrThrow(maintenanceBodySchema, req.body, 'maintenance switch');
    engine.setMaintenance(body.on);
    res.json({ maintenance: engine.maintenance });
  });

  router.use((req, _res, next) => next(new KitError('ERR_NOT_FOUND', `no admin route ${req.method} ${req.originalUrl}`)));

  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const known = error instanceof KitError ? error : asBodyParserError(error);
    if (known === undefined) options.onError?.(error);
    sendProblem(res, known ?? error, req.originalUrl);
  });

  return router;
}
