/**
 * The seam between the shared simulator runtime (HTTP, SOAP envelopes, signing, XSD validation, the engine's
 * faults and latency) and one agency's answering logic. An agency folder (simulators/<agency>/) exports one
 * AgencySimulator; everything transport-related lives in the runtime, so the same answers serve direct SOAP, msw
 * handlers and, later, the exchange hub. Agency code reads requests and writes answers with its own code from the
 * persona data: it never imports adapters/, so a mapping bug on one side cannot hide behind its twin.
 */
import type { AgencyContract } from '../../core/contracts/index.ts';
import type { MemberMatch, MemberQuery, SimulatedAgency } from '../engine/index.ts';

export interface AnswerContext {
  /** The operation name from the contract, e.g. "GetIncome". */
  readonly operation: string;
  /** The request payload root element (already XSD-valid). */
  readonly request: Element;
  /**
   * "Today" for the simulated agency: fixed in tests, the wall clock otherwise. Read it only through its UTC day:
   * the runtime remembers subjects and answers per day (hot-path-memo.ts), as a real agency's data changes daily.
   */
  readonly now: Date;
}

export interface AgencySimulator {
  readonly agency: SimulatedAgency;
  readonly contract: AgencyContract;
  /**
   * Who the request asks about, read from the payload: the persona store searches by it. A function of the payload,
   * the day of `now` and the persona set only (the runtime remembers it per request, day and engine generation).
   */
  subjectOf(context: AnswerContext): MemberQuery;
  /**
   * The business answer payload (one element of the contract's namespace, XSD-valid) for the matched member, or
   * for no match (`undefined`): then the agency's own "no data" shape. Pure in its inputs (payload, day of
   * `now`, the match): the runtime remembers it per request payload, day and engine generation.
   */
  answer(context: AnswerContext, match: MemberMatch | undefined): string;
  /**
   * The agency's own "not ready yet, ask later" business answer, where it has one (the tax service's processing
   * code 52). Agencies without one leave it out and the runtime answers with the generic RequestStatus fault.
   */
  notReadyAnswer?(context: AnswerContext): string;
}
