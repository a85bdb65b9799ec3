import { KitError } from '../../core/errors/index.ts';

/**
 * Something in an agency answer that does not make sense, found while reading it. Thrown inside normalizers so
 * they read as straight-line code; the shared pipeline (read-answer.ts) turns it into an ERR_AGENCY_BAD_RESPONSE
 * outcome, so it never escapes an adapter.
 */
export class AnswerProblem extends Error {
  /** Element path inside the payload, e.g. `Payments/Payment[2]/Amount`; empty for whole-document problems. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(path === '' ? problem : `${path}: ${problem}`);
    this.name = 'AnswerProblem';
    this.path = path;
  }
}

/** The error outcome's KitError for an unreadable answer, naming the agency and the problem. */
export function badResponseError(agency: string, problem: string, details: Record<string, unknown> = {}, cause?: unknown): KitError {
  return new KitError(
    'ERR_AGENCY_BAD_RESPONSE',
    `Agency ${agency} sent an answer that cannot be read: ${problem}`,
    { agency, ...details },
    cause === undefined ? undefined : { cause },
  );
}
