/**
 * @module The `urn://smev-gov-ru/xmldsig/transform` canonicalization, byte-exact with the Java reference
 * (`SmevTransformSpi` on Woodstox 6.x) as described in the reference notes §2.2–2.3. It runs after exc-c14n in
 * every SMEV 3 signature reference, so a single differing byte here means SMEV rejects the signature.
 */
import { parseXml } from '../../xml/index.ts';
import { writeFragment } from './write-fragment.ts';

export const SMEV_TRANSFORM_URI = 'urn://smev-gov-ru/xmldsig/transform';

export interface SmevTransformOptions {
  /**
   * Default true: refuse what the reference implementation refuses (elements without a namespace, `xml:*`
   * attributes) with a KitError, since a digest over anything we might write instead could never match SMEV's.
   */
  strict?: boolean;
}

/** Transform of a whole document's root element, from text or bytes (parsed with core/xml parseXml). Returns UTF-8 bytes. */
export function smevTransform(xml: string | Uint8Array, options?: SmevTransformOptions): Buffer {
  const document = parseXml(xml);
  return Buffer.from(writeFragment(document.documentElement, options?.strict ?? true), 'utf8');
}

/** Transform of one DOM (xmldom) element subtree; used inside xml-crypto where the input arrives as a parsed node. Returns the string. */
export function smevTransformElement(element: Element, options?: SmevTransformOptions): string {
  return writeFragment(element, options?.strict ?? true);
}
