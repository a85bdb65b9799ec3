/**
 * Writers of the direct-mode envelopes: SOAP 1.1, document/literal, the contract payload alone in soap:Body with
 * attribute Id, a kit:MessageID in soap:Header, and room in the Header for the detached signature (sign-envelope.ts).
 */
import type { ContractOperation } from '../contracts/index.ts';
import { generateMessageId } from '../smev/envelope/index.ts';
import { AGENCY_ANSWER_ID, CALLER_REQUEST_ID, KIT_DIRECT_NS, KIT_PREFIX, MESSAGE_ID_ELEMENT, SOAP_ENV_NS } from './wire-names.ts';
import { escapeText, payloadWithId } from './xml-text.ts';

/** The envelope around one Body element; the Header carries the message id. */
export function directEnvelope(messageId: string, bodyContent: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<soap:Envelope xmlns:soap="${SOAP_ENV_NS}" xmlns:${KIT_PREFIX}="${KIT_DIRECT_NS}">` +
    `<soap:Header><${KIT_PREFIX}:${MESSAGE_ID_ELEMENT}>${escapeText(messageId)}</${KIT_PREFIX}:${MESSAGE_ID_ELEMENT}></soap:Header>` +
    `<soap:Body>${bodyContent}</soap:Body></soap:Envelope>`
  );
}

export interface DirectMessageInput {
  /** The contract payload (request or response root element, in the contract's namespace). */
  readonly payloadXml: string;
  /** Defaults to a fresh v1 UUID. */
  readonly messageId?: string;
  /** Defaults to CALLER_REQUEST for requests and AGENCY_ANSWER for answers. */
  readonly referenceId?: string;
}

export interface DirectMessage {
  readonly xml: string;
  readonly messageId: string;
  readonly referenceId: string;
}

export function buildDirectRequest(input: DirectMessageInput): DirectMessage {
  return build(input, CALLER_REQUEST_ID);
}

export function buildDirectAnswer(input: DirectMessageInput): DirectMessage {
  return build(input, AGENCY_ANSWER_ID);
}

function build(input: DirectMessageInput, defaultId: string): DirectMessage {
  const messageId = input.messageId ?? generateMessageId();
  const referenceId = input.referenceId ?? defaultId;
  return { xml: directEnvelope(messageId, payloadWithId(input.payloadXml, referenceId)), messageId, referenceId };
}

/** The SOAPAction header value for an operation: quoted, as SOAP 1.1 wants it on the wire. */
export function soapActionHeader(operation: Pick<ContractOperation, 'soapAction'>): string {
  return `"${operation.soapAction}"`;
}
