/**
 * @module express-delivery
 * Performs an AgencyReply on a node:http response: chunked writes with the drip delays, a destroyed socket for
 * connection-reset, a held connection for timeout (released when the client gives up, after holdMs, or when the
 * server closes its connections).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sleep, type AgencyReply } from './agency-exchange.ts';

/** Works on plain node:http objects (soap-listener.ts) and on express's, which extend them (app.ts). */
export async function deliverReply(reply: AgencyReply, request: IncomingMessage, response: ServerResponse, signal: AbortSignal): Promise<void> {
  switch (reply.kind) {
    case 'reset':
      request.socket.destroy();
      return;
    case 'hang':
      await sleep(reply.holdMs ?? Number.POSITIVE_INFINITY, signal);
      if (!signal.aborted) request.socket.destroy();
      return;
    case 'http': {
      response.writeHead(reply.status, reply.headers);
      const [only] = reply.chunks;
      if (reply.chunks.length === 1 && only !== undefined && only.delayBeforeMs <= 0) {
        // The usual answer: headers and body leave in one write, as a plain node:http server sends them.
        if (!signal.aborted && !response.destroyed) response.end(only.bytes);
        return;
      }
      for (const chunk of reply.chunks) {
        if (chunk.delayBeforeMs > 0) await sleep(chunk.delayBeforeMs, signal);
        if (signal.aborted || response.destroyed) return;
        response.write(chunk.bytes);
      }
      response.end();
    }
  }
}

/** Aborts when the client closes the connection before the answer was completely written. */
export function clientGoneSignal(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}

/**
 * clientGoneSignal, created only when something reads it: a plain answer (no latency, no drip, no hold) never
 * does, and an AbortController per call was a visible part of a memoized call's CPU. The close listener is added
 * at once, so a signal made after the client left starts aborted.
 */
export class LazyClientGone {
  #controller: AbortController | undefined;
  #gone = false;

  constructor(response: ServerResponse) {
    response.once('close', () => {
      if (response.writableFinished) return;
      this.#gone = true;
      this.#controller?.abort();
    });
  }

  get gone(): boolean {
    return this.#gone;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#gone) this.#controller.abort();
    }
    return this.#controller.signal;
  }
}

/** The one chunk of a reply that is written at once, or undefined when delivery needs deliverReply's care. */
export function plainBody(reply: AgencyReply): Uint8Array | undefined {
  if (reply.kind !== 'http' || reply.chunks.length !== 1) return undefined;
  const [only] = reply.chunks;
  return only !== undefined && only.delayBeforeMs <= 0 ? only.bytes : undefined;
}
