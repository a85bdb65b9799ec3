/**
 * The small string writer the builders share: escaping, elements with fixed prefixes, and embedding of
 * caller-supplied XML fragments after checking that they are what they claim to be.
 */
import { XMLSerializer } from '@xmldom/xmldom';
import { KitError, isKitError } from '../../errors/index.ts';
import { parseXml } from '../../xml/index.ts';
import { SOAP_ENV_NS, smevNamespaces, type SmevVersion } from './namespaces.ts';
import type { DateTimeInput } from './model.ts';

// Characters XML 1.0 cannot carry at all, even escaped; writing them would produce an envelope nobody can parse.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function assertXmlChars(value: string, where: string): void {
  if (ILLEGAL_XML_CHARS.test(value)) {
    throw new KitError('ERR_ENVELOPE_INVALID', `${where} contains a character XML 1.0 cannot represent`, { path: where });
  }
}

export function escapeText(value: string, where = 'text'): string {
  assertXmlChars(value, where);
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttribute(value: string, where = 'attribute'): string {
  assertXmlChars(value, where);
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export type Attributes = Readonly<Record<string, string | undefined>>;
/** Children are already-written XML; undefined/false/'' entries are skipped so optional parts read naturally. */
export type Child = string | undefined | false;

export function element(qname: string, attributes: Attributes, children: readonly Child[]): string {
  let open = `<${qname}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) open += ` ${name}="${escapeAttribute(value, `${qname}/@${name}`)}"`;
  }
  const body = children.filter((c): c is string => typeof c === 'string' && c !== '').join('');
  return body === '' ? `${open}/>` : `${open}>${body}</${qname}>`;
}

/** A text-only element; undefined value means "leave the element out". */
export function leaf(qname: string, value: string | number | undefined, attributes: Attributes = {}): string | undefined {
  if (value === undefined) return undefined;
  return element(qname, attributes, [escapeText(String(value), qname)]);
}

export function formatDateTime(value: DateTimeInput): string {
  if (typeof value === 'string') return value;
  if (Number.isNaN(value.getTime())) throw new KitError('ERR_ENVELOPE_INVALID', 'A timestamp is an invalid Date');
  return value.toISOString();
}

/** Prefixes used in everything we write; parsers never rely on them. */
export const PREFIX = Object.freeze({ soap: 'soap', types: 't', basic: 'b', faults: 'f', xsi: 'xsi', routing: 'rout' });

export const T = (local: string): string => `${PREFIX.types}:${local}`;
export const B = (local: string): string => `${PREFIX.basic}:${local}`;

/** xmlns declarations for the operation element. */
export function operationNamespaces(version: SmevVersion): Attributes {
  const ns = smevNamespaces(version);
  return { [`xmlns:${PREFIX.types}`]: ns.types, [`xmlns:${PREFIX.basic}`]: ns.basic };
}

/** The SOAP 1.1 envelope around one body element; the Header is always present and empty. */
export function soapEnvelope(bodyContent: string): string {
  const s = PREFIX.soap;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<${s}:Envelope xmlns:${s}="${SOAP_ENV_NS}"><${s}:Header/><${s}:Body>${bodyContent}</${s}:Body></${s}:Envelope>`
  );
}

export interface FragmentExpectation {
  /** Required namespace of the root element; `true` means "any non-empty namespace". */
  readonly namespaceUri?: string | true;
  readonly localName?: string;
}

/**
 * Parses a caller-supplied element, checks its root name, and returns it re-serialized without prolog, so whatever
 * we embed is exactly one well-formed, self-contained element.
 */
export function embedFragment(xml: string, where: string, expect: FragmentExpectation): string {
  let root: Element;
  try {
    root = parseXml(xml).documentElement;
  } catch (cause) {
    const reason = isKitError(cause) ? cause.message : String(cause);
    throw new KitError('ERR_ENVELOPE_INVALID', `${where} is not a well-formed XML element: ${reason}`, { path: where }, { cause });
  }
  const ns = root.namespaceURI ?? '';
  if (expect.namespaceUri === true && ns === '') {
    throw new KitError('ERR_ENVELOPE_INVALID', `${where} must be a namespaced element; <${root.localName}> has no namespace`, { path: where });
  }
  if (typeof expect.namespaceUri === 'string' && ns !== expect.namespaceUri) {
    throw new KitError('ERR_ENVELOPE_INVALID', `${where} must be in namespace ${expect.namespaceUri}, got {${ns}}${root.localName}`, { path: where });
  }
  if (expect.localName !== undefined && root.localName !== expect.localName) {
    throw new KitError('ERR_ENVELOPE_INVALID', `${where} must be a <${expect.localName}> element, got <${root.localName}>`, { path: where });
  }
  return new XMLSerializer().serializeToString(root);
}
