/** Attribute selection and ordering for the SMEV transform (notes §2.2 steps 4 and 7). */

export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export interface SourceAttribute {
  /** '' for an unqualified attribute. */
  readonly uri: string;
  readonly localName: string;
  /** The name as written in the source, for error messages only. */
  readonly sourceName: string;
  readonly value: string;
}

/**
 * The element's attributes minus its namespace declarations (the transform writes only the declarations it
 * generates), in the reference order: qualified ones first by namespace URI then local name, then unqualified
 * ones by local name. Both compare UTF-16 code units like Java's `String.compareTo`, which is what `<` on JS
 * strings does; `localeCompare` would not.
 */
export function sortedAttributes(element: Element): SourceAttribute[] {
  const list = element.attributes;
  const out: SourceAttribute[] = [];
  for (let i = 0; i < list.length; i++) {
    const attr = list.item(i);
    if (!attr || isNamespaceDeclaration(attr)) continue;
    out.push({
      uri: attr.namespaceURI ?? '',
      localName: attr.localName ?? attr.name,
      sourceName: attr.name,
      value: attr.value,
    });
  }
  if (out.length > 1) out.sort(compareAttributes);
  return out;
}

function isNamespaceDeclaration(attr: Attr): boolean {
  return attr.namespaceURI === XMLNS_NAMESPACE || attr.prefix === 'xmlns' || attr.name === 'xmlns';
}

function compareAttributes(a: SourceAttribute, b: SourceAttribute): number {
  const aQualified = a.uri !== '';
  const bQualified = b.uri !== '';
  if (aQualified !== bQualified) return aQualified ? -1 : 1;
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  if (a.localName === b.localName) return 0;
  return a.localName < b.localName ? -1 : 1;
}
