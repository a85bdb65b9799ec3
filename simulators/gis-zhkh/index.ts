/**
 * @module simulators/gis-zhkh
 * The mock housing and utilities system: an applicant's accounts in a house with monthly per-service accruals,
 * payments and debt.
 */
import { gisZhkhContract } from '../../core/contracts/index.ts';
import type { AgencySimulator } from '../runtime/agency-simulator.ts';
import { readAccrualsRequest } from './read-request.ts';
import { writeAccrualsAnswer } from './write-answer.ts';

export const gisZhkhSimulator: AgencySimulator = Object.freeze({
  agency: 'gis-zhkh',
  contract: gisZhkhContract,
  subjectOf: (context) => readAccrualsRequest(context.request).subject,
  answer: (context, match) => writeAccrualsAnswer(readAccrualsRequest(context.request), match),
} satisfies AgencySimulator);
