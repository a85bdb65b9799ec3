import { KitError } from '../../core/errors/index.ts';

/**
 * A tiny writer for request payloads: elements in one default namespace, escaped text, no whitespace between
 * elements (the payload is signed, and insignificant whitespace only adds bytes). Optional fields are passed as
 * undefined and simply left out, which keeps the builders reading like the XSD sequence they follow.
 */

/** A fragment of already-written XML; only this module creates them, so text can never be mistaken for markup. */
export interface XmlFragment {
  readonly xml: string;
}

// XML 1.0 forbids these code points even when escaped; a query carrying one cannot be expressed at all.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeXmlText(text: string): string {
  if (FORBIDDEN_CHARS.test(text)) {
    throw new KitError('ERR_VALIDATION', 'The query holds a control character that XML cannot carry', { text });
  }
  // `>` is escaped too so "]]>" can never appear; `\r` as a reference so the receiver's parser keeps it.
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** `<name>text</name>`, or nothing when the value is undefined. */
export function textElement(name: string, value: string | undefined): XmlFragment | undefined {
  if (value === undefined) return undefined;
  return { xml: `<${name}>${escapeXmlText(value)}</${name}>` };
}

/** `<name>children</name>`; undefined children are skipped. */
export function groupElement(name: string, children: readonly (XmlFragment | undefined)[]): XmlFragment {
  return { xml: `<${name}>${join(children)}</${name}>` };
}

/** The payload root, declaring the contract namespace as the default so every child is qualified by it. */
export function payloadRoot(namespaceUri: string, name: string, children: readonly (XmlFragment | undefined)[]): string {
  return `<${name} xmlns="${escapeXmlText(namespaceUri).replace(/"/g, '&quot;')}">${join(children)}</${name}>`;
}

function join(children: readonly (XmlFragment | undefined)[]): string {
  let xml = '';
  for (const child of children) if (child) xml += child.xml;
  return xml;
}
