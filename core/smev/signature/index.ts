/** SMEV 3 detached XML-DSig: signing, verification, trust, profiles. */
export * from './algorithms.ts';
export type { SignatureProfile, ExternalSigner } from './profile.ts';
export { devProfile } from './dev-profile.ts';
export { gostProfile, streebog256Digest } from './gost-profile.ts';
export { PROFILES, resolveProfile, type ProfileName } from './profiles.ts';
export { signDetached, signDetachedDocument, signDetachedWith, type SignDetachedOptions, type SignDetachedWithOptions } from './sign-detached.ts';
export type { ContainerSpec, ContainerChoice } from './container.ts';
export { signSmevEnvelope, type SignEnvelopeOptions } from './sign-envelope.ts';
export {
  verifyDetached,
  verifySignedElement,
  type VerifyOptions,
  type VerificationResult,
  type VerifiedSignature,
  type FailedSignature,
} from './verify-detached.ts';
export { TrustList } from './trust-list.ts';
export type { CertificateInfo } from './certificate.ts';
export { canonicalizeForDigest, type DigestInput } from './canonicalize-for-digest.ts';
