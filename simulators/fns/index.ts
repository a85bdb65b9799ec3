/**
 * @module simulators/fns
 * The mock tax service (2-NDFL income). Same shape as every agency folder: read-request.ts turns the payload into
 * a MemberQuery and parameters, write-answer.ts turns what the persona says into the contract's answer.
 */
import { fnsContract } from '../../core/contracts/index.ts';
import type { AgencySimulator } from '../runtime/agency-simulator.ts';
import { readIncomeRequest } from './read-request.ts';
import { writeIncomeAnswer, writeNotReadyAnswer } from './write-answer.ts';

export const fnsSimulator: AgencySimulator = Object.freeze({
  agency: 'fns',
  contract: fnsContract,
  subjectOf: (context) => readIncomeRequest(context.request).subject,
  answer: (context, match) => writeIncomeAnswer(readIncomeRequest(context.request), match),
  notReadyAnswer: (context) => writeNotReadyAnswer(readIncomeRequest(context.request)),
} satisfies AgencySimulator);
