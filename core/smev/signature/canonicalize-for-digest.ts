/** The bytes a signature over `#id` hashes, for the CLI's `transform --id` and for debugging digest mismatches. */
import { parseXml } from '../../xml/index.ts';
import { indexIds } from './id-lookup.ts';
import { exclusiveC14n, referenceOctets, type DigestPath } from './transform-chain.ts';

export interface DigestInput {
  /** Exclusive canonical form of the element (first transform). */
  readonly c14n: string;
  /** After the SMEV transform: exactly what signDetached/verifyDetached hash with the default chain. */
  readonly transformed: Buffer;
}

export function canonicalizeForDigest(xml: string | Document, id: string, digestPath: DigestPath = 'fast'): DigestInput {
  const doc = typeof xml === 'string' ? parseXml(xml) : xml;
  const element = indexIds(doc.documentElement).resolve(id);
  return { c14n: exclusiveC14n(element), transformed: referenceOctets(element, 'smev', digestPath) };
}
