import type { AuditEntryInput, AuditLog } from '../ports.ts';
import { GENESIS_HASH, normalizeEntry, sealRecord, type AuditRecord } from './audit-record.ts';
import { verifyAuditRecords, type AuditVerdict } from './verify-audit-log.ts';

/**
 * The audit log in memory, for tests of the pipeline: the same records and chain as the file log, readable as
 * `records`. Sequencing is synchronous, so records are in the order append() was called.
 */
export class MemoryAuditLog implements AuditLog {
  private readonly list: AuditRecord[] = [];
  private closed = false;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  get records(): readonly AuditRecord[] {
    return this.list;
  }

  async append(entry: AuditEntryInput): Promise<void> {
    if (this.closed) throw new Error('The audit log is closed');
    const last = this.list[this.list.length - 1];
    this.list.push(sealRecord(normalizeEntry(entry), this.list.length + 1, this.clock().toISOString(), last?.hash ?? GENESIS_HASH));
  }

  verify(): AuditVerdict {
    return verifyAuditRecords(this.list);
  }

  /** The records as the file log would write them. */
  toJsonLines(): string {
    return this.list.map((record) => JSON.stringify(record) + '\n').join('');
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
