/**
 * @module app
 * Builds the decision service's express app without listening (server.ts listens; tests mount it on port 0):
 * operational routes (/healthz, /readyz, /openapi.json), the intake API, then 404 and error handlers that answer
 * problem documents (unknown errors hidden behind ERR_INTERNAL and logged without the request body).
 */
import { readFileSync } from 'node:fs';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { KitError } from '../core/errors/index.ts';
import { OPENAPI_PATH } from './api/openapi.ts';
import { applicationRoutes, type ApplicationRouteDeps } from './http/application-routes.ts';
import { sendError } from './http/problems.ts';
import type { DecisionStore } from './store/decision-store.ts';

export interface DecisionAppDeps extends ApplicationRouteDeps {
  readonly store: DecisionStore;
  readonly logger: Logger;
  /** For /readyz: is the worker loop running? */
  readonly workerRunning: () => boolean;
}

export function buildDecisionApp(deps: DecisionAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const openapi = readFileSync(OPENAPI_PATH, 'utf8');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', (_req, res) => {
    try {
      const pending = deps.store.pendingCount();
      const outbox = deps.store.outbox.counts();
      const ready = deps.workerRunning();
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', store: 'ok', worker: ready ? 'running' : 'stopped', pendingApplications: pending, outbox });
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, 'readiness check failed');
      res.status(503).json({ status: 'not-ready', store: 'unavailable' });
    }
  });
  app.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(openapi);
  });

  app.use(express.json({ limit: '256kb', type: ['application/json', 'application/*+json'] }));
  app.use(applicationRoutes(deps));

  app.use((req: Request, res: Response) => {
    sendError(res, new KitError('ERR_NOT_FOUND', `No route ${req.method} ${req.path}`), req.originalUrl);
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // express.json's own errors: a body that is not JSON or too large is the client's mistake, not a 500.
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const detail = status === 413 ? 'The request body is larger than 256 KiB' : 'The request body is not valid JSON';
      sendError(res, new KitError('ERR_VALIDATION', detail, { issues: [{ path: '(root)', message: detail, code: 'invalid_json' }] }), req.originalUrl);
      return;
    }
    deps.logger.error({ err: error instanceof Error ? error.message : String(error), path: req.path, method: req.method }, 'unhandled error');
    sendError(res, error, req.originalUrl);
  });
  return app;
}
