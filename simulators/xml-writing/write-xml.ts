/**
 * @module simulators/xml-writing/write-xml
 * The tiny string writer every mock agency uses for its answer payloads. Payloads are small, flat and written
 * in one namespace (the contract's, declared once as the default namespace on the root: every schema is
 * elementFormDefault="qualified", so unprefixed children are in it), which is why a DOM and a serializer would
 * be overkill. Escaping lives here, once, so no agency can forget it.
 */
import { KitError } from '../../core/errors/index.ts';

/** Already-written XML; undefined/false entries are skipped so optional elements read naturally. */
export type XmlChild = string | undefined | false | readonly XmlChild[];

// Characters XML 1.0 cannot carry even escaped: writing them would produce an answer no client can parse.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ELEMENT_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function escapeXmlText(value: string, where: string): string {
  if (ILLEGAL_XML_CHARS.test(value)) {
    // Persona text is configuration: name the field so the fixture author can find it.
    throw new KitError('ERR_CONFIG_INVALID', `${where} contains a character XML 1.0 cannot represent`, { path: where });
  }
  // '>' is escaped too so that "]]>" can never appear in text; '\r' as a reference so it survives parsing.
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeXmlAttribute(value: string, where: string): string {
  return escapeXmlText(value, where).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function assertName(name: string): void {
  // Element names come from code, never from data; a bad one is a programming error worth failing loudly on.
  if (!ELEMENT_NAME.test(name)) throw new KitError('ERR_INTERNAL', `"${name}" is not an element name this writer accepts`);
}

function flatten(children: readonly XmlChild[]): string {
  let out = '';
  for (const child of children) {
    if (child === undefined || child === false) continue;
    out += typeof child === 'string' ? child : flatten(child);
  }
  return out;
}

/** An element with element children; `<Name/>` when nothing is left after skipping. */
export function element(name: string, ...children: readonly XmlChild[]): string {
  assertName(name);
  const inner = flatten(children);
  return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

/** An element with text content, or nothing at all when the value is absent (an optional element left out). */
export function leaf(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  assertName(name);
  return `<${name}>${escapeXmlText(value, name)}</${name}>`;
}

/**
 * The payload root, declaring the contract namespace as the default namespace. No XML declaration: the payload
 * is embedded in a SOAP/SMEV envelope by the runtime.
 */
export function payloadRoot(name: string, namespace: string, ...children: readonly XmlChild[]): string {
  assertName(name);
  return `<${name} xmlns="${escapeXmlAttribute(namespace, `${name}/@xmlns`)}">${flatten(children)}</${name}>`;
}
