import { ERROR_CATALOGUE, type ErrorCode } from './catalogue.ts';

/** Details are data for machines (which field, which reference); the message is for people. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

export class KitError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message?: string, details: ErrorDetails = {}, options?: { cause?: unknown }) {
    const spec = ERROR_CATALOGUE[code];
    super(message ?? spec.title, options);
    this.name = 'KitError';
    this.code = code;
    this.status = spec.status;
    this.retryable = spec.retryable;
    this.details = details;
  }
}

export function isKitError(value: unknown, code?: ErrorCode): value is KitError {
  return value instanceof KitError && (code === undefined || value.code === code);
}

export function kitError(code: ErrorCode, message?: string, details?: ErrorDetails): KitError {
  return new KitError(code, message, details);
}
