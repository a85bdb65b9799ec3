/**
 * Resolving `#Id` references. Only the unqualified `Id` attribute identifies a signable element (as in the
 * reference implementation), but an id value that appears on more than one element under ANY id-like attribute
 * (Id, ID, id, wsu:Id …) is refused: other tools resolve those differently, and the ambiguity is exactly what a
 * signature-wrapping attack needs.
 */
import { KitError } from '../../errors/index.ts';

const ID_LIKE = new Set(['Id', 'ID', 'id']);

export interface IdIndex {
  /** The one element carrying `Id="<id>"`; throws ERR_SIGNATURE_REFERENCE_NOT_FOUND or ERR_SIGNATURE_WRAPPING. */
  resolve(id: string): Element;
}

/** One walk over the document, shared by all signatures in it. */
export function indexIds(root: Element): IdIndex {
  return scanDocument(root).ids;
}

export interface DocumentScan {
  readonly ids: IdIndex;
  /** Every element named `localName` in `namespaceUri`, in document order (ds:Signature for the verifier). */
  readonly named: readonly Element[];
}

/**
 * The id index and the elements of one name, from a single walk in document order. The verifier needs both and
 * must not walk a large document twice; the index is built once per document, never per signature.
 */
export function scanDocument(root: Element, namespaceUri?: string, localName?: string): DocumentScan {
  const byValue = new Map<string, Array<{ element: Element; plainId: boolean }>>();
  const named: Element[] = [];
  let node: Node = root;
  for (;;) {
    if (node.nodeType === 1) {
      const element = node as Element;
      if (localName !== undefined && element.localName === localName && element.namespaceURI === namespaceUri) named.push(element);
      const attributes = element.attributes;
      for (let i = 0; i < attributes.length; i++) {
        const attribute = attributes.item(i)!;
        const attrLocalName = attribute.localName ?? attribute.name;
        if (!ID_LIKE.has(attrLocalName) || attribute.prefix === 'xmlns') continue;
        const entry = { element, plainId: attribute.name === 'Id' && !attribute.namespaceURI };
        const entries = byValue.get(attribute.value);
        if (entries) entries.push(entry);
        else byValue.set(attribute.value, [entry]);
      }
      if (element.firstChild) {
        node = element.firstChild;
        continue;
      }
    }
    if (node === root) break;
    while (!node.nextSibling) {
      node = node.parentNode!;
      if (node === root) break;
    }
    if (node === root) break;
    node = node.nextSibling!;
  }
  const ids: IdIndex = {
    resolve(id: string): Element {
      const entries = byValue.get(id) ?? [];
      const elements = new Set(entries.map((e) => e.element));
      if (elements.size > 1) {
        throw new KitError('ERR_SIGNATURE_WRAPPING', `Id "${id}" is carried by ${elements.size} elements`, { id, count: elements.size });
      }
      const found = entries.find((e) => e.plainId);
      if (!found) {
        throw new KitError('ERR_SIGNATURE_REFERENCE_NOT_FOUND', `No element has Id="${id}"`, { id });
      }
      return found.element;
    },
  };
  return { ids, named };
}

/** A same-document reference `#id` with an XML-name-like id; anything else (empty, external, XPointer) is refused. */
export function sameDocumentId(uri: string | null): string {
  const match = uri === null ? null : /^#([A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)$/.exec(uri);
  if (!match) {
    throw new KitError('ERR_SIGNATURE_REFERENCE_NOT_FOUND', `Reference URI ${JSON.stringify(uri)} is not a same-document "#Id" reference`, {
      uri,
    });
  }
  return match[1]!;
}

export function isInside(node: Node, ancestor: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) if (current === ancestor) return true;
  return false;
}
