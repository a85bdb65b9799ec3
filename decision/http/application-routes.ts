/**
 * @module application-routes
 * POST /v1/applications (202 at once; the worker does the rest), GET /v1/applications/:id (timeline, decision,
 * trace) and GET /v1/applications (filters and a cursor). An Idempotency-Key makes a resubmission answer the
 * first application's id; the same key with another body is refused (422), never silently merged.
 */
import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { isoDateSchema } from '../../core/facts/index.ts';
import { MEASURE_IDS } from '../rules/index.ts';
import { parseIntake } from '../api/intake.ts';
import { applicationView, links, summaryView } from '../api/application-view.ts';
import type { DecisionStore } from '../store/decision-store.ts';
import { APPLICATION_STATUSES } from '../store/statuses.ts';
import { idempotencyKeyReused, notFound, sendProblem, validationProblem } from './problems.ts';
import { canonicalJson } from './canonical-json.ts';

export interface ApplicationRouteDeps {
  readonly store: DecisionStore;
  /** A new application was stored: the worker should look now. */
  readonly onSubmitted: () => void;
  readonly now?: () => Date;
}

const idempotencyKeySchema = z.string().trim().min(1).max(255).regex(/^[\x21-\x7e]+$/, { message: 'Printable ASCII without spaces' });

const listQuerySchema = z.strictObject({
  status: z.enum(APPLICATION_STATUSES).optional(),
  measure: z.enum(MEASURE_IDS).optional(),
  decision: z.enum(['granted', 'refused', 'manual-review']).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().regex(/^[1-9][0-9]{0,15}$/, { message: 'Not a cursor this service issued' }).optional(),
});

export function applicationRoutes(deps: ApplicationRouteDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());

  router.post('/v1/applications', (req: Request, res: Response) => {
    const at = now();
    const issues = [];
    const rawKey = req.get('idempotency-key');
    const key = rawKey === undefined ? undefined : idempotencyKeySchema.safeParse(rawKey);
    if (key !== undefined && !key.success) issues.push({ path: 'header Idempotency-Key', message: key.error.issues[0]?.message ?? 'Invalid', code: 'invalid_format' });
    const parsed = parseIntake(req.body, at.toISOString().slice(0, 10));
    if (!parsed.ok) issues.push(...parsed.issues);
    if (issues.length > 0 || !parsed.ok) {
      sendProblem(res, validationProblem(issues, 'The application', req.originalUrl));
      return;
    }
    const idempotency = key?.success === true ? { key: key.data, bodySha256: createHash('sha256').update(canonicalJson(req.body)).digest('hex') } : undefined;
    const result = deps.store.submit(parsed.intake, at, idempotency);
    if (result.kind === 'key-reused') {
      sendProblem(res, idempotencyKeyReused(result.id, req.originalUrl));
      return;
    }
    if (result.kind === 'created') deps.onSubmitted();
    // A new application is what `submit` just wrote; only a replay needs the stored one (its status moved on).
    const stored = result.kind === 'created' ? { status: 'received', receivedAt: at.toISOString() } : deps.store.get(result.id);
    res
      .status(202)
      .location(links(result.id).self)
      .setHeader('Idempotent-Replayed', result.kind === 'replayed' ? 'true' : 'false')
      .json({ id: result.id, status: stored?.status ?? 'received', receivedAt: stored?.receivedAt, links: links(result.id) });
  });

  router.get('/v1/applications/:id', (req: Request<{ id: string }>, res: Response) => {
    const app = deps.store.get(req.params.id);
    if (app === undefined) {
      sendProblem(res, notFound(req.originalUrl));
      return;
    }
    res.json(applicationView(deps.store, app));
  });

  router.get('/v1/applications', (req: Request, res: Response) => {
    const query = listQuerySchema.safeParse(req.query);
    if (!query.success) {
      sendProblem(res, validationProblem(query.error.issues.map((i) => ({ path: `query ${i.path.join('.')}`, message: i.message, code: i.code })), 'The list query', req.originalUrl));
      return;
    }
    const q = query.data;
    const items = deps.store.list({
      limit: q.limit + 1,
      ...(q.status === undefined ? {} : { status: q.status }),
      ...(q.measure === undefined ? {} : { measure: q.measure }),
      ...(q.decision === undefined ? {} : { decision: q.decision }),
      ...(q.from === undefined ? {} : { from: q.from }),
      ...(q.to === undefined ? {} : { to: q.to }),
      ...(q.cursor === undefined ? {} : { beforeSeq: Number(q.cursor) }),
    });
    const page = items.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor = items.length > q.limit && last !== undefined ? String(last.seq) : null;
    res.json({ items: page.map(summaryView), nextCursor });
  });

  return router;
}
