import { describe, expect, it } from 'vitest';
import { outcomeForRejection, REJECTION_CODES, type RejectionCode } from '../../core/adapter/index.ts';
import { isKitError } from '../../core/errors/index.ts';

describe('a RequestRejected answer', () => {
  it('with NO_DATA becomes a no-data outcome carrying the description', () => {
    expect(outcomeForRejection({ code: 'NO_DATA', description: 'Сведения не найдены' }, 'fri')).toEqual({
      kind: 'no-data',
      reason: 'Сведения не найдены',
    });
  });

  const errorCases: Array<[RejectionCode, string, boolean]> = [
    ['ACCESS_DENIED', 'ERR_AGENCY_ACCESS_DENIED', false],
    ['UNKNOWN_REQUEST_DESCRIPTION', 'ERR_AGENCY_REJECTED', false],
    ['FAILURE', 'ERR_AGENCY_FAILURE', true],
  ];

  it.each(errorCases)('with %s becomes an error outcome %s (retryable: %s)', (code, errorCode, retryable) => {
    const description = 'KVS03217 request does not match the schema';
    const outcome = outcomeForRejection({ code, description }, 'fri');
    expect(outcome.kind).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(isKitError(outcome.error)).toBe(true);
    expect(outcome.error.code).toBe(errorCode);
    expect(outcome.error.retryable).toBe(retryable);
    expect(outcome.error.message).toContain(description);
    expect(outcome.error.details).toEqual({ agency: 'fri', rejectionCode: code, description });
  });

  it('is mapped for every rejection code SMEV defines', () => {
    for (const code of REJECTION_CODES) {
      expect(['no-data', 'error']).toContain(outcomeForRejection({ code, description: '' }, 'sfr').kind);
    }
  });
});
