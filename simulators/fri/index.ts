/**
 * @module simulators/fri
 * The mock Federal Register of Disabled Persons: the disability extract for a SNILS on a date.
 */
import { friContract } from '../../core/contracts/index.ts';
import type { AgencySimulator } from '../runtime/agency-simulator.ts';
import { readDisabilityRequest } from './read-request.ts';
import { writeDisabilityAnswer } from './write-answer.ts';

export const friSimulator: AgencySimulator = Object.freeze({
  agency: 'fri',
  contract: friContract,
  subjectOf: (context) => readDisabilityRequest(context.request, context.now).subject,
  answer: (context, match) => writeDisabilityAnswer(readDisabilityRequest(context.request, context.now), match),
} satisfies AgencySimulator);
