import { createReadStream } from 'node:fs';
import { auditRecordSchema, expectedHash, GENESIS_HASH, type AuditRecord } from './audit-record.ts';
import type { JsonValue } from './canonical-json.ts';
import { splitLines, type SourceLine } from './split-lines.ts';

/**
 * What went wrong on the first bad line:
 * - `torn-tail`: the last line has no newline: a writer stopped mid-record (a crash), not tampering;
 * - `malformed`: a line that is not a record (not JSON, wrong fields, empty, cut short in the middle of the file);
 * - `hash-mismatch`: the record's content does not match its own hash: it was edited;
 * - `sequence-gap`: a higher seq than expected: records before this line were deleted or moved;
 * - `sequence-repeat`: a lower seq than expected: a record was inserted, repeated or moved here;
 * - `chain-broken`: a self-consistent record whose prevHash is not the previous record's hash: inserted or
 *   replaced with a recomputed hash.
 */
export type AuditFaultKind = 'torn-tail' | 'malformed' | 'hash-mismatch' | 'sequence-gap' | 'sequence-repeat' | 'chain-broken';

export type AuditVerdict =
  | { readonly ok: true; readonly records: number; readonly lastHash: string }
  | {
      readonly ok: false;
      /** Records that verified before the bad line. */
      readonly records: number;
      /** 1-based line number of the first bad line. */
      readonly line: number;
      readonly kind: AuditFaultKind;
      readonly reason: string;
      /** Hash of the last record that verified (GENESIS_HASH if none). */
      readonly lastHash: string;
    };

/** The verdict plus where the bad line starts, which FileAuditLog needs to cut a torn tail. */
export interface DetailedVerdict {
  readonly verdict: AuditVerdict;
  readonly badLineOffset?: number;
}

/** Checks records one after another, carrying the expected seq and prevHash. */
class ChainChecker {
  records = 0;
  lastHash = GENESIS_HASH;

  /** Undefined when the line extends the chain; otherwise the fault. */
  check(line: SourceLine): { kind: AuditFaultKind; reason: string } | undefined {
    if (!line.terminated) {
      return {
        kind: 'torn-tail',
        reason: `the last line is incomplete (no newline at the end of the file): the writer stopped mid-record, as after a crash; the ${this.records} record(s) before it verify`,
      };
    }
    if (line.text.trim() === '') return { kind: 'malformed', reason: 'empty line inside the log' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.text);
    } catch {
      return { kind: 'malformed', reason: 'not valid JSON (a record cut short or edited by hand)' };
    }
    const shape = auditRecordSchema.safeParse(parsed);
    if (!shape.success) {
      const issue = shape.error.issues[0];
      return { kind: 'malformed', reason: `not an audit record: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}` };
    }
    return this.extend(parsed as Record<string, JsonValue>, shape.data.seq, shape.data.prevHash, shape.data.hash);
  }

  /** Used directly for in-memory records, which need no parsing. */
  extend(record: Readonly<Record<string, JsonValue>>, seq: number, prevHash: string, hash: string): { kind: AuditFaultKind; reason: string } | undefined {
    if (expectedHash(record) !== hash) {
      return { kind: 'hash-mismatch', reason: `the record's content does not match its hash: seq ${seq} was edited` };
    }
    const expectedSeq = this.records + 1;
    if (seq > expectedSeq) {
      return { kind: 'sequence-gap', reason: `expected seq ${expectedSeq}, found ${seq}: records before this line were deleted or moved` };
    }
    if (seq < expectedSeq) {
      return { kind: 'sequence-repeat', reason: `expected seq ${expectedSeq}, found ${seq}: a record was inserted, repeated or moved here` };
    }
    if (prevHash !== this.lastHash) {
      return {
        kind: 'chain-broken',
        reason: `prevHash does not match the hash of the previous record: this record was inserted or replaced`,
      };
    }
    this.records = seq;
    this.lastHash = hash;
    return undefined;
  }
}

/** Verifies a JSON Lines audit log from any byte source (a file, standard input). Stops at the first bad line. */
export async function verifyAuditSource(source: AsyncIterable<Buffer | string>): Promise<DetailedVerdict> {
  const checker = new ChainChecker();
  for await (const line of splitLines(source)) {
    const fault = checker.check(line);
    if (fault !== undefined) {
      return { verdict: { ok: false, records: checker.records, line: line.lineNo, lastHash: checker.lastHash, ...fault }, badLineOffset: line.offset };
    }
  }
  return { verdict: { ok: true, records: checker.records, lastHash: checker.lastHash } };
}

/**
 * Verifies the audit log file at `path`: every record's hash, the seq numbering and the chain. Rejects with the
 * file system's error (ENOENT, EISDIR, EACCES) when the file cannot be read.
 */
export async function verifyAuditLog(path: string): Promise<AuditVerdict> {
  return (await verifyAuditSource(createReadStream(path))).verdict;
}

/** The same checks over records held in memory (MemoryAuditLog). `line` is the 1-based index. */
export function verifyAuditRecords(records: readonly AuditRecord[]): AuditVerdict {
  const checker = new ChainChecker();
  for (const [index, record] of records.entries()) {
    const fault = checker.extend(record as unknown as Record<string, JsonValue>, record.seq, record.prevHash, record.hash);
    if (fault !== undefined) return { ok: false, records: checker.records, line: index + 1, lastHash: checker.lastHash, ...fault };
  }
  return { ok: true, records: checker.records, lastHash: checker.lastHash };
}
