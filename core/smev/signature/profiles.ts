/** Named profiles and lookup by the URI a signature carries. */
import { KitError } from '../../errors/index.ts';
import { devProfile } from './dev-profile.ts';
import { gostProfile } from './gost-profile.ts';
import type { SignatureProfile } from './profile.ts';

export type ProfileName = 'dev' | 'gost';

export const PROFILES: Readonly<Record<ProfileName, SignatureProfile>> = Object.freeze({ dev: devProfile, gost: gostProfile });

export function resolveProfile(profile: SignatureProfile | ProfileName): SignatureProfile {
  if (typeof profile !== 'string') return profile;
  const found = PROFILES[profile];
  if (!found) throw new KitError('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM', `Unknown signature profile "${String(profile)}"`);
  return found;
}

/** The profile among `accepted` whose SignatureMethod URI this is; ERR_SIGNATURE_UNSUPPORTED_ALGORITHM otherwise. */
export function profileForSignatureMethod(uri: string, accepted: readonly SignatureProfile[]): SignatureProfile {
  const profile = accepted.find((p) => p.signatureAlgorithmUri === uri);
  if (!profile) {
    throw new KitError('ERR_SIGNATURE_UNSUPPORTED_ALGORITHM', `SignatureMethod ${uri} is not accepted`, {
      algorithm: uri,
      accepted: accepted.map((p) => p.signatureAlgorithmUri),
    });
  }
  return profile;
}
