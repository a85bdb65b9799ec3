/**
 * @module plan-reply
 * Carries out the engine's plan for one call that passed every check: the signed answer (unsigned when the
 * runtime's signAnswers is false) with the plan's behaviors spoiling its delivery, or the terminal fault the plan
 * names. Returns the reply and the bytes to journal as the response.
 */
import {
  AGENCY_ANSWER_ID,
  SOAP11_CONTENT_TYPE,
  buildRequestRejectedFault,
  buildRequestStatusFault,
  signDirectEnvelope,
} from '../../core/direct-soap/index.ts';
import { KitError } from '../../core/errors/index.ts';
import { SMEV_FAULTS, buildSmevFault } from '../../core/smev/envelope/index.ts';
import { applyBehaviors, httpFailureFor, type CallPlan, type TerminalFault } from '../engine/index.ts';
import { httpReply, type AgencyReply } from './agency-exchange.ts';
import type { AnswerContext } from './agency-simulator.ts';
import { answerEnvelope } from './answer-envelope.ts';
import type { AgencyRuntime } from './handle-agency-request.ts';
import { dayOf, type RememberedRequest } from './hot-path-memo.ts';

export interface PlannedReply {
  readonly reply: AgencyReply;
  readonly response: Uint8Array | string | undefined;
}

const REJECTION_TEXT = {
  ACCESS_DENIED: 'Access to the requested data is denied',
  NO_DATA: 'No data on the subject',
  UNKNOWN_REQUEST_DESCRIPTION: 'The request is not understood',
  FAILURE: 'The agency failed to process the request',
} as const;

/** `remembered` is the memo entry of the request (hot-path-memo.ts), when the memo holds it. */
export function replyForPlan(runtime: AgencyRuntime, plan: CallPlan, context: AnswerContext, remembered?: RememberedRequest): PlannedReply {
  if (plan.action === 'answer') {
    const payloadXml = answerPayload(runtime, remembered, 'answer', context, () => runtime.options.simulator.answer(context, plan.subject));
    return signedAnswer(runtime, payloadXml, plan);
  }
  return replyForFault(runtime, plan, plan.action, context, remembered);
}

function replyForFault(runtime: AgencyRuntime, plan: CallPlan, action: TerminalFault, context: AnswerContext, remembered: RememberedRequest | undefined): PlannedReply {
  const { simulator, smevVersion } = runtime.options;
  switch (action.type) {
    case 'rejected':
      return signedFault(runtime, buildRequestRejectedFault({ code: action.code, description: action.description ?? REJECTION_TEXT[action.code] }));
    case 'not-ready': {
      const { notReadyAnswer } = simulator;
      if (notReadyAnswer) return signedAnswer(runtime, answerPayload(runtime, remembered, 'not-ready', context, () => notReadyAnswer(context)), plan);
      return signedFault(runtime, buildRequestStatusFault({ description: 'The answer is being prepared; ask again later' }));
    }
    case 'soap-fault': {
      const spec = SMEV_FAULTS[action.fault];
      const xml = buildSmevFault({ version: smevVersion, fault: action.fault, description: action.description ?? spec.meaning });
      return { reply: httpReply(spec.soapFaultCode === 'Client' ? 400 : 500, SOAP11_CONTENT_TYPE, xml), response: xml };
    }
    case 'http-status':
    case 'maintenance': {
      const failure = httpFailureFor(action);
      if (!failure) throw new KitError('ERR_INTERNAL', `no HTTP shape for ${action.type}`);
      const { 'content-type': contentType = 'text/plain; charset=utf-8', ...rest } = failure.headers;
      return { reply: httpReply(failure.status, contentType, failure.body, rest), response: failure.body };
    }
    case 'connection-reset':
      return { reply: { kind: 'reset' }, response: undefined };
    case 'timeout':
      return { reply: { kind: 'hang', holdMs: action.holdMs }, response: undefined };
  }
}

/**
 * The agency's answer payload, checked against the XSD when validateAnswers is on; remembered per request payload,
 * kind, engine generation and day when the request is remembered, so a repeated call neither writes nor checks it.
 */
function answerPayload(runtime: AgencyRuntime, remembered: RememberedRequest | undefined, kind: string, context: AnswerContext, write: () => string): string {
  const { memo } = runtime;
  const day = dayOf(context.now);
  if (memo === undefined || remembered === undefined || Number.isNaN(day)) return checkedAnswer(runtime, write());
  const key = `${kind}\u0000${runtime.options.engine.generation}\u0000${day}\u0000${remembered.serial}`;
  const known = memo.answers.get(key);
  if (known !== undefined) return known;
  const payloadXml = checkedAnswer(runtime, write());
  memo.answers.set(key, payloadXml, 2 * (key.length + payloadXml.length));
  return payloadXml;
}

function checkedAnswer(runtime: AgencyRuntime, payloadXml: string): string {
  const { validateAnswers, simulator } = runtime.options;
  if (validateAnswers) {
    const result = runtime.validator.validate(payloadXml);
    if (!result.valid) {
      // The simulator broke its own contract: a bug to see at once, not an answer to hand to a client.
      throw new KitError('ERR_INTERNAL', `${simulator.agency} simulator produced an answer its XSD rejects: ${result.errors.map((e) => e.message).join('; ')}`);
    }
  }
  return payloadXml;
}

function signedAnswer(runtime: AgencyRuntime, payloadXml: string, plan: CallPlan): PlannedReply {
  const xml = answerEnvelope(runtime, payloadXml);
  const bytes = Buffer.from(xml, 'utf8');
  if (plan.behaviors.length === 0) {
    // The common case: one chunk, and the journal keeps the string it already has instead of decoding a copy.
    return { reply: { kind: 'http', status: 200, headers: { 'content-type': SOAP11_CONTENT_TYPE, 'content-length': String(bytes.byteLength) }, chunks: [{ delayBeforeMs: 0, bytes }] }, response: xml };
  }
  const chunks = applyBehaviors(bytes, plan.behaviors);
  const length = chunks.reduce((sum, chunk) => sum + chunk.bytes.byteLength, 0);
  const sent = Buffer.concat(chunks.map((chunk) => chunk.bytes));
  return {
    reply: { kind: 'http', status: 200, headers: { 'content-type': SOAP11_CONTENT_TYPE, 'content-length': String(length) }, chunks },
    response: sent,
  };
}

/** RequestRejected / RequestStatus are answers of the agency, so they are signed like a payload. */
function signedFault(runtime: AgencyRuntime, xml: string): PlannedReply {
  const { signAnswers, signing } = runtime.options;
  const signed = signAnswers ? signDirectEnvelope(xml, { side: 'agency', referenceId: AGENCY_ANSWER_ID, signing }) : xml;
  return { reply: httpReply(500, SOAP11_CONTENT_TYPE, signed), response: signed };
}
