import { mvdContract } from '../../core/contracts/index.ts';
import { defineAgencyAdapter } from '../xml/index.ts';
import { buildRegistrationRequest } from './build-request.ts';
import { normalizeRegistration } from './normalize-answer.ts';

/** Interior ministry: permanent and temporary residence registrations (GetRegistration). */
export const mvdRegistrationAdapter = defineAgencyAdapter({
  contract: mvdContract,
  operation: 'GetRegistration',
  factGroups: ['residence'],
  buildRequest: buildRegistrationRequest,
  normalize: normalizeRegistration,
});

export { buildRegistrationRequest } from './build-request.ts';
export { normalizeRegistration } from './normalize-answer.ts';
