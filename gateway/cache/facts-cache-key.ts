/**
 * The cache key of one agency call. Stable: two spellings of the same request (a dashed or bare SNILS, extra spaces
 * or another letter case in a name, fields in another order) give one key. Private: everything about the person is
 * hashed, so neither SNILS nor names ever appear in Redis keys, `MONITOR` output or key-space dumps.
 *
 * A plain SHA-256 of a SNILS alone could be reversed by trying all 10^9 numbers; the hash here also covers the name
 * and birth date when given, and a deployment can pass a secret to make it an HMAC, which cannot be brute-forced
 * without the secret.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AgencyCode } from '../../core/facts/index.ts';

/** The identifiers as the consumer gave them (any subset): structurally compatible with `SubjectIdentifiers`. */
export interface FactsCacheSubject {
  readonly snils?: string;
  readonly inn?: string;
  readonly name?: { readonly family: string; readonly first: string; readonly patronymic?: string };
  readonly birthDate?: string;
  readonly gender?: string;
  readonly identityDocument?: {
    readonly kindCode: string;
    readonly series?: string;
    readonly number: string;
    readonly issueDate?: string;
  };
}

export interface FactsCacheKeyInput {
  readonly agency: AgencyCode;
  /** The agency operation (contract operation name); a different operation is a different answer. */
  readonly operation: string;
  readonly subject: FactsCacheSubject;
  readonly period?: { readonly from: string; readonly to: string };
  readonly asOf?: string;
}

/** Bumped when the canonical form changes, so old entries are simply never read again. */
const KEY_VERSION = 'v1';

const digitsOnly = (text: string): string => text.replace(/\D/g, '');

/**
 * NFC so composed and decomposed "й"/"ё" agree; case and inner spacing are not part of a person's identity.
 * toLowerCase, not toLocaleLowerCase('ru-RU'): Russian has no locale-specific case rules (only Turkish, Azeri and
 * Lithuanian do), so both give the same keys, and the locale-aware call cost 1.3% of the gateway's CPU.
 */
const text = (value: string | undefined): string | null =>
  value === undefined ? null : value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Document series and numbers are written with and without spaces ("45 09", "4509"). */
const compact = (value: string | undefined): string | null =>
  value === undefined ? null : value.normalize('NFC').replace(/\s+/g, '').toUpperCase();

function canonicalSubject(subject: FactsCacheSubject): unknown[] {
  // A fixed-order array, not an object: JSON of an array does not depend on how the caller ordered its fields.
  return [
    subject.snils === undefined ? null : digitsOnly(subject.snils),
    subject.inn === undefined ? null : digitsOnly(subject.inn),
    subject.name === undefined ? null : [text(subject.name.family), text(subject.name.first), text(subject.name.patronymic)],
    subject.birthDate ?? null,
    subject.gender ?? null,
    subject.identityDocument === undefined
      ? null
      : [
          subject.identityDocument.kindCode,
          compact(subject.identityDocument.series),
          compact(subject.identityDocument.number),
          subject.identityDocument.issueDate ?? null,
        ],
  ];
}

/**
 * `facts:v1:<agency>:<operation>:<hex digest>`. Agency and operation stay readable (they are not personal data, and
 * they let an operator count or drop one agency's entries); the subject, period and date are in the digest.
 */
export function factsCacheKey(input: FactsCacheKeyInput, secret?: string): string {
  const canonical = JSON.stringify([
    KEY_VERSION,
    input.agency,
    input.operation,
    canonicalSubject(input.subject),
    input.period === undefined ? null : [input.period.from, input.period.to],
    input.asOf ?? null,
  ]);
  const digest = (secret === undefined ? createHash('sha256') : createHmac('sha256', secret)).update(canonical).digest('hex');
  return `facts:${KEY_VERSION}:${input.agency}:${input.operation}:${digest}`;
}
