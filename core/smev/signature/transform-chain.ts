/**
 * The reference transform chain, run by xml-crypto's SignedXml with the SMEV transform registered in its
 * CanonicalizationAlgorithms map. Signing, verification and canonicalizeForDigest all call the functions here,
 * so the bytes that get hashed are computed by exactly one code path.
 */
import { ExclusiveCanonicalization, SignedXml, type CanonicalizationOrTransformationAlgorithm } from 'xml-crypto';
import { KitError } from '../../errors/index.ts';
import { isElement } from '../../xml/index.ts';
import { smevTransformElement } from '../transform/index.ts';
import { EXC_C14N_URI, SMEV_TRANSFORM_URI, type TransformChainName } from './algorithms.ts';
import { fastPathApplies } from './fast-digest.ts';

/**
 * xml-crypto parses the exc-c14n octets back into a node before the next transform (stack.md), so this class
 * receives an element of a fresh document holding exactly the canonical form, never the caller's tree.
 */
class SmevTransformAlgorithm implements CanonicalizationOrTransformationAlgorithm {
  process(node: Node): string {
    if (!isElement(node)) {
      throw new KitError('ERR_SIGNATURE_INVALID', 'The SMEV transform received something other than an element');
    }
    // Strict: a digest over bytes the reference implementation would refuse to produce can never match SMEV's.
    return smevTransformElement(node, { strict: true });
  }

  getAlgorithmName(): string {
    return SMEV_TRANSFORM_URI;
  }
}

export const TRANSFORM_CHAINS: Readonly<Record<TransformChainName, readonly string[]>> = Object.freeze({
  smev: Object.freeze([EXC_C14N_URI, SMEV_TRANSFORM_URI]),
  'exc-c14n': Object.freeze([EXC_C14N_URI]),
});

/** Which named chain a list of Transform URIs is, or undefined when it is anything else (xpath, xslt, enveloped …). */
export function chainNamed(transforms: readonly string[]): TransformChainName | undefined {
  for (const [name, chain] of Object.entries(TRANSFORM_CHAINS) as Array<[TransformChainName, readonly string[]]>) {
    if (chain.length === transforms.length && chain.every((uri, i) => transforms[i] === uri)) return name;
  }
  return undefined;
}

// One engine for the process: getCanonXml keeps no state between calls, and building the maps costs time.
// Only the two algorithms we accept are registered, so nothing else can be reached through this instance.
const engine = new SignedXml();
engine.CanonicalizationAlgorithms = {
  [EXC_C14N_URI]: engine.CanonicalizationAlgorithms[EXC_C14N_URI]!,
  [SMEV_TRANSFORM_URI]: SmevTransformAlgorithm,
};

/**
 * How the octets of a Reference are computed. 'reference' runs the chain through xml-crypto (clone, exc-c14n to
 * a string, re-parse, SMEV transform). 'fast' (the default) gives the same bytes without the round trip: the SMEV
 * transform straight from the element when fast-digest.ts proves that equal, else the reference path; plain
 * exc-c14n on the element itself, without xml-crypto's defensive clone.
 */
export type DigestPath = 'fast' | 'reference';

/** The octets a Reference over `element` digests: the chain's output as UTF-8. */
export function referenceOctets(element: Element, chain: TransformChainName, path: DigestPath = 'fast'): Buffer {
  if (path === 'fast') {
    if (chain === 'exc-c14n') return Buffer.from(exclusiveC14n(element), 'utf8');
    // Strict, as in SmevTransformAlgorithm: same function, same errors as on the reference path.
    if (fastPathApplies(element)) return Buffer.from(smevTransformElement(element, { strict: true }), 'utf8');
  }
  return Buffer.from(engine.getCanonXml(TRANSFORM_CHAINS[chain], element), 'utf8');
}

// getCanonXml(["exc-c14n"], node) = clone, then exactly this call (same options, comments dropped by the
// algorithm itself). process() only writes to the tree when given ancestorNamespaces, which we never pass, so
// the clone protects nothing here.
const exclusive = new ExclusiveCanonicalization();
const EXCLUSIVE_OPTIONS = Object.freeze({ defaultNsForPrefix: SignedXml.defaultNsForPrefix });

/** Exclusive canonical form of an element (what SignedInfo is signed as; the first step of every Reference). */
export function exclusiveC14n(element: Element): string {
  return exclusive.process(element, { ...EXCLUSIVE_OPTIONS }).toString();
}

/** exclusiveC14n through xml-crypto's full getCanonXml (with its clone); the yardstick for tests. */
export function exclusiveC14nReference(element: Element): string {
  return engine.getCanonXml([EXC_C14N_URI], element);
}
