/**
 * @module soap-listener
 * The node:http request listener of a simulator process: `POST /ws/<agency>` goes straight to the transport-
 * agnostic core (handleAgencyRequest) and express-delivery; everything else (WSDL, XSD, admin API, 404s, and SOAP
 * posts this path does not read the way express would) is handed to the express app untouched. Express 5 routing
 * plus raw-body cost more per call than the rest of a memoized call, and the SOAP POST needs none of them.
 *
 * The direct path takes only requests whose body express.raw would read byte for byte the same: an exact path
 * (query allowed), a Content-Length within the XML size limit, and no Content-Encoding (express would inflate).
 * Chunked bodies, encoded bodies and oversized ones go to express, which answers them exactly as before.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { toProblem } from '../../core/errors/index.ts';
import { DEFAULT_XML_LIMITS } from '../../core/xml/index.ts';
import type { IncomingAgencyRequest } from './agency-exchange.ts';
import type { AgencySimulatorApp } from './app.ts';
import { LazyClientGone, deliverReply, plainBody } from './express-delivery.ts';
import { handleAgencyRequest } from './handle-agency-request.ts';

/** Whether this listener reads the body itself: what express.raw would read as the same bytes. */
function takesDirectly(request: IncomingMessage, soapPath: string): boolean {
  if (request.method !== 'POST') return false;
  const url = request.url ?? '';
  if (!(url === soapPath || (url.startsWith(soapPath) && url.charCodeAt(soapPath.length) === 0x3f))) return false;
  const { headers } = request;
  if (headers['transfer-encoding'] !== undefined) return false;
  const encoding = headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const length = headers['content-length'];
  if (length === undefined || !/^\d{1,10}$/.test(length)) return false;
  return Number(length) <= DEFAULT_XML_LIMITS.maxBytes;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    request.once('error', reject);
    request.once('aborted', () => reject(new Error('request aborted')));
  });
}

/** Header names arrive in lower case already; repeated headers are joined as express's toIncoming joins them. */
function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function toIncoming(request: IncomingMessage, body: Buffer, client: LazyClientGone): IncomingAgencyRequest {
  const protocol = (request.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http';
  return {
    method: 'POST',
    url: new URL(request.url ?? '/', `${protocol}://${request.headers.host ?? 'localhost'}`),
    headers: headersOf(request),
    body,
    get signal(): AbortSignal {
      return client.signal;
    },
  };
}

function fail(response: ServerResponse, error: unknown, instance: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const problem = toProblem(error, instance);
  const body = JSON.stringify(problem);
  response.writeHead(problem.status, { 'content-type': 'application/problem+json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)) });
  response.end(body);
}

export function createSimulatorListener(app: AgencySimulatorApp): RequestListener {
  const { runtime } = app;
  const { logger } = runtime.options;
  const expressListener = app as unknown as RequestListener;
  return (request, response) => {
    if (!takesDirectly(request, runtime.soapPath)) {
      expressListener(request, response);
      return;
    }
    const client = new LazyClientGone(response);
    readBody(request)
      .then((body) => handleAgencyRequest(runtime, toIncoming(request, body, client)))
      .then((reply) => {
        const bytes = plainBody(reply);
        if (bytes === undefined) return deliverReply(reply, request, response, client.signal);
        // What deliverReply does for one undelayed chunk, without making the signal to ask whether the client left.
        if (reply.kind !== 'http' || client.gone || response.destroyed) return undefined;
        response.writeHead(reply.status, reply.headers);
        response.end(bytes);
        return undefined;
      })
      .catch((error: unknown) => {
        // An aborted upload leaves nobody to answer; anything else is ours, logged and hidden as express would.
        if (request.destroyed || client.gone) {
          response.destroy();
          return;
        }
        logger.error(`POST ${request.url ?? ''} failed`, error);
        fail(response, new Error('hidden'), runtime.soapPath);
      });
  };
}
