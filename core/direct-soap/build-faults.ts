/**
 * The SMEV answer variants that are not business payloads, as SOAP 1.1 faults with a kit-namespace detail:
 * RequestRejected and RequestStatus are the agency's answers (their detail element carries Id AGENCY_ANSWER so
 * they can be signed like a payload); InvalidContent names every schema problem of the caller's request.
 */
import type { RejectionCode } from '../adapter/index.ts';
import { generateMessageId } from '../smev/envelope/index.ts';
import { directEnvelope } from './build-envelope.ts';
import { AGENCY_ANSWER_ID, KIT_FAULTS, KIT_PREFIX, NOT_READY_STATUS_CODE } from './wire-names.ts';
import { escapeAttribute, escapeText } from './xml-text.ts';

const k = (local: string): string => `${KIT_PREFIX}:${local}`;
const leaf = (local: string, value: string | number): string => `<${k(local)}>${escapeText(String(value))}</${k(local)}>`;

function faultEnvelope(input: { messageId: string; faultcode: 'Client' | 'Server'; faultstring: string; detail: string }): string {
  return directEnvelope(
    input.messageId,
    `<soap:Fault><faultcode>soap:${input.faultcode}</faultcode><faultstring>${escapeText(input.faultstring)}</faultstring>` +
      `<detail>${input.detail}</detail></soap:Fault>`,
  );
}

export interface RequestRejectedInput {
  readonly code: RejectionCode;
  readonly description: string;
  readonly messageId?: string;
}

export function buildRequestRejectedFault(input: RequestRejectedInput): string {
  const detail = `<${k(KIT_FAULTS.rejected)} Id="${AGENCY_ANSWER_ID}">${leaf('Code', input.code)}${leaf('Description', input.description)}</${k(KIT_FAULTS.rejected)}>`;
  return faultEnvelope({
    messageId: input.messageId ?? generateMessageId(),
    faultcode: input.code === 'UNKNOWN_REQUEST_DESCRIPTION' ? 'Client' : 'Server',
    faultstring: `Request rejected (${input.code}): ${input.description}`,
    detail,
  });
}

export interface RequestStatusInput {
  /** Defaults to NOT_READY_STATUS_CODE. */
  readonly statusCode?: number;
  readonly description: string;
  /** When the caller should ask again. */
  readonly retryAfterMs?: number;
  readonly messageId?: string;
}

export function buildRequestStatusFault(input: RequestStatusInput): string {
  const statusCode = input.statusCode ?? NOT_READY_STATUS_CODE;
  const retry = input.retryAfterMs === undefined ? '' : leaf('RetryAfterMs', Math.max(0, Math.round(input.retryAfterMs)));
  const detail = `<${k(KIT_FAULTS.status)} Id="${AGENCY_ANSWER_ID}">${leaf('StatusCode', statusCode)}${leaf('StatusDescription', input.description)}${retry}</${k(KIT_FAULTS.status)}>`;
  return faultEnvelope({
    messageId: input.messageId ?? generateMessageId(),
    faultcode: 'Server',
    faultstring: `Not ready yet (${statusCode}): ${input.description}`,
    detail,
  });
}

export interface ContentProblem {
  readonly message: string;
  /** 1-based line in the payload, when the validator knows it. */
  readonly line?: number;
}

export interface InvalidContentInput {
  readonly problems: readonly ContentProblem[];
  /** Defaults to the problems joined. */
  readonly faultstring?: string;
  readonly messageId?: string;
}

export function buildInvalidContentFault(input: InvalidContentInput): string {
  const problems = input.problems.length > 0 ? input.problems : [{ message: 'The request does not satisfy the contract' }];
  const errors = problems
    .map((p) => `<${k('ValidationError')}${p.line === undefined ? '' : ` line="${escapeAttribute(String(p.line))}"`}>${escapeText(p.message)}</${k('ValidationError')}>`)
    .join('');
  return faultEnvelope({
    messageId: input.messageId ?? generateMessageId(),
    faultcode: 'Client',
    faultstring: input.faultstring ?? `Invalid content: ${problems.map((p) => p.message).join('; ')}`,
    detail: `<${k(KIT_FAULTS.invalidContent)}>${errors}</${k(KIT_FAULTS.invalidContent)}>`,
  });
}
