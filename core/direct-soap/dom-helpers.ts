/** DOM helpers of core/xml, plus the containment test the signature checks need. */
export { childElements, firstChildNamed, isElement, textOf } from '../xml/index.ts';

/** True when `node` is `ancestor` or lies inside it. */
export function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | null = node; current !== null; current = current.parentNode) if (current === ancestor) return true;
  return false;
}
