/**
 * @module app
 * createHub: the exchange hub as an express app (no listen: server.ts does that) plus its programmatic handle.
 * Routes: POST /smev/v1.{1,2,3}/ws (SOAP), GET …/ws?wsdl and the schemas next to it, /__admin (admin API).
 * Opening the hub re-schedules the payload checks a killed process left pending, so nothing accepted is lost.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { KitError, toProblem } from '../../core/errors/index.ts';
import { isSmevVersion, type SmevVersion } from '../../core/smev/envelope/index.ts';
import { DEFAULT_XML_LIMITS } from '../../core/xml/index.ts';
import { createHubAdminRouter } from './admin-router.ts';
import { createValidationQueue } from './async-validation.ts';
import type { HubContext, HubLogger } from './hub-context.ts';
import { createHubHandle, type HubHandle } from './hub-handle.ts';
import { resolveHubOptions, type HubOptions } from './hub-options.ts';
import { createHubSigner } from './hub-signing.ts';
import { HubStore } from './hub-store.ts';
import { createSystemDirectory } from './identify-caller.ts';
import { hubSchema, hubWsdl } from './publish-wsdl.ts';
import { createRegistry } from './registry.ts';

/** "/smev/v1.2/ws" */
export function soapPathFor(version: SmevVersion): string {
  return `/smev/v${version}/ws`;
}

export interface Hub {
  readonly app: Express;
  readonly hub: HubHandle;
  /** Waits for pending payload checks, then closes the store. Does not stop a server (startHub's close does). */
  close(): Promise<void>;
}

export interface CreateHubExtras {
  readonly logger?: HubLogger;
}

const consoleLogger: HubLogger = { error: (message, error) => console.error(`[hub] ${message}`, error) };

function sendProblem(response: Response, error: unknown, instance: string): void {
  const problem = toProblem(error, instance);
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function createHub(options: HubOptions, extras: CreateHubExtras = {}): Hub {
  const resolved = resolveHubOptions(options);
  const logger = extras.logger ?? consoleLogger;
  const store = HubStore.open(resolved.dataDir);
  let context: HubContext;
  try {
    context = Object.freeze({
      options: resolved,
      store,
      directory: createSystemDirectory(resolved.systems),
      registry: createRegistry(resolved.registry),
      signer: createHubSigner(resolved.signing),
      validation: createValidationQueue(() => context),
      logger,
    });
  } catch (error) {
    store.close();
    throw error;
  }
  for (const pending of store.listValidating()) context.validation.schedule(pending.messageId);
  const handle = createHubHandle(context);

  const app = express();
  app.disable('x-powered-by');
  app.use('/__admin', createHubAdminRouter(handle, (error) => logger.error('admin API failed', error)));
  const rawBody = express.raw({ type: () => true, limit: DEFAULT_XML_LIMITS.maxBytes });
  app.all(/^\/smev\/v(1\.[123])\/([^/]+)$/, rawBody, (request: Request, response: Response) => {
    const version = request.params[0];
    const file = String(request.params[1]);
    if (!isSmevVersion(version)) throw new KitError('ERR_NOT_FOUND', `no endpoint for ${request.path}`);
    const origin = `${request.protocol}://${request.get('host') ?? 'localhost'}`;
    if (file === 'ws' && request.method === 'POST') {
      const body: unknown = request.body;
      const answer = handle.handleSoap(version, Buffer.isBuffer(body) ? body : new Uint8Array(0), request.get('content-type') ?? 'text/xml', request.get('soapaction'));
      response.status(answer.status).type('text/xml; charset=utf-8').send(answer.xml);
      return;
    }
    if (request.method === 'GET' && file === 'ws' && Object.keys(request.query).some((k) => k.toLowerCase() === 'wsdl')) {
      response.type('text/xml; charset=utf-8').send(hubWsdl(version, `${origin}${soapPathFor(version)}`));
      return;
    }
    const schema = request.method === 'GET' ? hubSchema(version, file) : undefined;
    if (schema === undefined) throw new KitError('ERR_NOT_FOUND', `no route ${request.method} ${request.path} (POST SOAP to ${soapPathFor(version)}, or GET it with ?wsdl)`);
    response.type('text/xml; charset=utf-8').send(schema);
  });
  app.use((request: Request, response: Response) => {
    sendProblem(response, new KitError('ERR_NOT_FOUND', `no route ${request.method} ${request.path}`), request.path);
  });
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const status = (error as { status?: unknown } | null)?.status;
    const known = error instanceof KitError ? error : typeof status === 'number' && status >= 400 && status < 500 ? new KitError('ERR_VALIDATION', 'request body could not be read') : undefined;
    if (!known) logger.error(`${request.method} ${request.originalUrl} failed`, error);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendProblem(response, known ?? error, request.path);
  });

  let closed = false;
  return {
    app,
    hub: handle,
    async close() {
      if (closed) return;
      closed = true;
      await handle.whenIdle();
      store.close();
    },
  };
}
