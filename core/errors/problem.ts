import { ERROR_CATALOGUE } from './catalogue.ts';
import { KitError } from './kit-error.ts';

/** RFC 9457 problem document. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: string;
  retryable: boolean;
  [extension: string]: unknown;
}

export const PROBLEM_TYPE_BASE = 'urn:agency-kit:error:';

/**
 * Known errors keep their message and details; anything else is hidden behind ERR_INTERNAL so that stack traces,
 * file paths or personal data never leak to a client. The caller logs the original.
 */
export function toProblem(error: unknown, instance?: string): ProblemDocument {
  if (error instanceof KitError) {
    return {
      type: PROBLEM_TYPE_BASE + error.code,
      title: ERROR_CATALOGUE[error.code].title,
      status: error.status,
      detail: error.message,
      ...(instance === undefined ? {} : { instance }),
      code: error.code,
      retryable: error.retryable,
      ...(Object.keys(error.details).length > 0 ? { details: error.details } : {}),
    };
  }
  const spec = ERROR_CATALOGUE.ERR_INTERNAL;
  return {
    type: PROBLEM_TYPE_BASE + 'ERR_INTERNAL',
    title: spec.title,
    status: spec.status,
    detail: 'An unexpected error occurred; it has been logged.',
    ...(instance === undefined ? {} : { instance }),
    code: 'ERR_INTERNAL',
    retryable: spec.retryable,
  };
}
