/** Certificates as they travel in KeyInfo (base64 DER, maybe line-wrapped) and as they are reported back. */
import { X509Certificate } from 'node:crypto';
import { KitError } from '../../errors/index.ts';

export interface CertificateInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly validFrom: Date;
  readonly validTo: Date;
  readonly fingerprint256: string;
  /** Set by verification: whether the trust list vouches for it at the time checked. */
  readonly trusted: boolean;
  readonly pem: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 text of an XML element with all whitespace (line wrapping, indentation) removed; refuses anything else. */
export function base64Content(text: string, what: string): Buffer {
  const compact = text.replace(/[\s]+/g, '');
  if (compact === '' || compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new KitError('ERR_SIGNATURE_INVALID', `${what} is not base64`);
  }
  return Buffer.from(compact, 'base64');
}

// Peers sign with a few certificates each; parsing one costs far more than a lookup.
const certificateCache = new Map<string, X509Certificate>();
const CERTIFICATE_CACHE_LIMIT = 256;

export function certificateFromDer(der: Buffer): X509Certificate {
  const key = der.toString('base64');
  let certificate = certificateCache.get(key);
  if (!certificate) {
    try {
      certificate = new X509Certificate(der);
    } catch (cause) {
      throw new KitError('ERR_CERTIFICATE_UNTRUSTED', 'KeyInfo holds something that is not an X.509 certificate', {}, { cause });
    }
    if (certificateCache.size >= CERTIFICATE_CACHE_LIMIT) certificateCache.delete(certificateCache.keys().next().value!);
    certificateCache.set(key, certificate);
  }
  return certificate;
}

export function certificateFromPem(pem: string): X509Certificate {
  try {
    return new X509Certificate(pem);
  } catch (cause) {
    throw new KitError('ERR_CONFIG_INVALID', 'Not a PEM X.509 certificate', {}, { cause });
  }
}

/** Every certificate in a PEM bundle (a file may hold several). */
export function splitPemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

// A signer passes the same PEM on every call, and parsing it costs about half an RSA-2048 signature.
const derBase64Cache = new Map<string, string>();

/** Base64 DER of a PEM certificate, as X509Certificate content (one line; SMEV peers accept either). */
export function derBase64OfPem(pem: string): string {
  let der = derBase64Cache.get(pem);
  if (der === undefined) {
    der = certificateFromPem(pem).raw.toString('base64');
    if (derBase64Cache.size >= CERTIFICATE_CACHE_LIMIT) derBase64Cache.delete(derBase64Cache.keys().next().value!);
    derBase64Cache.set(pem, der);
  }
  return der;
}

// Each getter of X509Certificate is a native call that formats afresh; the object itself is immutable.
const descriptions = new WeakMap<X509Certificate, Omit<CertificateInfo, 'trusted'>>();

export function describeCertificate(certificate: X509Certificate, trusted: boolean): CertificateInfo {
  let described = descriptions.get(certificate);
  if (!described) {
    described = {
      subject: certificate.subject,
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
      validFrom: new Date(certificate.validFrom),
      validTo: new Date(certificate.validTo),
      fingerprint256: certificate.fingerprint256,
      pem: certificate.toString(),
    };
    descriptions.set(certificate, described);
  }
  // Fresh Date objects per result: callers may mutate what they get back.
  return { ...described, validFrom: new Date(described.validFrom), validTo: new Date(described.validTo), trusted };
}
