/**
 * Signature profiles: the pair of algorithm URIs written into SignedInfo plus the crypto behind them. A profile
 * is a plain object, so an integrator can supply another one (for example one backed by a hardware module).
 */
import type { X509Certificate } from 'node:crypto';

export interface SignatureProfile {
  readonly name: string;
  /** ds:SignatureMethod/@Algorithm. */
  readonly signatureAlgorithmUri: string;
  /** ds:DigestMethod/@Algorithm. */
  readonly digestAlgorithmUri: string;
  /** Digest of the transformed reference octets, as it goes (base64) into ds:DigestValue. */
  digest(octets: Uint8Array): Buffer;
  /** Signature over the canonical SignedInfo octets, as it goes (base64) into ds:SignatureValue. */
  sign(octets: Uint8Array, privateKeyPem: string): Buffer;
  /** Checks a SignatureValue against the signer's certificate (taken from KeyInfo). */
  verify(octets: Uint8Array, signature: Uint8Array, certificate: X509Certificate): boolean;
}

/**
 * For keys that never leave a signing service or a token: the same SignedInfo bytes, signed asynchronously.
 * Implementations throw KitError ERR_SIGNER_UNAVAILABLE when the service does not answer.
 */
export interface ExternalSigner {
  /** The profile whose URIs go into SignedInfo and whose digest/verify are used locally. */
  readonly profile: SignatureProfile;
  /** PEM of the certificate whose key signs; it goes into KeyInfo. */
  readonly certificatePem: string;
  sign(signedInfoOctets: Uint8Array): Promise<Uint8Array>;
}
