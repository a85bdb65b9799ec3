/**
 * @module problems
 * Every error answer is an RFC 9457 problem document (application/problem+json) built by core toProblem, so a
 * known KitError keeps its code and details and anything else becomes an opaque ERR_INTERNAL (logged, hidden).
 * Two gateway answers have no catalogue entry yet — missing/unknown API key (401) and a consumer not allowed
 * any of what it asked (403) — and are built here with the same shape.
 */
import type { Response } from 'express';
import type { z } from 'zod';
import { KitError, PROBLEM_TYPE_BASE, toProblem, type ProblemDocument } from '../../core/errors/index.ts';
import { formatPath } from '../../core/facts/index.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function sendProblem(res: Response, problem: ProblemDocument): void {
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

export function sendError(res: Response, error: unknown, instance?: string): void {
  sendProblem(res, toProblem(error, instance));
}

/** 400 listing every issue zod found, each with its path. */
export function validationError(issues: readonly z.core.$ZodIssue[], what: string): KitError {
  const listed = issues.map((i) => ({ path: formatPath(i.path), message: i.message, code: i.code }));
  const lines = listed.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new KitError('ERR_VALIDATION', `${what} is invalid (${listed.length} ${listed.length === 1 ? 'problem' : 'problems'}): ${lines}`, { issues: listed });
}

export function unauthenticated(instance?: string): ProblemDocument {
  return {
    type: `${PROBLEM_TYPE_BASE}ERR_GATEWAY_UNAUTHENTICATED`,
    title: 'A valid API key is required',
    status: 401,
    detail: 'Send the consumer API key in the X-Api-Key header.',
    ...(instance === undefined ? {} : { instance }),
    code: 'ERR_GATEWAY_UNAUTHENTICATED',
    retryable: false,
  };
}

export function forbidden(reasons: readonly string[], instance?: string): ProblemDocument {
  return {
    type: `${PROBLEM_TYPE_BASE}ERR_GATEWAY_FORBIDDEN`,
    title: 'The consumer is not allowed this request',
    status: 403,
    detail: reasons.join('; '),
    ...(instance === undefined ? {} : { instance }),
    code: 'ERR_GATEWAY_FORBIDDEN',
    retryable: false,
    details: { reasons },
  };
}
