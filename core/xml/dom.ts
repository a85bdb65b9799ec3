/** Small namespace-aware DOM helpers: match on namespace URI and local name, never on prefix. */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === ELEMENT_NODE;
}

export function childElements(parent: Node): Element[] {
  const out: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (isElement(child)) out.push(child);
  }
  return out;
}

export function isNamed(element: Element, namespaceUri: string | null, localName: string): boolean {
  return element.localName === localName && (element.namespaceURI ?? null) === namespaceUri;
}

export function firstChildNamed(parent: Node, namespaceUri: string | null, localName: string): Element | undefined {
  return childElements(parent).find((el) => isNamed(el, namespaceUri, localName));
}

export function childrenNamed(parent: Node, namespaceUri: string | null, localName: string): Element[] {
  return childElements(parent).filter((el) => isNamed(el, namespaceUri, localName));
}

/** Concatenated text of an element's direct text and CDATA children. */
export function textOf(element: Element): string {
  let text = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) text += child.nodeValue ?? '';
  }
  return text;
}

/** Every element in document order (iterative, so deep trees cannot overflow the stack). */
export function descendantElements(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    out.push(el);
    const kids = childElements(el);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
