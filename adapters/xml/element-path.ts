import { childElements, isElement } from '../../core/xml/index.ts';

/**
 * `Root/Payments/Payment[2]/Amount`: where in the payload a problem is, in the terms of the contract (local
 * names; an index only where the element repeats), so an operator can find it in the logged XML.
 */
export function elementPath(element: Element): string {
  const steps: string[] = [];
  for (let node: Node | null = element; node && isElement(node); node = node.parentNode) {
    const el: Element = node;
    const parent = el.parentNode;
    const same = parent && isElement(parent)
      ? childElements(parent).filter((s) => s.localName === el.localName && s.namespaceURI === el.namespaceURI)
      : [el];
    steps.push(same.length > 1 ? `${el.localName}[${same.indexOf(el) + 1}]` : (el.localName ?? el.nodeName));
  }
  return steps.reverse().join('/');
}

/** The path of a child that is not there (yet): the parent's path plus the expected name. */
export function childPath(parent: Element, localName: string): string {
  return `${elementPath(parent)}/${localName}`;
}
