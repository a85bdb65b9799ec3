/**
 * @module admin-router
 * The hub's admin API (mounted at /__admin): health, queues with depths, a message with its status history,
 * purge, pause/resume of a provider (a paused provider's GetRequest gets empty answers), the registry. Bodies are
 * validated with zod; errors leave as RFC 9457 problem documents.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { KitError, toProblem } from '../../core/errors/index.ts';
import type { HubHandle } from './hub-handle.ts';

const purgeBodySchema = z.strictObject({
  owner: z.string().min(1).optional(),
  kind: z.enum(['request', 'response', 'status']).optional(),
});

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
  throw new KitError('ERR_VALIDATION', `${what} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

function sendProblem(response: Response, error: unknown, instance: string): void {
  const problem = toProblem(error, instance);
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function createHubAdminRouter(hub: HubHandle, onError: (error: unknown) => void): Router {
  const router = express.Router();
  router.use(express.json({ limit: '1mb', strict: false }));

  router.get('/health', (_req, res) => {
    res.json(hub.health());
  });
  router.get('/queues', (_req, res) => {
    res.json({ queues: hub.queues(), pausedProviders: hub.pausedProviders() });
  });
  router.get('/messages/:id', (req, res) => {
    const id = String(req.params['id']);
    const message = hub.message(id);
    if (!message) throw new KitError('ERR_NOT_FOUND', `no message ${id}`);
    res.json(message);
  });
  router.post('/queues/purge', (req, res) => {
    const filter = parseOrThrow(purgeBodySchema, req.body, 'purge body');
    res.json(hub.purge(filter));
  });
  const provider = (req: Request): string => {
    const mnemonic = String(req.params['mnemonic']);
    if (!hub.isProvider(mnemonic)) throw new KitError('ERR_NOT_FOUND', `${mnemonic} is not a provider of any registered message type`);
    return mnemonic;
  };
  router.post('/providers/:mnemonic/pause', (req, res) => {
    const mnemonic = provider(req);
    hub.pauseProvider(mnemonic);
    res.json({ provider: mnemonic, paused: true });
  });
  router.post('/providers/:mnemonic/resume', (req, res) => {
    const mnemonic = provider(req);
    hub.resumeProvider(mnemonic);
    res.json({ provider: mnemonic, paused: false });
  });
  router.get('/registry', (_req, res) => {
    res.json({ registry: hub.registry() });
  });

  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown } | null)?.status;
    const known =
      error instanceof KitError ? error : typeof status === 'number' && status >= 400 && status < 500 ? new KitError('ERR_VALIDATION', 'request body could not be read') : undefined;
    if (!known) onError(error);
    sendProblem(res, known ?? error, req.originalUrl);
  });
  return router;
}
