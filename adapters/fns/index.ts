import { fnsContract } from '../../core/contracts/index.ts';
import { defineAgencyAdapter } from '../xml/index.ts';
import { buildIncomeRequest } from './build-request.ts';
import { normalizeIncome } from './normalize-answer.ts';

/** Tax service: income by agent, month and income code (GetIncome, 2-NDFL style). */
export const fnsIncomeAdapter = defineAgencyAdapter({
  contract: fnsContract,
  operation: 'GetIncome',
  factGroups: ['income'],
  buildRequest: buildIncomeRequest,
  normalize: normalizeIncome,
});

export { buildIncomeRequest, seriesNumber } from './build-request.ts';
export { normalizeIncome } from './normalize-answer.ts';
