/**
 * @module app
 * Builds the gateway's express app from its parts, without listening (server.ts listens; tests mount it on port
 * 0). Order: correlation id and logger for every request → operational routes (no key) → API key → facts routes
 * → 404 and error handlers that answer problem documents (unknown errors hidden behind ERR_INTERNAL, logged).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { KitError } from '../core/errors/index.ts';
import type { Consumer } from './config/consumers.ts';
import { sendError } from './http/problems.ts';
import { apiKeyAuth, correlation, locals, type GatewayLogger } from './http/request-context.ts';
import { factsRoutes, type FactsRouteDeps } from './routes/facts.ts';
import { operationsRoutes, type OperationsDeps } from './routes/operations.ts';

export interface GatewayAppDeps extends FactsRouteDeps, OperationsDeps {
  readonly consumers: readonly Consumer[];
  readonly logger: GatewayLogger;
}

export function buildGatewayApp(deps: GatewayAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(correlation(deps.logger));
  app.use(operationsRoutes(deps));
  app.use(express.json({ limit: '64kb', type: ['application/json', 'application/*+json'] }));
  app.use('/v1', apiKeyAuth(deps.consumers));
  app.use(factsRoutes(deps));
  app.use((req: Request, res: Response) => {
    sendError(res, new KitError('ERR_NOT_FOUND', `No route ${req.method} ${req.path}`), req.originalUrl);
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const log = locals(res).log ?? deps.logger;
    // express.json's own errors: a body that is not JSON or too large is the client's mistake, not a 500.
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendError(res, new KitError('ERR_VALIDATION', status === 413 ? 'The request body is larger than 64 KiB' : 'The request body is not valid JSON'), req.originalUrl);
      return;
    }
    log.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), path: req.path }, 'unhandled error');
    sendError(res, error, req.originalUrl);
  });
  return app;
}
