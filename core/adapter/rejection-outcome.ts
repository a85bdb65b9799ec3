import { KitError, type ErrorCode } from '../errors/index.ts';
import type { AgencyCode, FactGroup } from '../facts/index.ts';
import type { AdapterOutcome } from './adapter-outcome.ts';
import type { RejectedAnswer, RejectionCode } from './agency-answer.ts';

/**
 * The same RequestRejected means the same thing from every agency, so adapters share this mapping instead of each
 * deciding. NO_DATA is an answer ("nothing on this person"), the others are errors with catalogue codes.
 */
const ERROR_FOR_REJECTION: Readonly<Record<Exclude<RejectionCode, 'NO_DATA'>, ErrorCode>> = {
  ACCESS_DENIED: 'ERR_AGENCY_ACCESS_DENIED',
  UNKNOWN_REQUEST_DESCRIPTION: 'ERR_AGENCY_REJECTED',
  FAILURE: 'ERR_AGENCY_FAILURE',
};

export function outcomeForRejection<G extends FactGroup = FactGroup>(
  rejected: Pick<RejectedAnswer, 'code' | 'description'>,
  agency: AgencyCode,
): AdapterOutcome<G> {
  if (rejected.code === 'NO_DATA') return { kind: 'no-data', reason: rejected.description };
  const code = ERROR_FOR_REJECTION[rejected.code];
  const message = `Agency ${agency} rejected the request (${rejected.code}): ${rejected.description}`;
  return {
    kind: 'error',
    error: new KitError(code, message, { agency, rejectionCode: rejected.code, description: rejected.description }),
  };
}
