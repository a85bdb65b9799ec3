/**
 * @module fixture-signing
 * The test keys of fixtures/keys as runtime signing options: each agency signs with its own dev (RSA) key, and
 * callers trust fixtures/keys/trust (the test CA). For demos and tests only; production keys come from config.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrustList } from '../../core/smev/signature/index.ts';
import type { RuntimeSigning } from './runtime-options.ts';

export const FIXTURE_KEYS_DIR = fileURLToPath(new URL('../../fixtures/keys/', import.meta.url));

/** `name` is an agency code or another key file stem (consumer, hub). */
export function fixtureSigningFor(name: string, keysDir: string = FIXTURE_KEYS_DIR): RuntimeSigning {
  return {
    profile: 'dev',
    privateKeyPem: readFileSync(join(keysDir, `${name}.key.pem`), 'utf8'),
    certificatePem: readFileSync(join(keysDir, `${name}.cert.pem`), 'utf8'),
  };
}

export function fixtureTrustList(keysDir: string = FIXTURE_KEYS_DIR): TrustList {
  return TrustList.fromDirectory(join(keysDir, 'trust'));
}
