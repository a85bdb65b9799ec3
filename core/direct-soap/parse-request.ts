/** What an agency (the simulator runtime) reads out of a direct-mode request. */
import { KitError } from '../errors/index.ts';
import { SOAP_ENV_NS } from './wire-names.ts';
import { readDirectEnvelope } from './read-envelope.ts';
import { hasDirectSignature } from './sign-envelope.ts';
import { serializeElement } from './xml-text.ts';

export interface DirectRequest {
  readonly document: Document;
  /** The contract payload root in soap:Body. */
  readonly payload: Element;
  /** The payload serialized on its own (with the namespace declarations it needs), ready for XSD validation. */
  readonly payloadXml: string;
  readonly root: { readonly namespace: string; readonly localName: string };
  readonly messageId: string | undefined;
  /** True when the Header carries kit:CallerSignature (verify with verifyDirectEnvelope). */
  readonly signed: boolean;
}

export function parseDirectRequest(bytes: Uint8Array | string, contentType?: string): DirectRequest {
  const parts = readDirectEnvelope(bytes, contentType);
  const payload = parts.bodyElement;
  if (payload.namespaceURI === SOAP_ENV_NS) {
    throw new KitError('ERR_ENVELOPE_INVALID', `soap:Body holds soap:${payload.localName}, not a request payload`, { path: 'Body' });
  }
  return {
    document: parts.document,
    payload,
    payloadXml: serializeElement(payload),
    root: { namespace: payload.namespaceURI ?? '', localName: payload.localName },
    messageId: parts.messageId,
    signed: hasDirectSignature(parts.document, 'caller'),
  };
}
