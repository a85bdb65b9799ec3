/**
 * The `dev` profile: RSA-SHA256 with the standard W3C URIs. Fast (node:crypto), understood by xmlsec1, used by
 * the simulators and tests; real SMEV only accepts the `gost` profile.
 */
import { createHash, createPrivateKey, sign, verify, type KeyObject } from 'node:crypto';
import { RSA_SHA256_URI, SHA256_URI } from './algorithms.ts';
import type { SignatureProfile } from './profile.ts';

// Parsing a PEM key costs about as much as the RSA operation itself; simulators sign with a handful of keys.
const keyCache = new Map<string, KeyObject>();
const KEY_CACHE_LIMIT = 32;

export function privateKeyFromPem(pem: string): KeyObject {
  let key = keyCache.get(pem);
  if (!key) {
    key = createPrivateKey(pem);
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.delete(keyCache.keys().next().value!);
    keyCache.set(pem, key);
  }
  return key;
}

export const devProfile: SignatureProfile = Object.freeze<SignatureProfile>({
  name: 'dev',
  signatureAlgorithmUri: RSA_SHA256_URI,
  digestAlgorithmUri: SHA256_URI,
  digest: (octets: Uint8Array): Buffer => createHash('sha256').update(octets).digest(),
  sign: (octets: Uint8Array, privateKeyPem: string): Buffer => sign('sha256', octets, privateKeyFromPem(privateKeyPem)),
  verify: (octets, signature, certificate): boolean => {
    const key = certificate.publicKey;
    // An EC or GOST key under an RSA URI is a confusion attempt, not a signature to try.
    if (key.asymmetricKeyType !== 'rsa') return false;
    return verify('sha256', octets, key, signature);
  },
});
