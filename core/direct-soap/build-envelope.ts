/**
 * Writers of the direct-mode envelopes: SOAP 1.1, document/literal, the contract payload alone in soap:Body with
 * attribute Id, a kit:MessageID in soap:Header, and room in the Header for the detached signature (sign-envelope.ts).
 */
import type { ContractOperation } from '../contracts/index.ts';
import { generateMessageId } from '../smev/envelope/index.ts';
import { KitError } from '../errors/index.ts';
import { parseXml } from '../xml/index.ts';
import { childElements, firstChildNamed } from './dom-helpers.ts';
import { signDirectDocument, type DirectSigning } from './sign-envelope.ts';
import { AGENCY_ANSWER_ID, CALLER_REQUEST_ID, KIT_DIRECT_NS, KIT_PREFIX, MESSAGE_ID_ELEMENT, SOAP_ENV_NS, type SignatureSide } from './wire-names.ts';
import { escapeText, payloadWithId, requireQualifiedPayload } from './xml-text.ts';

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

/** A request signed by the caller: built and signed on one parsed document (see buildSigned). */
export function buildSignedDirectRequest(input: DirectMessageInput, signing: DirectSigning): DirectMessage {
  return buildSigned(input, CALLER_REQUEST_ID, 'caller', signing);
}

/** An answer signed by the agency, the same way. */
export function buildSignedDirectAnswer(input: DirectMessageInput, signing: DirectSigning): DirectMessage {
  return buildSigned(input, AGENCY_ANSWER_ID, 'agency', signing);
}

/**
 * The same bytes as build() then signDirectEnvelope(), with one parse and one serialization instead of two each
 * (the unsigned path parses the payload to stamp its Id, the signer parsed the whole envelope again): the payload
 * goes into the envelope text as it is, the envelope is parsed once (so a payload that is not well-formed fails
 * here, as before), and the Body must then hold exactly one element, the payload, which gets its Id and is signed.
 */
function buildSigned(input: DirectMessageInput, defaultId: string, side: SignatureSide, signing: DirectSigning): DirectMessage {
  const messageId = input.messageId ?? generateMessageId();
  const referenceId = input.referenceId ?? defaultId;
  const payload = input.payloadXml.replace(XML_DECLARATION, '');
  const document = parseXml(directEnvelope(messageId, payload));
  const body = firstChildNamed(document.documentElement, SOAP_ENV_NS, 'Body');
  const elements = body === undefined ? [] : childElements(body);
  // Header and Body and nothing else: a payload that closes the Body early cannot add a second one.
  if (body === undefined || elements.length !== 1 || childElements(document.documentElement).length !== 2) {
    throw new KitError('ERR_XML_MALFORMED', "The payload must be exactly one element, with nothing after it");
  }
  const root = requireQualifiedPayload(elements[0]!);
  // What the serializing path leaves out: comments, PIs and whitespace around the payload's root.
  for (const node of Array.from(body.childNodes)) if (node !== root) body.removeChild(node);
  root.setAttribute('Id', referenceId);
  return { xml: signDirectDocument(document, { side, referenceId, signing }), messageId, referenceId };
}

const XML_DECLARATION = /^\s*<\?xml\s[^?]*\?>/;

/** The SOAPAction header value for an operation: quoted, as SOAP 1.1 wants it on the wire. */
export function soapActionHeader(operation: Pick<ContractOperation, 'soapAction'>): string {
  return `"${operation.soapAction}"`;
}
