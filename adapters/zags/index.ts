import type { FactsQuery } from '../../core/adapter/index.ts';
import { zagsContract } from '../../core/contracts/index.ts';
import { defineAgencyAdapter } from '../xml/index.ts';
import { buildBirthRecordsRequest, buildDeathRecordsRequest } from './build-request.ts';
import { normalizeBirthRecords, normalizeDeathRecords } from './normalize-answer.ts';

/** Civil registry: the subject's own birth record (searched by the subject as the child). */
export const zagsBirthsAdapter = defineAgencyAdapter({
  contract: zagsContract,
  operation: 'GetBirthRecords',
  factGroups: ['births'],
  buildRequest: (query: FactsQuery) => buildBirthRecordsRequest(query, 'child'),
  normalize: normalizeBirthRecords,
});

/** Civil registry: the birth records of the subject's children (searched by the subject as a parent). */
export const zagsBirthsByParentAdapter = defineAgencyAdapter({
  contract: zagsContract,
  operation: 'GetBirthRecords',
  factGroups: ['births'],
  buildRequest: (query: FactsQuery) => buildBirthRecordsRequest(query, 'parent'),
  normalize: normalizeBirthRecords,
});

/** Civil registry: death records of the subject. */
export const zagsDeathsAdapter = defineAgencyAdapter({
  contract: zagsContract,
  operation: 'GetDeathRecords',
  factGroups: ['deaths'],
  buildRequest: buildDeathRecordsRequest,
  normalize: normalizeDeathRecords,
});

export { buildBirthRecordsRequest, buildDeathRecordsRequest, type BirthSearchRole } from './build-request.ts';
export { normalizeBirthRecords, normalizeDeathRecords } from './normalize-answer.ts';
