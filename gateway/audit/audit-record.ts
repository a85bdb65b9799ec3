import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { AuditEntryInput } from '../ports.ts';
import { canonicalJson, toJsonData, type JsonValue } from './canonical-json.ts';

/**
 * One line of the audit log: `{ seq, at, ...entry, prevHash, hash }`.
 * - `seq` counts from 1 without gaps, so a deleted or moved record shows as a wrong number on its line;
 * - `hash` = hex SHA-256 of canonicalJson(the record without `hash`): keys sorted at every level, so the hash does
 *   not depend on how a writer ordered fields;
 * - `prevHash` is the previous record's `hash`; the first record's is GENESIS_HASH (64 zeros). A fixed genesis
 *   keeps verification self-contained; deleting records from the *end* of a file therefore cannot be seen from
 *   the file alone, which is why `verify` reports the last hash: note it elsewhere and compare later.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord extends AuditEntryInput {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected 64 lowercase hex digits' });

/** What a line must look like before its hash is checked. Loose: unknown fields are kept and covered by the hash. */
export const auditRecordSchema = z.looseObject({
  seq: z.number().int().min(1),
  at: z.string().min(1),
  correlationId: z.string(),
  consumer: z.string(),
  purpose: z.looseObject({ measure: z.string().optional(), caseNumber: z.string().optional() }),
  subject: z.record(z.string(), z.unknown()),
  agencies: z.array(z.string()),
  outcome: z.enum(['answered', 'partial', 'refused', 'failed']),
  perAgency: z.record(z.string(), z.string()).optional(),
  prevHash: hex64,
  hash: hex64,
});

export function hashRecord(withoutHash: Readonly<Record<string, JsonValue>>): string {
  return createHash('sha256').update(canonicalJson(withoutHash), 'utf8').digest('hex');
}

/** The hash a parsed record should carry, from everything in it but `hash`. */
export function expectedHash(record: Readonly<Record<string, JsonValue>>): string {
  const { hash: _hash, ...rest } = record;
  return hashRecord(rest);
}

/** An entry as plain JSON data, checked once at append time so a bad entry is refused before it is sequenced. */
export function normalizeEntry(entry: AuditEntryInput): Record<string, JsonValue> {
  const data = toJsonData(entry);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new TypeError('An audit entry must be an object');
  // Chain fields come from the log, never from the caller.
  const { seq: _s, at: _a, prevHash: _p, hash: _h, ...fields } = data;
  return fields;
}

/** Places a normalized entry in the chain after `prevHash`. */
export function sealRecord(entry: Readonly<Record<string, JsonValue>>, seq: number, at: string, prevHash: string): AuditRecord {
  const withoutHash: Record<string, JsonValue> = { seq, at, ...entry, prevHash };
  return { ...withoutHash, hash: hashRecord(withoutHash) } as unknown as AuditRecord;
}
