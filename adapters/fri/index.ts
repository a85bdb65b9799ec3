import { friContract } from '../../core/contracts/index.ts';
import { defineAgencyAdapter } from '../xml/index.ts';
import { buildDisabilityRequest } from './build-request.ts';
import { normalizeDisability } from './normalize-answer.ts';

/** Disability registry: the current disability extract for a SNILS (GetDisability). */
export const friDisabilityAdapter = defineAgencyAdapter({
  contract: friContract,
  operation: 'GetDisability',
  factGroups: ['disability'],
  buildRequest: buildDisabilityRequest,
  normalize: normalizeDisability,
});

export { buildDisabilityRequest } from './build-request.ts';
export { normalizeDisability } from './normalize-answer.ts';
