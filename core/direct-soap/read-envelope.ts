/** The parts of a direct-mode envelope both parsers need: the SOAP 1.1 frame, its one Body element, the message id. */
import { KitError } from '../errors/index.ts';
import { extractSoapPart } from '../smev/envelope/index.ts';
import { parseXml } from '../xml/index.ts';
import { childElements, firstChildNamed, textOf } from './dom-helpers.ts';
import { KIT_DIRECT_NS, MESSAGE_ID_ELEMENT, SOAP_ENV_NS } from './wire-names.ts';

export interface DirectEnvelopeParts {
  readonly document: Document;
  readonly header: Element | undefined;
  /** The single element of soap:Body. */
  readonly bodyElement: Element;
  /** kit:MessageID from the Header, when present. */
  readonly messageId: string | undefined;
}

const SOAP12_ENV_NS = 'http://www.w3.org/2003/05/soap-envelope';

/**
 * Parses bytes (plain or multipart/related with the envelope as root part) safely and checks the SOAP frame.
 * Throws ERR_XML_* for bad XML, ERR_ENVELOPE_NOT_SOAP for another document, ERR_ENVELOPE_INVALID for a Body
 * that does not hold exactly one element.
 */
export function readDirectEnvelope(bytes: Uint8Array | string, contentType = 'text/xml'): DirectEnvelopeParts {
  const xml = typeof bytes === 'string' ? bytes : extractSoapPart(bytes, contentType).xml;
  const document = parseXml(xml);
  const root = document.documentElement;
  if (!root || root.localName !== 'Envelope' || root.namespaceURI !== SOAP_ENV_NS) {
    const hint = root?.namespaceURI === SOAP12_ENV_NS ? ' (this is SOAP 1.2; the direct mode speaks SOAP 1.1)' : '';
    throw new KitError('ERR_ENVELOPE_NOT_SOAP', `Root element is {${root?.namespaceURI ?? ''}}${root?.localName ?? ''}, not a SOAP 1.1 Envelope${hint}`);
  }
  const body = firstChildNamed(root, SOAP_ENV_NS, 'Body');
  if (!body) throw new KitError('ERR_ENVELOPE_NOT_SOAP', 'SOAP Envelope has no Body');
  const elements = childElements(body);
  const [bodyElement] = elements;
  if (elements.length !== 1 || !bodyElement) {
    throw new KitError('ERR_ENVELOPE_INVALID', `soap:Body must hold exactly one element, it holds ${elements.length}`, { path: 'Body' });
  }
  const header = firstChildNamed(root, SOAP_ENV_NS, 'Header');
  const idElement = header ? firstChildNamed(header, KIT_DIRECT_NS, MESSAGE_ID_ELEMENT) : undefined;
  const messageId = idElement ? textOf(idElement).trim() || undefined : undefined;
  return { document, header, bodyElement, messageId };
}
