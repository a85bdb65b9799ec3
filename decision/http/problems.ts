/**
 * @module problems
 * RFC 9457 problem documents for the intake API: kit errors through core's toProblem, plus the service's own
 * cases (a reused Idempotency-Key) that have no place in the kit-wide catalogue.
 */
import type { Response } from 'express';
import { KitError, toProblem, type ProblemDocument } from '../../core/errors/index.ts';
import type { IntakeIssue } from '../api/intake.ts';

export function sendProblem(res: Response, problem: ProblemDocument): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function sendError(res: Response, error: unknown, instance: string): void {
  sendProblem(res, toProblem(error, instance));
}

export function validationProblem(issues: readonly IntakeIssue[], what: string, instance: string): ProblemDocument {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map((i) => `- ${i.path}: ${i.message}`).join('\n');
  return toProblem(new KitError('ERR_VALIDATION', `${what} is invalid (${count}):\n${lines}`, { issues: issues.map((i) => ({ ...i })) }), instance);
}

export function idempotencyKeyReused(id: string, instance: string): ProblemDocument {
  return toProblem(
    new KitError('ERR_IDEMPOTENCY_KEY_REUSED', `The key names application ${id}, submitted with a different body; use a new key for a new application.`, { applicationId: id }),
    instance,
  );
}

export function notFound(instance: string): ProblemDocument {
  return toProblem(new KitError('ERR_NOT_FOUND', 'No application with this id'), instance);
}
