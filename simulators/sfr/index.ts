/**
 * @module simulators/sfr
 * The mock Social Fund: pensions and payments for a period, and benefits already assigned (the national
 * social-benefits register the fund runs). One simulator, two operations, routed by the operation name.
 */
import { sfrContract } from '../../core/contracts/index.ts';
import type { AgencySimulator } from '../runtime/agency-simulator.ts';
import { readSfrRequest } from './read-request.ts';
import { writeSfrAnswer } from './write-answer.ts';

export const sfrSimulator: AgencySimulator = Object.freeze({
  agency: 'sfr',
  contract: sfrContract,
  subjectOf: (context) => readSfrRequest(context.operation, context.request).subject,
  answer: (context, match) => writeSfrAnswer(readSfrRequest(context.operation, context.request), match),
} satisfies AgencySimulator);
