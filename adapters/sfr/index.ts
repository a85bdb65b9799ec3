import { sfrContract } from '../../core/contracts/index.ts';
import { defineAgencyAdapter } from '../xml/index.ts';
import { buildAssignedBenefitsRequest, buildPensionsAndPaymentsRequest } from './build-request.ts';
import { normalizeAssignedBenefits, normalizePensionsAndPayments } from './normalize-answer.ts';

/** Social Fund: pensions and payments for a period (GetPensionsAndPayments). */
export const sfrPaymentsAdapter = defineAgencyAdapter({
  contract: sfrContract,
  operation: 'GetPensionsAndPayments',
  factGroups: ['pensions'],
  buildRequest: buildPensionsAndPaymentsRequest,
  normalize: normalizePensionsAndPayments,
});

/** Social Fund's benefits register: measures already assigned (GetAssignedBenefits). */
export const sfrAssignedBenefitsAdapter = defineAgencyAdapter({
  contract: sfrContract,
  operation: 'GetAssignedBenefits',
  factGroups: ['assignedBenefits'],
  buildRequest: buildAssignedBenefitsRequest,
  normalize: normalizeAssignedBenefits,
});

export { buildAssignedBenefitsRequest, buildPensionsAndPaymentsRequest } from './build-request.ts';
export { normalizeAssignedBenefits, normalizePensionsAndPayments } from './normalize-answer.ts';
