/**
 * @module express-delivery
 * Performs an AgencyReply on a node:http response: chunked writes with the drip delays, a destroyed socket for
 * connection-reset, a held connection for timeout (released when the client gives up, after holdMs, or when the
 * server closes its connections).
 */
import type { Request, Response } from 'express';
import { sleep, type AgencyReply } from './agency-exchange.ts';

export async function deliverReply(reply: AgencyReply, request: Request, response: Response, signal: AbortSignal): Promise<void> {
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
export function clientGoneSignal(response: Response): AbortSignal {
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}
