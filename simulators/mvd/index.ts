/**
 * @module simulators/mvd
 * The mock interior ministry (residence registration): permanent and temporary registrations of a person.
 */
import { mvdContract } from '../../core/contracts/index.ts';
import type { AgencySimulator } from '../runtime/agency-simulator.ts';
import { readRegistrationRequest } from './read-request.ts';
import { writeRegistrationAnswer } from './write-answer.ts';

export const mvdSimulator: AgencySimulator = Object.freeze({
  agency: 'mvd',
  contract: mvdContract,
  subjectOf: (context) => readRegistrationRequest(context.request).subject,
  answer: (context, match) => writeRegistrationAnswer(readRegistrationRequest(context.request), match),
} satisfies AgencySimulator);
