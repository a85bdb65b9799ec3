/**
 * @module app
 * The express app of one agency simulator (no listen: server.ts does that). SOAP, WSDL and XSD go through the
 * transport-agnostic handleAgencyRequest; the engine's admin API is mounted at /__admin; anything else is a 404
 * problem document, and unexpected errors are logged and hidden.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { KitError, toProblem } from '../../core/errors/index.ts';
import { DEFAULT_XML_LIMITS } from '../../core/xml/index.ts';
import { createAdminRouter } from '../engine/index.ts';
import type { IncomingAgencyRequest } from './agency-exchange.ts';
import { clientGoneSignal, deliverReply } from './express-delivery.ts';
import { SOAP_PATH_PREFIX, createAgencyRuntime, handleAgencyRequest, type AgencyRuntime } from './handle-agency-request.ts';
import type { AgencyRuntimeOptions } from './runtime-options.ts';

export type AgencySimulatorAppOptions = AgencyRuntimeOptions;

export interface AgencySimulatorApp extends Express {
  readonly runtime: AgencyRuntime;
}

function toIncoming(request: Request, signal: AbortSignal): IncomingAgencyRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  const body: unknown = request.body;
  return {
    method: request.method,
    url: new URL(request.originalUrl, `${request.protocol}://${request.get('host') ?? 'localhost'}`),
    headers,
    body: Buffer.isBuffer(body) ? body : new Uint8Array(0),
    signal,
  };
}

function sendProblem(response: Response, error: unknown, instance: string): void {
  const problem = toProblem(error, instance);
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function createAgencySimulatorApp(options: AgencySimulatorAppOptions): AgencySimulatorApp {
  const runtime = createAgencyRuntime(options);
  const { logger } = runtime.options;
  const app = express();
  app.disable('x-powered-by');
  app.use('/__admin', createAdminRouter(runtime.options.engine, { onError: (error) => logger.error('admin API failed', error) }));

  // Every content type is read as bytes: the SOAP parser, not express, decides what a body is.
  const rawBody = express.raw({ type: () => true, limit: DEFAULT_XML_LIMITS.maxBytes });
  app.use(SOAP_PATH_PREFIX, rawBody, (request: Request, response: Response, next: NextFunction) => {
    const signal = clientGoneSignal(response);
    handleAgencyRequest(runtime, toIncoming(request, signal))
      .then((reply) => deliverReply(reply, request, response, signal))
      .catch(next);
  });

  app.use((request: Request, response: Response) => {
    sendProblem(response, new KitError('ERR_NOT_FOUND', `no route ${request.method} ${request.path}`), request.path);
  });
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown } | null)?.status;
    // body-parser's own errors (too large, aborted) are the client's; everything else is ours and stays hidden.
    const known = error instanceof KitError ? error : typeof status === 'number' && status >= 400 && status < 500 ? new KitError('ERR_VALIDATION', `request body could not be read`) : undefined;
    if (known === undefined) logger.error(`${request.method} ${request.originalUrl} failed`, error);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendProblem(response, known ?? error, request.path);
  });
  return Object.assign(app, { runtime });
}
