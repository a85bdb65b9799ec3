/**
 * The `gost` profile: GOST R 34.10-2012 (256) over Streebog-256 with the SMEV (CryptoPro cpxmlsec) URIs, in pure
 * JS via node-gost-crypto. Byte orders follow OpenSSL's GOST engine and CryptoPro (stack.md): DigestValue is the
 * Streebog output as produced; the hash enters the signature as a little-endian number; SignatureValue is s‖r,
 * each big-endian (node-gost-crypto's "CP" convention); keys are little-endian (private d, public x‖y).
 * Slow (~6 ms a signature) and synchronous: use `dev` in simulators and worker threads for GOST throughput.
 */
import type { X509Certificate } from 'node:crypto';
import { createRequire } from 'node:module';
import { KitError } from '../../errors/index.ts';
import { GOST2012_256_DIGEST_URI, GOST2012_256_SIGNATURE_URI } from './algorithms.ts';
import type { SignatureProfile } from './profile.ts';

interface GostDigestEngine {
  digest(data: Uint8Array): ArrayBuffer;
}
interface GostSignEngine {
  sign(privateKey: ArrayBuffer, hash: ArrayBuffer): ArrayBuffer;
  verify(publicKey: ArrayBuffer, signature: ArrayBuffer, hash: ArrayBuffer): boolean;
}
interface GostModule {
  gostEngine: {
    getGostDigest(algorithm: { name: string; length: number; version: number }): GostDigestEngine;
    getGostSign(algorithm: Record<string, unknown>): GostSignEngine;
  };
  gostCrypto: {
    asn1: { PrivateKeyInfo: new (pem: string) => { privateKey: ArrayBuffer; privateKeyAlgorithm: { namedCurve?: string } } };
    cert: { X509: new (der: ArrayBuffer) => { subjectPublicKeyInfo: { subjectPublicKey: ArrayBuffer; algorithm: { id: string; namedCurve?: string } } } };
  };
}
// The package ships no types; the slice used here is typed above, so nothing untyped crosses this boundary.
const gost = createRequire(import.meta.url)('node-gost-crypto') as GostModule;

const streebog256 = gost.gostEngine.getGostDigest({ name: 'GOST R 34.11', length: 256, version: 2012 });
const signers = new Map<string, GostSignEngine>();

function signerFor(namedCurve: string, ukm?: Uint8Array): GostSignEngine {
  if (ukm) return gost.gostEngine.getGostSign({ name: 'GOST R 34.10', version: 2012, length: 256, namedCurve, procreator: 'CP', ukm: toArrayBuffer(ukm) });
  let signer = signers.get(namedCurve);
  if (!signer) {
    // No `hash` given: the engine signs the digest it is handed, so hashing stays in one place (streebog256 above).
    signer = gost.gostEngine.getGostSign({ name: 'GOST R 34.10', version: 2012, length: 256, namedCurve, procreator: 'CP' });
    signers.set(namedCurve, signer);
  }
  return signer;
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function streebog256Digest(octets: Uint8Array): Buffer {
  return Buffer.from(streebog256.digest(octets));
}

interface GostPrivateKey {
  readonly d: ArrayBuffer;
  readonly namedCurve: string;
}
const keyCache = new Map<string, GostPrivateKey>();

/** PKCS#8 PEM (as node-gost-crypto and OpenSSL's GOST engine write it) → 32-byte little-endian d and curve. */
export function gostPrivateKeyFromPem(pem: string): GostPrivateKey {
  let key = keyCache.get(pem);
  if (!key) {
    try {
      const info = new gost.gostCrypto.asn1.PrivateKeyInfo(pem);
      key = { d: rawPrivateKey(new Uint8Array(info.privateKey)), namedCurve: info.privateKeyAlgorithm.namedCurve ?? 'S-256-A' };
    } catch (cause) {
      throw new KitError('ERR_CONFIG_INVALID', 'Not a GOST R 34.10-2012 PKCS#8 private key', {}, { cause });
    }
    if (key.d.byteLength !== 32) throw new KitError('ERR_CONFIG_INVALID', 'GOST private key is not 256 bits');
    keyCache.set(pem, key);
  }
  return key;
}

/**
 * The privateKey OCTET STRING wraps either an OCTET STRING (32 bytes, little-endian: node-gost-crypto, CryptoPro)
 * or an INTEGER (big-endian: some OpenSSL builds); a bare 32-byte value is taken as little-endian.
 */
function rawPrivateKey(bytes: Uint8Array): ArrayBuffer {
  if (bytes.length === 34 && bytes[0] === 0x04 && bytes[1] === 0x20) return toArrayBuffer(bytes.subarray(2));
  if (bytes[0] === 0x02 && bytes[1] !== undefined && bytes[1] <= 0x21 && bytes.length === bytes[1] + 2) {
    const bigEndian = bytes.subarray(2).subarray(bytes[1] === 0x21 ? 1 : 0);
    const littleEndian = new Uint8Array(32);
    bigEndian.forEach((b, i) => (littleEndian[bigEndian.length - 1 - i] = b));
    return littleEndian.buffer;
  }
  return toArrayBuffer(bytes);
}

function publicKeyOf(certificate: X509Certificate): { q: ArrayBuffer; namedCurve: string } | undefined {
  try {
    const spki = new gost.gostCrypto.cert.X509(toArrayBuffer(certificate.raw)).subjectPublicKeyInfo;
    // The BIT STRING wraps an OCTET STRING (04 40) holding x‖y.
    const bytes = new Uint8Array(spki.subjectPublicKey);
    const q = bytes.length === 66 && bytes[0] === 0x04 && bytes[1] === 0x40 ? bytes.subarray(2) : bytes;
    if (!/gost3410-12-256/.test(spki.algorithm.id) || q.length !== 64) return undefined;
    return { q: toArrayBuffer(q), namedCurve: spki.algorithm.namedCurve ?? 'S-256-A' };
  } catch {
    return undefined;
  }
}

/** Raw GOST R 34.10-2012 signature over a ready digest; `ukm` fixes k (test vectors only). */
export function gostSignDigest(digest: Uint8Array, privateKeyPem: string, ukm?: Uint8Array): Buffer {
  const key = gostPrivateKeyFromPem(privateKeyPem);
  return Buffer.from(signerFor(key.namedCurve, ukm).sign(key.d, toArrayBuffer(digest)));
}

export const gostProfile: SignatureProfile = Object.freeze<SignatureProfile>({
  name: 'gost',
  signatureAlgorithmUri: GOST2012_256_SIGNATURE_URI,
  digestAlgorithmUri: GOST2012_256_DIGEST_URI,
  digest: streebog256Digest,
  sign: (octets: Uint8Array, privateKeyPem: string): Buffer => gostSignDigest(streebog256Digest(octets), privateKeyPem),
  verify: (octets, signature, certificate): boolean => {
    const key = publicKeyOf(certificate);
    if (!key || signature.byteLength !== 64) return false;
    return signerFor(key.namedCurve).verify(key.q, toArrayBuffer(signature), toArrayBuffer(streebog256Digest(octets)));
  },
});
