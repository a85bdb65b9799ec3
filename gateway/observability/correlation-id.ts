import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { maskFreeText } from './mask-personal-data.ts';

/** The header a consumer may send to tie its own logs to ours; echoed back on the answer. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/**
 * A correlation id is written into every log line, the audit log and the message-exchange envelopes, so an
 * incoming one is accepted only when it is harmless in all three: 8-128 characters of letters, digits and
 * `-._:`, and nothing that looks like a SNILS or INN (a consumer using a person's number as its request id
 * would otherwise print it on every log line).
 */
const SAFE_CORRELATION_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function isSafeCorrelationId(value: string): boolean {
  return SAFE_CORRELATION_ID.test(value) && maskFreeText(value) === value;
}

/** The consumer's `X-Correlation-Id` when it is safe, else a fresh UUID. Repeated headers: the first one counts. */
export function correlationIdFrom(headerValue?: string | readonly string[] | null): string {
  const candidate = typeof headerValue === 'string' ? headerValue.trim() : headerValue?.[0]?.trim();
  return candidate !== undefined && isSafeCorrelationId(candidate) ? candidate : randomUUID();
}

/**
 * The child-logger convention: one child per request (or per background job), bound to its correlation id under
 * the `correlationId` key, plus whatever else is fixed for its lifetime (consumer, agency). Stages log through
 * the child they are given and never create their own root logger.
 */
export function withCorrelationId(logger: Logger, correlationId: string, bindings: Readonly<Record<string, unknown>> = {}): Logger {
  return logger.child({ ...bindings, correlationId });
}
