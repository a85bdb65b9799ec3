/**
 * Detached XML-DSig the SMEV way: one Reference to `#Id`, transforms exc-c14n then the SMEV transform (or plain
 * exc-c14n for interop with standard tools), the ds:Signature in a wrapper element next to the signed element.
 * The document is parsed once; everything else works on that one DOM.
 */
import { parseXml } from '../../xml/index.ts';
import type { TransformChainName } from './algorithms.ts';
import { derBase64OfPem } from './certificate.ts';
import { resolveContainer, type ContainerChoice } from './container.ts';
import { indexIds } from './id-lookup.ts';
import type { ExternalSigner, SignatureProfile } from './profile.ts';
import { resolveProfile, type ProfileName } from './profiles.ts';
import {
  appendSignatureSkeleton,
  completeSignature,
  removeSignatures,
  serializeDocument,
  type PendingSignature,
} from './signature-element.ts';
import { referenceOctets, type DigestPath } from './transform-chain.ts';

export interface SignDetachedOptions {
  referenceId: string;
  profile: SignatureProfile | ProfileName;
  privateKeyPem: string;
  certificatePem: string;
  container: ContainerChoice;
  /** Default 'smev'. 'exc-c14n' leaves out the SMEV transform so that xmlsec1 and friends can check the result. */
  transforms?: TransformChainName;
  /** Default 'fast'; 'reference' computes the digest through xml-crypto's full chain (same bytes, slower). */
  digestPath?: DigestPath;
}

export type SignDetachedWithOptions = Omit<SignDetachedOptions, 'profile' | 'privateKeyPem' | 'certificatePem'> & {
  signer: ExternalSigner;
};

interface Prepared {
  readonly doc: Document;
  readonly pending: PendingSignature;
  readonly signedInfoOctets: Buffer;
}

/** Signs with a key held here. Returns the whole document with the signature in place. */
export function signDetached(xml: string, options: SignDetachedOptions): string {
  return signDetachedDocument(parseXml(xml), options);
}

/**
 * The same on a document the caller already holds (built or parsed once), which it changes in place; returns it
 * serialized. For writers that assemble a document anyway: one parse and one serialization per signed message.
 */
export function signDetachedDocument(doc: Document, options: SignDetachedOptions): string {
  const profile = resolveProfile(options.profile);
  const certificateBase64 = derBase64OfPem(options.certificatePem);
  const prepared = prepare(doc, options, profile);
  completeSignature(prepared.pending, profile.sign(prepared.signedInfoOctets, options.privateKeyPem), certificateBase64);
  return serializeDocument(prepared.doc);
}

/** The same, with the SignedInfo bytes signed elsewhere (a signing service, a token, a CryptoPro bridge). */
export async function signDetachedWith(xml: string, options: SignDetachedWithOptions): Promise<string> {
  const { signer } = options;
  const certificateBase64 = derBase64OfPem(signer.certificatePem);
  const prepared = prepare(parseXml(xml), options, signer.profile);
  completeSignature(prepared.pending, await signer.sign(prepared.signedInfoOctets), certificateBase64);
  return serializeDocument(prepared.doc);
}

/** Digest, container, SignedInfo: everything up to the signature value. Exported for signSmevEnvelope. */
export function prepare(
  doc: Document,
  options: Pick<SignDetachedOptions, 'referenceId' | 'container' | 'transforms' | 'digestPath'>,
  profile: SignatureProfile,
): Prepared {
  const chain = options.transforms ?? 'smev';
  // The index refuses duplicate ids here too: signing an ambiguous document would hand a verifier the ambiguity.
  const signed = indexIds(doc.documentElement).resolve(options.referenceId);
  const digest = profile.digest(referenceOctets(signed, chain, options.digestPath));
  const container = resolveContainer(doc, signed, options.container);
  removeSignatures(container);
  const pending = appendSignatureSkeleton(container, {
    signatureAlgorithmUri: profile.signatureAlgorithmUri,
    digestAlgorithmUri: profile.digestAlgorithmUri,
    referenceId: options.referenceId,
    chain,
    digestBase64: digest.toString('base64'),
  });
  // Written directly from the same template as the inserted SignedInfo (signature-element.ts), not re-derived
  // from the tree: the test suite holds the two equal to xml-crypto's exc-c14n of the inserted node.
  return { doc, pending, signedInfoOctets: Buffer.from(pending.signedInfoC14n, 'utf8') };
}
