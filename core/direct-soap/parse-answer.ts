/**
 * What a caller reads out of a direct-mode answer: the agency's answer (business payload, RequestRejected,
 * RequestStatus — each with the element its signature must cover) or a fault that is not an agency answer
 * (the caller's request failed the schema, or an exchange-style SMEV fault). Signatures are checked separately
 * (verifyDirectEnvelope), so this parser never decides trust; it only reads.
 */
import { isRejectionCode, type AgencyAnswer } from '../adapter/index.ts';
import { KitError } from '../errors/index.ts';
import { parseSmevEnvelope, type SmevFaultSpec } from '../smev/envelope/index.ts';
import { childElements, firstChildNamed, textOf } from './dom-helpers.ts';
import type { ContentProblem } from './build-faults.ts';
import { readDirectEnvelope } from './read-envelope.ts';
import { hasDirectSignature } from './sign-envelope.ts';
import { KIT_DIRECT_NS, KIT_FAULTS, SOAP_ENV_NS } from './wire-names.ts';
import { serializeElement } from './xml-text.ts';

/** A fault that is not an answer of the agency about the subject. */
export type DirectFault =
  | { readonly kind: 'invalid-content'; readonly problems: readonly ContentProblem[]; readonly faultstring: string }
  | {
      readonly kind: 'smev';
      readonly name: string;
      readonly spec: SmevFaultSpec | undefined;
      /** From the fault catalogue; unknown SMEV faults are not retryable. */
      readonly retryable: boolean;
      readonly description: string | undefined;
      readonly faultstring: string;
    }
  | { readonly kind: 'soap'; readonly faultcode: string; readonly faultstring: string };

export type DirectAnswer =
  | {
      readonly kind: 'answer';
      readonly answer: AgencyAnswer;
      /** The element the agency's signature must cover (payload root or fault detail element). */
      readonly answerElement: Element;
      readonly document: Document;
      readonly messageId: string | undefined;
      /** True when the Header carries kit:AgencySignature; verify before using the answer. */
      readonly signed: boolean;
      /** RequestStatus only: when to ask again. */
      readonly retryAfterMs?: number;
    }
  | { readonly kind: 'fault'; readonly fault: DirectFault; readonly document: Document; readonly messageId: string | undefined };

/** Throws KitError (ERR_XML_*, ERR_ENVELOPE_*) for bytes that are not a well-formed direct-mode answer. */
export function parseDirectAnswer(bytes: Uint8Array | string, contentType = 'text/xml'): DirectAnswer {
  const parts = readDirectEnvelope(bytes, contentType);
  const { document, bodyElement, messageId } = parts;
  const signed = hasDirectSignature(document, 'agency');
  const isFault = bodyElement.namespaceURI === SOAP_ENV_NS && bodyElement.localName === 'Fault';
  if (!isFault) {
    if (bodyElement.namespaceURI === SOAP_ENV_NS || !bodyElement.namespaceURI) {
      throw new KitError('ERR_ENVELOPE_INVALID', `soap:Body holds <${bodyElement.localName}>, not a contract payload`, { path: 'Body' });
    }
    const answer: AgencyAnswer = {
      kind: 'business',
      xml: serializeElement(bodyElement),
      root: { namespaceUri: bodyElement.namespaceURI, localName: bodyElement.localName },
    };
    return { kind: 'answer', answer, answerElement: bodyElement, document, messageId, signed };
  }
  const detail = childElements(bodyElement).find((el) => el.localName === 'detail' && (!el.namespaceURI || el.namespaceURI === SOAP_ENV_NS));
  const kit = detail ? childElements(detail).find((el) => el.namespaceURI === KIT_DIRECT_NS) : undefined;
  if (kit?.localName === KIT_FAULTS.rejected) {
    const code = required(kit, 'Code');
    if (!isRejectionCode(code)) throw new KitError('ERR_ENVELOPE_INVALID', `"${code}" is not a RequestRejected code`, { path: 'detail/RequestRejected/Code' });
    const answer: AgencyAnswer = { kind: 'rejected', code, description: optional(kit, 'Description') ?? '' };
    return { kind: 'answer', answer, answerElement: kit, document, messageId, signed };
  }
  if (kit?.localName === KIT_FAULTS.status) return readStatus(kit, document, messageId, signed);
  if (kit?.localName === KIT_FAULTS.invalidContent) {
    const problems = childElements(kit)
      .filter((el) => el.namespaceURI === KIT_DIRECT_NS && el.localName === 'ValidationError')
      .map((el): ContentProblem => {
        const line = Number(el.getAttribute('line'));
        return { message: textOf(el).trim(), ...(Number.isInteger(line) && line > 0 ? { line } : {}) };
      });
    return { kind: 'fault', fault: { kind: 'invalid-content', problems, faultstring: faultstringOf(bodyElement) }, document, messageId };
  }
  const parsed = parseSmevEnvelope(document);
  if (parsed.operation !== 'Fault') throw new KitError('ERR_ENVELOPE_INVALID', 'soap:Fault could not be read');
  const fault: DirectFault = parsed.fault
    ? {
        kind: 'smev',
        name: parsed.fault.name,
        spec: parsed.fault.spec,
        retryable: parsed.fault.spec?.retryable ?? false,
        description: parsed.fault.description,
        faultstring: parsed.faultstring,
      }
    : { kind: 'soap', faultcode: parsed.faultcode, faultstring: parsed.faultstring };
  return { kind: 'fault', fault, document, messageId };
}

function readStatus(kit: Element, document: Document, messageId: string | undefined, signed: boolean): DirectAnswer {
  const codeText = required(kit, 'StatusCode');
  if (!/^-?\d+$/.test(codeText)) throw new KitError('ERR_ENVELOPE_INVALID', `StatusCode "${codeText}" is not an integer`, { path: 'detail/RequestStatus/StatusCode' });
  const retryText = optional(kit, 'RetryAfterMs');
  if (retryText !== undefined && !/^\d+$/.test(retryText)) {
    throw new KitError('ERR_ENVELOPE_INVALID', `RetryAfterMs "${retryText}" is not a non-negative integer`, { path: 'detail/RequestStatus/RetryAfterMs' });
  }
  const answer: AgencyAnswer = { kind: 'status', code: Number(codeText), description: optional(kit, 'StatusDescription') ?? '', parameters: {} };
  return {
    kind: 'answer',
    answer,
    answerElement: kit,
    document,
    messageId,
    signed,
    ...(retryText === undefined ? {} : { retryAfterMs: Number(retryText) }),
  };
}

function optional(parent: Element, local: string): string | undefined {
  const el = firstChildNamed(parent, KIT_DIRECT_NS, local);
  return el ? textOf(el).trim() : undefined;
}

function required(parent: Element, local: string): string {
  const value = optional(parent, local);
  if (value === undefined || value === '') {
    throw new KitError('ERR_ENVELOPE_INVALID', `kit:${parent.localName} has no kit:${local}`, { path: `detail/${parent.localName}/${local}` });
  }
  return value;
}

function faultstringOf(fault: Element): string {
  const el = childElements(fault).find((c) => c.localName === 'faultstring');
  return el ? textOf(el).trim() : '';
}
