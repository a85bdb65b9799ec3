/**
 * @module agency-exchange
 * The transport-neutral shapes of one HTTP exchange with a simulated agency: what came in, and what to do about
 * it. Express (app.ts) and msw (msw-handlers.ts) each translate their own objects to and from these, so both
 * serve exactly the same bytes, faults and timing.
 */
import type { DeliveryChunk } from '../engine/index.ts';

export interface IncomingAgencyRequest {
  readonly method: string;
  /** Absolute URL as the client addressed it (the WSDL's soap:address is derived from it). */
  readonly url: URL;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
  /** Aborted when the client gives up; waits end early. */
  readonly signal?: AbortSignal;
}

export type AgencyReply =
  /** Write the status and headers, then each chunk after its delay (one chunk without delay unless dripping). */
  | { readonly kind: 'http'; readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly chunks: readonly DeliveryChunk[] }
  /** Drop the connection without an answer. */
  | { readonly kind: 'reset' }
  /** Answer nothing: hold the connection `holdMs` then drop it, or until the client gives up when undefined. */
  | { readonly kind: 'hang'; readonly holdMs: number | undefined };

export function httpReply(status: number, contentType: string, body: string | Uint8Array, extraHeaders: Record<string, string> = {}): AgencyReply {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return {
    kind: 'http',
    status,
    headers: { 'content-type': contentType, 'content-length': String(bytes.byteLength), ...extraHeaders },
    chunks: [{ delayBeforeMs: 0, bytes }],
  };
}

/** Resolves after `ms`, or at once when `signal` aborts (the client is gone: nobody is waiting any more). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined; // setTimeout(Infinity) fires after 1 ms
    signal?.addEventListener('abort', done, { once: true });
  });
}
