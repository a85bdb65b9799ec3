/**
 * How transport-level failures of a direct SOAP call become typed outcomes: what fetch threw, and HTTP answers
 * that are not SOAP envelopes. Kept apart from the client so the mapping reads as one table.
 */
import { KitError } from '../../core/errors/index.ts';
import type { AgencyCode } from '../../core/facts/index.ts';

/** A POST that was aborted by our timeout, or failed on the network (reset, refused, msw's HttpResponse.error()). */
export function errorForFetchFailure(error: unknown, context: { agency: AgencyCode; url: string; timeoutMs: number; timedOut: boolean }): KitError {
  const name = (error as { name?: unknown } | null)?.name;
  if (context.timedOut || name === 'TimeoutError' || name === 'AbortError') {
    return new KitError('ERR_AGENCY_TIMEOUT', `Agency ${context.agency} did not answer within ${context.timeoutMs} ms`, { agency: context.agency, url: context.url, timeoutMs: context.timeoutMs }, { cause: error });
  }
  // fetch wraps the socket error in `cause`; node:http rejects with the socket error itself.
  const own = error as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  const cause = own?.cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof own?.code === 'string' ? own.code : typeof cause?.message === 'string' ? cause.message : typeof own?.message === 'string' ? own.message : undefined;
  return new KitError('ERR_AGENCY_UNAVAILABLE', `Agency ${context.agency} could not be reached (${detail ?? 'network error'})`, { agency: context.agency, url: context.url, ...(detail ? { reason: detail } : {}) }, { cause: error });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** An HTTP answer without a SOAP envelope: 5xx means the agency is down for now; anything else is unreadable. */
export function errorForHttpStatus(status: number, context: { agency: AgencyCode; url: string; retryAfterMs: number | undefined }): KitError {
  const retry = context.retryAfterMs === undefined ? {} : { retryAfterMs: context.retryAfterMs };
  if (status >= 500) {
    return new KitError('ERR_AGENCY_UNAVAILABLE', `Agency ${context.agency} answered HTTP ${status}`, { agency: context.agency, url: context.url, httpStatus: status, ...retry });
  }
  return new KitError('ERR_AGENCY_BAD_RESPONSE', `Agency ${context.agency} answered HTTP ${status} without a SOAP envelope`, { agency: context.agency, url: context.url, httpStatus: status });
}
