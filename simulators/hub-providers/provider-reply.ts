/**
 * @module provider-reply
 * The adapter between the agency runtime's answering logic and the asynchronous exchange: one request payload →
 * what the agency sends back with SendResponse. The same AgencySimulator (subjectOf / answer / notReadyAnswer)
 * and the same engine (decide → wait the latency → record) as the direct mode, so personas, latencies and faults
 * apply identically; only the wire shape differs. How each engine action looks in the asynchronous world:
 * - answer → MessagePrimaryContent with the business payload (body faults: a corrupted signature is sent as is and
 *   refused by the hub; a truncated answer never gets through; a slow drip arrives late);
 * - rejected → RequestRejected; not-ready → the agency's own not-ready payload (fns code 52) or RequestStatus;
 * - timeout / maintenance / HTTP 5xx / reset / retryable SOAP fault → nothing now: the provider tries again later
 *   (a timeout without holdMs never answers); a final SOAP fault → RequestRejected (ACCESS_DENIED or FAILURE).
 */
import { findByRequestRoot, type XsdValidator } from '../../core/contracts/index.ts';
import { NOT_READY_STATUS_CODE } from '../../core/direct-soap/index.ts';
import { SMEV_FAULTS, type RejectionReasonCode } from '../../core/smev/envelope/index.ts';
import type { CallPlan, SimulatorEngine, TerminalFault } from '../engine/index.ts';
import { sleep } from '../runtime/agency-exchange.ts';
import type { AgencySimulator, AnswerContext } from '../runtime/agency-simulator.ts';

export type ProviderReply =
  | { readonly kind: 'content'; readonly xml: string; readonly corruptSignature: boolean; readonly extraDelayMs: number }
  | { readonly kind: 'rejected'; readonly code: RejectionReasonCode; readonly description: string }
  | { readonly kind: 'status'; readonly code: number; readonly description: string }
  /** No answer now; decide again after `afterMs`. */
  | { readonly kind: 'later'; readonly afterMs: number; readonly reason: string }
  /** No answer, ever. */
  | { readonly kind: 'silent'; readonly reason: string };

const REJECTION_TEXT: Readonly<Record<RejectionReasonCode, string>> = {
  ACCESS_DENIED: 'Access to the requested data is denied',
  NO_DATA: 'No data on the subject',
  UNKNOWN_REQUEST_DESCRIPTION: 'The request is not understood',
  FAILURE: 'The agency failed to process the request',
};

export interface ProviderReplyInput {
  readonly simulator: AgencySimulator;
  readonly engine: SimulatorEngine;
  readonly validator: XsdValidator;
  /** The MessagePrimaryContent child of the request, as parsed from GetRequestResponse. */
  readonly payload: Element;
  readonly payloadXml: string;
  readonly messageId: string;
  readonly now: Date;
  /** Wait before retrying after a network-ish fault without Retry-After. */
  readonly retryDelayMs: number;
  readonly signal?: AbortSignal;
}

export interface PlannedProviderReply {
  readonly reply: ProviderReply;
  /** Absent when the request was refused before the engine saw it. */
  readonly plan?: CallPlan;
}

/** Never throws for request problems (they become RequestRejected); waits the engine's latency. */
export async function planProviderReply(input: ProviderReplyInput): Promise<PlannedProviderReply> {
  const { simulator, engine, payload } = input;
  const match = findByRequestRoot({ namespace: payload.namespaceURI ?? '', localName: payload.localName });
  if (!match || match.contract !== simulator.contract) {
    return { reply: rejected('UNKNOWN_REQUEST_DESCRIPTION', `{${payload.namespaceURI ?? ''}}${payload.localName} is not a request of the ${simulator.agency} contract`) };
  }
  const validation = input.validator.validate(input.payloadXml);
  if (!validation.valid) return { reply: rejected('UNKNOWN_REQUEST_DESCRIPTION', `The request fails the ${simulator.agency} XSD: ${validation.errors.map((e) => e.message).join('; ')}`) };
  const context: AnswerContext = { operation: match.operation.name, request: payload, now: input.now };
  const plan = engine.decide({ agency: simulator.agency, operation: match.operation.name, subject: simulator.subjectOf(context), messageId: input.messageId });
  await sleep(plan.latencyMs, input.signal);
  if (plan.action === 'answer') return { plan, reply: content(simulator.answer(context, plan.subject), plan) };
  return { plan, reply: replyForFault(plan.action, simulator, context, input.retryDelayMs) };
}

function rejected(code: RejectionReasonCode, description?: string): ProviderReply {
  return { kind: 'rejected', code, description: description ?? REJECTION_TEXT[code] };
}

function content(xml: string, plan: CallPlan): ProviderReply {
  let corruptSignature = false;
  let extraDelayMs = 0;
  for (const behavior of plan.behaviors) {
    if (behavior.kind === 'corrupt-signature') corruptSignature = true;
    if (behavior.kind === 'truncate') return { kind: 'silent', reason: 'truncated answer: it never gets through the exchange' };
    if (behavior.kind === 'drip') extraDelayMs += Math.ceil(Buffer.byteLength(xml) / behavior.chunkSize) * behavior.delayMs;
  }
  return { kind: 'content', xml, corruptSignature, extraDelayMs };
}

function replyForFault(action: TerminalFault, simulator: AgencySimulator, context: AnswerContext, retryDelayMs: number): ProviderReply {
  switch (action.type) {
    case 'rejected':
      return rejected(action.code, action.description);
    case 'not-ready':
      if (simulator.notReadyAnswer) return { kind: 'content', xml: simulator.notReadyAnswer(context), corruptSignature: false, extraDelayMs: 0 };
      return { kind: 'status', code: NOT_READY_STATUS_CODE, description: 'The answer is being prepared; ask again later' };
    case 'soap-fault': {
      const spec = SMEV_FAULTS[action.fault];
      if (spec.action === 'retry') return { kind: 'later', afterMs: retryDelayMs, reason: `${action.fault}: the agency's side of the exchange failed` };
      const code: RejectionReasonCode = action.fault === 'AccessDenied' || action.fault === 'PersonalAccessDenied' ? 'ACCESS_DENIED' : 'FAILURE';
      return rejected(code, action.description ?? `${action.fault}: ${spec.meaning}`);
    }
    case 'http-status':
    case 'maintenance':
      return { kind: 'later', afterMs: action.retryAfterSeconds !== undefined ? action.retryAfterSeconds * 1000 : retryDelayMs, reason: action.type === 'maintenance' ? 'agency in maintenance' : `agency HTTP ${action.status}` };
    case 'connection-reset':
      return { kind: 'later', afterMs: retryDelayMs, reason: 'agency connection reset' };
    case 'timeout':
      return action.holdMs === undefined ? { kind: 'silent', reason: 'agency never answers (timeout)' } : { kind: 'later', afterMs: action.holdMs, reason: `agency hangs ${action.holdMs} ms` };
  }
}
