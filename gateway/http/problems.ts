/**
 * @module problems
 * Every error answer is an RFC 9457 problem document (application/problem+json) built by core toProblem, so a
 * known KitError keeps its code and details and anything else becomes an opaque ERR_INTERNAL (logged, hidden).
 */
import type { Response } from 'express';
import type { z } from 'zod';
import { KitError, toProblem, type ProblemDocument } from '../../core/errors/index.ts';
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
  return toProblem(new KitError('ERR_UNAUTHENTICATED', 'Send the consumer API key in the X-Api-Key header.'), instance);
}

export function forbidden(reasons: readonly string[], instance?: string): ProblemDocument {
  return toProblem(new KitError('ERR_FORBIDDEN', reasons.join('; '), { reasons }), instance);
}
