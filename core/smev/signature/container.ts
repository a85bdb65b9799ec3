/** Where the signature goes: a wrapper element (CallerInformationSystemSignature …) that is a sibling of the signed element. */
import { KitError } from '../../errors/index.ts';
import { childElements, isElement, isNamed } from '../../xml/index.ts';
import { XMLNS_NS } from './algorithms.ts';
import { isInside } from './id-lookup.ts';

export interface ContainerSpec {
  readonly namespaceUri: string;
  readonly localName: string;
  /** Default true: a new wrapper goes right after the signed element; false: it is appended to the parent. */
  readonly insertAfterId?: boolean;
}

export type ContainerChoice = ContainerSpec | ((doc: Document, signed: Element) => Element);

export function resolveContainer(doc: Document, signed: Element, choice: ContainerChoice): Element {
  const container = typeof choice === 'function' ? choice(doc, signed) : siblingContainer(doc, signed, choice);
  // Inside the signed element the signature would be part of what it signs: no detached digest could hold.
  if (isInside(container, signed)) {
    throw new KitError('ERR_VALIDATION', 'The signature container must not be inside the signed element');
  }
  if (container.ownerDocument !== doc) throw new KitError('ERR_VALIDATION', 'The signature container belongs to another document');
  return container;
}

function siblingContainer(doc: Document, signed: Element, spec: ContainerSpec): Element {
  const parent = signed.parentNode;
  if (!isElement(parent)) throw new KitError('ERR_VALIDATION', 'The signed element is the document root; it has no sibling to hold a signature');
  const existing = childElements(parent).find((el) => el !== signed && isNamed(el, spec.namespaceUri, spec.localName));
  if (existing) return existing;
  const container = createInScope(doc, parent, spec.namespaceUri, spec.localName);
  if (spec.insertAfterId ?? true) parent.insertBefore(container, signed.nextSibling);
  else parent.appendChild(container);
  return container;
}

/** An element named with the prefix already bound to its namespace where it will live, or a default-namespace one. */
export function createInScope(doc: Document, parent: Element, namespaceUri: string, localName: string): Element {
  const prefix = parent.namespaceURI === namespaceUri && parent.prefix ? parent.prefix : parent.lookupPrefix(namespaceUri);
  if (prefix) return doc.createElementNS(namespaceUri, `${prefix}:${localName}`);
  const element = doc.createElementNS(namespaceUri, localName);
  if (parent.lookupNamespaceURI(null) !== namespaceUri) element.setAttributeNS(XMLNS_NS, 'xmlns', namespaceUri);
  return element;
}
