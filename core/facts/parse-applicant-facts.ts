import type { z } from 'zod';
import { KitError } from '../errors/index.ts';
import { applicantFactsSchema, type ApplicantFacts } from './applicant-facts.ts';

/** One problem found in a facts document, with the path to the offending value (`facts.income[0].data.period`). */
export interface FactsIssue {
  path: string;
  message: string;
  code: string;
}

/** Validates and normalizes an applicant-facts document; throws ERR_FACTS_INVALID listing every problem. */
export function parseApplicantFacts(input: unknown): ApplicantFacts {
  const result = applicantFactsSchema.safeParse(input);
  if (result.success) return result.data;
  throw factsInvalidError(result.error.issues);
}

/** Shared with other parsers of facts (adapter results) so every facts error reads the same. */
export function factsInvalidError(zodIssues: readonly z.core.$ZodIssue[], what = 'Applicant facts'): KitError {
  const issues = zodIssues.map(toFactsIssue);
  const lines = issues.map((issue) => `- ${issue.path}: ${issue.message}`);
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  return new KitError('ERR_FACTS_INVALID', `${what} are invalid (${count}):\n${lines.join('\n')}`, { issues });
}

function toFactsIssue(issue: z.core.$ZodIssue): FactsIssue {
  return { path: formatPath(issue.path), message: issue.message, code: issue.code };
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
