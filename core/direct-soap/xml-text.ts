/** Small string helpers for writing the direct-mode envelopes; payloads are embedded after a safe parse. */
import { XMLSerializer } from '@xmldom/xmldom';
import { KitError } from '../errors/index.ts';
import { parseXml } from '../xml/index.ts';

export { escapeAttribute, escapeText } from '../smev/envelope/index.ts';

const serializer = new XMLSerializer();

/** Serializes one element with the namespace declarations it needs, whatever its ancestors declared. */
export function serializeElement(element: Element): string {
  return serializer.serializeToString(element);
}

export function serializeDocument(document: Document): string {
  return serializer.serializeToString(document);
}

/**
 * The payload as a single element with attribute `Id` set: parsed (so a fragment that is not one well-formed
 * element cannot break the envelope around it), stamped, written back without an XML declaration.
 */
export function payloadWithId(payloadXml: string, id: string): string {
  const root = parseXml(payloadXml).documentElement;
  if (!root) throw new KitError('ERR_XML_MALFORMED', 'The payload has no root element');
  requireQualifiedPayload(root).setAttribute('Id', id);
  return serializeElement(root);
}

/** The SMEV transform cannot write an unqualified element, so such a payload could never be signed. */
export function requireQualifiedPayload(root: Element): Element {
  if (!root.namespaceURI) throw new KitError('ERR_TRANSFORM_UNQUALIFIED_ELEMENT', `The payload root <${root.localName}> has no namespace`);
  return root;
}
