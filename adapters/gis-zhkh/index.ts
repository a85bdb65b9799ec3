import { gisZhkhContract } from '../../core/contracts/index.ts';
import { defineAgencyAdapter } from '../xml/index.ts';
import { buildUtilityAccrualsRequest } from './build-request.ts';
import { normalizeUtilityAccruals } from './normalize-answer.ts';

/** Housing and utilities system: accounts of a dwelling with monthly accruals, payments and debt. */
export const gisZhkhAccrualsAdapter = defineAgencyAdapter({
  contract: gisZhkhContract,
  operation: 'GetUtilityAccruals',
  factGroups: ['housing'],
  buildRequest: buildUtilityAccrualsRequest,
  normalize: normalizeUtilityAccruals,
});

export { buildUtilityAccrualsRequest, dwellingOf, type Dwelling, type HousingFactsQuery } from './build-request.ts';
export { normalizeUtilityAccruals } from './normalize-answer.ts';
