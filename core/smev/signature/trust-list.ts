/**
 * The certificates a verifier trusts: a signer is trusted when its certificate is in the list, or was issued
 * (name match and signature checked with node:crypto) by a CA certificate in the list. One level only: the
 * test CA and the SMEV test contour both issue leaf certificates directly.
 */
import type { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KitError } from '../../errors/index.ts';
import { certificateFromPem, splitPemCertificates } from './certificate.ts';

export class TrustList {
  readonly certificates: readonly X509Certificate[];
  private readonly fingerprints: ReadonlySet<string>;

  private constructor(certificates: X509Certificate[]) {
    this.certificates = Object.freeze(certificates);
    this.fingerprints = new Set(certificates.map((c) => c.fingerprint256));
  }

  /** From PEM texts; each text may hold several certificates. */
  static fromPems(pems: readonly string[]): TrustList {
    const certificates = pems.flatMap((pem) => splitPemCertificates(pem)).map(certificateFromPem);
    if (certificates.length === 0) throw new KitError('ERR_CONFIG_INVALID', 'The trust list holds no certificate');
    return new TrustList(certificates);
  }

  /** Every *.pem / *.crt / *.cer (PEM) file of a directory. */
  static fromDirectory(directory: string): TrustList {
    const files = readdirSync(directory).filter((name) => /\.(pem|crt|cer)$/i.test(name)).sort();
    return TrustList.fromPems(files.map((name) => readFileSync(join(directory, name), 'utf8')));
  }

  /** Throws ERR_CERTIFICATE_UNTRUSTED or ERR_CERTIFICATE_EXPIRED; returns the anchor that vouched for it. */
  assertTrusted(certificate: X509Certificate, now: Date = new Date()): X509Certificate {
    const anchor = this.anchorFor(certificate);
    if (!anchor) {
      throw new KitError('ERR_CERTIFICATE_UNTRUSTED', `Certificate "${certificate.subject}" is not trusted`, {
        subject: certificate.subject,
        issuer: certificate.issuer,
        serialNumber: certificate.serialNumber,
      });
    }
    for (const checked of anchor === certificate ? [certificate] : [certificate, anchor]) {
      if (!isValidAt(checked, now)) {
        throw new KitError('ERR_CERTIFICATE_EXPIRED', `Certificate "${checked.subject}" is not valid at ${now.toISOString()}`, {
          subject: checked.subject,
          validFrom: checked.validFrom,
          validTo: checked.validTo,
        });
      }
    }
    return anchor;
  }

  isTrusted(certificate: X509Certificate, now: Date = new Date()): boolean {
    try {
      this.assertTrusted(certificate, now);
      return true;
    } catch {
      return false;
    }
  }

  // Which anchor vouches for a certificate depends on nothing but the two (the list is frozen), and verifying the
  // issuer's signature costs an RSA verification; validity dates are still checked on every call.
  private readonly anchors = new WeakMap<X509Certificate, X509Certificate | null>();

  private anchorFor(certificate: X509Certificate): X509Certificate | undefined {
    const cached = this.anchors.get(certificate);
    if (cached !== undefined) return cached ?? undefined;
    const anchor = this.fingerprints.has(certificate.fingerprint256)
      ? certificate
      : this.certificates.find((ca) => ca.ca && certificate.checkIssued(ca) && verifiesWith(certificate, ca));
    this.anchors.set(certificate, anchor ?? null);
    return anchor;
  }
}

function verifiesWith(certificate: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return certificate.verify(issuer.publicKey);
  } catch {
    // A key type node:crypto cannot use (GOST) cannot vouch here; such anchors must list the leaf directly.
    return false;
  }
}

function isValidAt(certificate: X509Certificate, now: Date): boolean {
  const t = now.getTime();
  return t >= new Date(certificate.validFrom).getTime() && t <= new Date(certificate.validTo).getTime();
}
