/**
 * Verifies every ds:Signature of a document. Each result names the element that was actually hashed — the node
 * object itself, never a second look-up by id — so callers read the data that was signed and nothing else.
 * Order of checks: shape and algorithms, reference (unique Id, no wrapping), digest, signature value, trust.
 */
import { timingSafeEqual, type X509Certificate } from 'node:crypto';
import { KitError, isKitError } from '../../errors/index.ts';
import { parseXml } from '../../xml/index.ts';
import { XMLDSIG_NS, type TransformChainName } from './algorithms.ts';
import { certificateFromDer, describeCertificate, type CertificateInfo } from './certificate.ts';
import { isInside, scanDocument, type IdIndex } from './id-lookup.ts';
import type { SignatureProfile } from './profile.ts';
import { PROFILES, resolveProfile, type ProfileName } from './profiles.ts';
import { readSignature, type PartialSignature } from './read-signature.ts';
import type { TrustList } from './trust-list.ts';
import { exclusiveC14n, referenceOctets, type DigestPath } from './transform-chain.ts';

export interface VerifyOptions {
  trust: TrustList;
  /** Profiles whose algorithms are accepted; default both `dev` and `gost`. */
  profiles?: ReadonlyArray<SignatureProfile | ProfileName>;
  /** Transform chains accepted; default both ('smev' and plain 'exc-c14n'). */
  transforms?: readonly TransformChainName[];
  /** When set, a signature over any other Id fails with ERR_SIGNATURE_WRAPPING. */
  expectedReferenceId?: string;
  now?: Date;
  /** Default 'fast'; 'reference' computes digests through xml-crypto's full chain (same bytes, slower). */
  digestPath?: DigestPath;
}

interface ResultBase {
  /** The ds:Signature element this result is about. */
  readonly signature: Element;
  readonly referenceUri?: string;
  readonly profile?: string;
  readonly signatureAlgorithmUri?: string;
  readonly digestAlgorithmUri?: string;
  readonly transforms?: readonly string[];
  /** Base64 of ds:DigestValue and of the digest computed here. */
  readonly expectedDigest?: string;
  readonly actualDigest?: string;
  /** The transform chain's output: the bytes that were hashed. */
  readonly hashedBytes?: Buffer;
  readonly certificate?: CertificateInfo;
}

export interface VerifiedSignature extends ResultBase {
  readonly ok: true;
  /** The element that was hashed. Read signed data from here only. */
  readonly signedElement: Element;
  readonly referenceUri: string;
  readonly certificate: CertificateInfo;
}

export interface FailedSignature extends ResultBase {
  readonly ok: false;
  readonly error: KitError;
}

export type VerificationResult = VerifiedSignature | FailedSignature;

/** All signatures of the document, each verified on its own. Throws ERR_SIGNATURE_NOT_FOUND when there is none. */
export function verifyDetached(xml: string | Document, options: VerifyOptions): VerificationResult[] {
  const doc = typeof xml === 'string' ? parseXml(xml) : xml;
  // One walk finds the signatures and indexes every id-like attribute; the index serves all signatures.
  const { named: signatures, ids } = scanDocument(doc.documentElement, XMLDSIG_NS, 'Signature');
  // An empty list would make `results.every(r => r.ok)` true: absence of a signature is an error, not a pass.
  if (signatures.length === 0) throw new KitError('ERR_SIGNATURE_NOT_FOUND', 'The document holds no ds:Signature');
  const profiles = (options.profiles ?? (Object.keys(PROFILES) as ProfileName[])).map(resolveProfile);
  const chains = options.transforms ?? ['smev', 'exc-c14n'];
  return signatures.map((signature) => verifyOne(signature, ids, profiles, chains, options));
}

/** The one element signed with `referenceId` by a valid, trusted signature; throws the first failure otherwise. */
export function verifySignedElement(xml: string | Document, options: VerifyOptions & { referenceId: string }): Element {
  const results = verifyDetached(xml, { ...options, expectedReferenceId: options.referenceId });
  const verified = results.find((r): r is VerifiedSignature => r.ok);
  if (verified) return verified.signedElement;
  throw (results[0] as FailedSignature).error;
}

function verifyOne(
  signature: Element,
  ids: IdIndex,
  profiles: readonly SignatureProfile[],
  chains: readonly TransformChainName[],
  options: VerifyOptions,
): VerificationResult {
  const partial: PartialSignature = {};
  const report: { -readonly [K in keyof ResultBase]: ResultBase[K] } = { signature };
  try {
    const parsed = readSignature(signature, profiles, chains, partial);
    Object.assign(report, { profile: parsed.profile.name, expectedDigest: parsed.expectedDigest.toString('base64') });

    if (options.expectedReferenceId !== undefined && parsed.referenceId !== options.expectedReferenceId) {
      throw new KitError('ERR_SIGNATURE_WRAPPING', `The signature covers Id "${parsed.referenceId}", not "${options.expectedReferenceId}"`, {
        referenced: parsed.referenceId,
        expected: options.expectedReferenceId,
      });
    }
    const signed = ids.resolve(parsed.referenceId);
    if (isInside(signed, signature)) {
      throw new KitError('ERR_SIGNATURE_WRAPPING', 'The signature references an element inside itself');
    }

    const octets = referenceOctets(signed, parsed.chain, options.digestPath);
    const digest = parsed.profile.digest(octets);
    Object.assign(report, { hashedBytes: octets, actualDigest: digest.toString('base64') });
    if (digest.length !== parsed.expectedDigest.length || !timingSafeEqual(digest, parsed.expectedDigest)) {
      throw new KitError('ERR_SIGNATURE_DIGEST_MISMATCH', `Digest of #${parsed.referenceId} does not match DigestValue`, { id: parsed.referenceId });
    }

    if (!parsed.certificateDer) throw new KitError('ERR_CERTIFICATE_UNTRUSTED', 'The signature carries no KeyInfo/X509Data/X509Certificate');
    const certificate = certificateFromDer(parsed.certificateDer);
    report.certificate = describeCertificate(certificate, false);
    const signedInfoOctets = Buffer.from(exclusiveC14n(parsed.signedInfo), 'utf8');
    if (!safeVerify(parsed.profile, signedInfoOctets, parsed.signatureValue, certificate)) {
      throw new KitError('ERR_SIGNATURE_INVALID', 'SignatureValue does not verify with the KeyInfo certificate');
    }
    options.trust.assertTrusted(certificate, options.now ?? new Date());
    return { ...report, ...partial, ok: true, signedElement: signed, referenceUri: parsed.referenceUri, certificate: describeCertificate(certificate, true) };
  } catch (error) {
    const kitError = isKitError(error)
      ? error
      : new KitError('ERR_SIGNATURE_INVALID', `Signature could not be processed: ${(error as Error)?.message ?? String(error)}`, {}, { cause: error });
    return { ...report, ...partial, ok: false, error: kitError };
  }
}

function safeVerify(profile: SignatureProfile, octets: Buffer, value: Buffer, certificate: X509Certificate): boolean {
  try {
    return profile.verify(octets, value, certificate);
  } catch {
    // Malformed values or keys (wrong length, unsupported key type) are simply not a valid signature.
    return false;
  }
}
