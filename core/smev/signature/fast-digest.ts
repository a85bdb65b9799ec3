/**
 * When the SMEV chain (exc-c14n, then the SMEV transform) may skip its middle step. The reference path clones the
 * element, writes its exclusive canonical form with xml-crypto, parses that string again and runs the SMEV
 * transform on the new tree. The fast path runs the SMEV transform on the element itself. The two give the same
 * bytes when the re-parsed tree shows the transform what the original shows it:
 *
 * - elements and attributes: the same (namespace URI, local name) pairs and attribute values. Exc-c14n writes
 *   every name as in the source (`tagName`, `attr.name`) and declares each used prefix on the first element that
 *   uses it (default namespace included), so the re-parsed names resolve to the same URIs; the source's own
 *   declarations are dropped, and the transform ignores them anyway, writing only the ones it generates.
 *   Attribute values are written with `&`, `<`, `"`, TAB, LF, CR as references, which a parser reads back as
 *   those very characters (references escape attribute-value normalization). Attribute order does not matter:
 *   the transform sorts.
 * - text: written with `&`, `<`, `>`, CR as references, read back as the same characters; CDATA becomes text;
 *   text, CDATA and comments (which exc-c14n without comments drops) between two elements come back as ONE
 *   text node, and the transform coalesces text and CDATA across comments into one run for this reason.
 *
 * The pre-check below refuses (so the caller takes the reference path, keeping its exact bytes, errors included)
 * every case where the round trip does change something or where xml-crypto's exc-c14n departs from the W3C one:
 * - processing instructions: xml-crypto writes a PI's data as escaped TEXT (and throws on an empty one), where
 *   W3C exc-c14n keeps `<?t d?>` and the SMEV transform would drop it;
 * - U+0085 and U+2028 in text, attribute values or namespace URIs (only reachable through character
 *   references): exc-c14n writes them raw and xmldom's parser turns raw ones into LF (text) or a space;
 * - namespace URIs holding `&`, `<`, `"`, TAB, LF or CR: exc-c14n writes declarations unescaped, so the output
 *   is not well-formed or reads back differently;
 * - attributes whose name starts with `xmlns` without being a declaration (`xmlnsFoo="…"`): xml-crypto drops
 *   them as if they were declarations;
 * - a child `CanonicalizationMethod` of the referenced element: xml-crypto then reads an InclusiveNamespaces
 *   PrefixList from it and renders extra, unescaped declarations;
 * - empty text or CDATA nodes (xml-crypto throws on them), other node types, `xml:`-namespace names, and names
 *   whose prefix disagrees with their namespace (only a DOM built by hand can hold those).
 */
import { ELEMENT_NODE, TEXT_NODE, CDATA_SECTION_NODE } from '../../xml/index.ts';
import { XMLNS_NS } from './algorithms.ts';

const COMMENT_NODE = 8;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const BAD_NAMESPACE_URI = /[&<"\t\n\r\u0085\u2028]/;
const BAD_VALUE = /[\u0085\u2028]/;

/** True when `smevTransformElement(element)` equals the reference chain's output byte for byte. */
export function fastPathApplies(root: Element): boolean {
  for (let child = root.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && (child as Element).localName === 'CanonicalizationMethod') return false;
  }
  let node: Node = root;
  for (;;) {
    switch (node.nodeType) {
      case ELEMENT_NODE:
        if (!elementApplies(node as Element)) return false;
        if (node.firstChild) {
          node = node.firstChild;
          continue;
        }
        break;
      case TEXT_NODE:
      case CDATA_SECTION_NODE: {
        const data = (node as CharacterData).data;
        if (data === '' || BAD_VALUE.test(data)) return false;
        break;
      }
      case COMMENT_NODE:
        break;
      default:
        return false;
    }
    if (node === root) return true;
    while (!node.nextSibling) {
      node = node.parentNode!;
      if (node === root) return true;
    }
    node = node.nextSibling;
  }
}

function elementApplies(element: Element): boolean {
  const uri = element.namespaceURI ?? '';
  const prefix = element.prefix ?? '';
  if (!nameMatches(element.tagName, prefix, element.localName)) return false;
  if (uri === '' ? prefix !== '' : BAD_NAMESPACE_URI.test(uri) || uri === XML_NS || uri === XMLNS_NS) return false;
  if (prefix === 'xml' || prefix === 'xmlns') return false;
  const attributes = element.attributes;
  // Prefixes used on this element and their URIs: one prefix bound to two URIs cannot be written back.
  let prefixes: Array<[string, string]> | undefined;
  for (let i = 0; i < attributes.length; i++) {
    const attr = attributes.item(i)!;
    const name = attr.name;
    if (name.startsWith('xmlns')) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      return false;
    }
    const attrUri = attr.namespaceURI ?? '';
    const attrPrefix = attr.prefix ?? '';
    if (!nameMatches(name, attrPrefix, attr.localName)) return false;
    if (BAD_VALUE.test(attr.value)) return false;
    if (attrUri === '') {
      if (attrPrefix !== '') return false;
      continue;
    }
    if (attrPrefix === '' || attrPrefix === 'xml' || attrUri === XML_NS || attrUri === XMLNS_NS || BAD_NAMESPACE_URI.test(attrUri)) return false;
    if (attrPrefix === prefix && attrUri !== uri) return false;
    prefixes ??= [];
    for (const [p, u] of prefixes) if (p === attrPrefix && u !== attrUri) return false;
    prefixes.push([attrPrefix, attrUri]);
  }
  return true;
}

function nameMatches(name: string, prefix: string, localName: string | null): boolean {
  if (!localName) return false;
  return prefix === '' ? name === localName : name.length === prefix.length + 1 + localName.length && name.startsWith(prefix) && name.endsWith(localName) && name.charCodeAt(prefix.length) === 0x3a;
}
