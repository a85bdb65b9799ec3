import { createReadStream } from 'node:fs';
import { open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { AuditEntryInput, AuditLog } from '../ports.ts';
import { GENESIS_HASH, normalizeEntry, sealRecord } from './audit-record.ts';
import type { JsonValue } from './canonical-json.ts';
import { verifyAuditSource } from './verify-audit-log.ts';

/**
 * When a record is on disk for good.
 * - `'fsync-each'` (default): append() resolves only after the record was written and fsync'ed. Appends that
 *   arrive while a write is in flight are written and fsync'ed together (group commit), so every resolved append
 *   is durable while a busy gateway still pays one fsync per batch, not per record.
 * - `{ fsyncIntervalMs }`: append() resolves once the record is written to the file (it survives a crash of the
 *   process); fsync runs at most every interval and on close. A power loss or kernel crash may lose the last
 *   interval's records, or leave the last one torn.
 */
export type AuditDurability = 'fsync-each' | { readonly fsyncIntervalMs: number };

export interface FileAuditLogOptions {
  readonly durability?: AuditDurability;
  /**
   * What to do with an incomplete last line found on open (a crash mid-write). `'refuse'` (default) fails to
   * open; `'truncate'` cuts it off and continues: under 'fsync-each' its append() never resolved, so no caller was
   * told it was recorded.
   */
  readonly onTornTail?: 'refuse' | 'truncate';
  readonly clock?: () => Date;
}

/** The log cannot be opened or written; the message says why and what to do. */
export class AuditLogError extends Error {
  override readonly name = 'AuditLogError';
}

interface Pending {
  readonly entry: Record<string, JsonValue>;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * An append-only, hash-chained audit log in a JSON Lines file (see audit-record.ts for the record format).
 * One FileAuditLog is the only writer of its file: appends are sequenced in call order by a single drain loop,
 * and a second FileAuditLog on the same path in this process is refused. Several gateway processes must each
 * write their own file (e.g. one per instance id); two writers on one file would fork the chain.
 */
export class FileAuditLog implements AuditLog {
  /** Paths open for writing in this process. */
  private static readonly openPaths = new Set<string>();

  private pending: Pending[] = [];
  private draining = false;
  private idleWaiters: (() => void)[] = [];
  private failure: Error | undefined;
  private closed = false;
  private dirty = false;
  private readonly timer: NodeJS.Timeout | undefined;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private seq: number,
    private lastHash: string,
    private readonly durability: AuditDurability,
    private readonly clock: () => Date,
  ) {
    if (durability !== 'fsync-each') {
      this.timer = setInterval(() => void this.syncIfDirty(), durability.fsyncIntervalMs);
      // The timer must not keep a finished process alive; close() syncs the rest.
      this.timer.unref();
    }
  }

  /**
   * Opens (or creates, mode 0600: the log keeps identifiers whole) the log at `path`. An existing file is verified
   * from its first line and the chain continues from its last record; a file that does not verify is refused.
   */
  static async open(path: string, options: FileAuditLogOptions = {}): Promise<FileAuditLog> {
    const absolute = resolve(path);
    if (FileAuditLog.openPaths.has(absolute)) {
      throw new AuditLogError(`${absolute} is already open for writing in this process: one writer per audit log file`);
    }
    FileAuditLog.openPaths.add(absolute);
    try {
      const head = await readHead(absolute, options.onTornTail ?? 'refuse');
      const handle = await open(absolute, 'a', 0o600);
      if (head.created) await syncDirectory(dirname(absolute));
      return new FileAuditLog(absolute, handle, head.records, head.lastHash, options.durability ?? 'fsync-each', options.clock ?? (() => new Date()));
    } catch (error) {
      FileAuditLog.openPaths.delete(absolute);
      throw error;
    }
  }

  /** Records in the chain so far and the last one's hash: worth noting elsewhere to detect a cut-off tail later. */
  get head(): { readonly records: number; readonly lastHash: string } {
    return { records: this.seq, lastHash: this.lastHash };
  }

  append(entry: AuditEntryInput): Promise<void> {
    if (this.closed) return Promise.reject(new AuditLogError('The audit log is closed'));
    if (this.failure !== undefined) return Promise.reject(this.failure);
    let normalized: Record<string, JsonValue>;
    try {
      normalized = normalizeEntry(entry);
    } catch (error) {
      return Promise.reject(new AuditLogError(`The audit entry cannot be written as JSON: ${(error as Error).message}`));
    }
    return new Promise<void>((resolvePromise, rejectPromise) => {
      this.pending.push({ entry: normalized, resolve: resolvePromise, reject: rejectPromise });
      if (!this.draining) void this.drain();
    });
  }

  /** Waits for appends already made, syncs, and releases the file. Appends after close are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.draining) await new Promise<void>((done) => this.idleWaiters.push(done));
    if (this.timer !== undefined) clearInterval(this.timer);
    try {
      if (this.failure === undefined) await this.syncIfDirty();
    } finally {
      await this.handle.close();
      FileAuditLog.openPaths.delete(this.path);
    }
  }

  /** The single writer: takes everything pending, chains it, writes it in one go, and settles the batch. */
  private async drain(): Promise<void> {
    this.draining = true;
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      let seq = this.seq;
      let lastHash = this.lastHash;
      const lines: string[] = [];
      for (const item of batch) {
        const record = sealRecord(item.entry, ++seq, this.clock().toISOString(), lastHash);
        lastHash = record.hash;
        lines.push(JSON.stringify(record) + '\n');
      }
      try {
        // appendFile loops until every byte is written; the file was opened O_APPEND.
        await this.handle.appendFile(lines.join(''), 'utf8');
        if (this.durability === 'fsync-each') await this.handle.sync();
        else this.dirty = true;
        this.seq = seq;
        this.lastHash = lastHash;
        for (const item of batch) item.resolve();
      } catch (error) {
        // Part of the batch may be on disk: the chain head is unknown, so this log stops taking records.
        this.failure = new AuditLogError(
          `Writing ${this.path} failed (${(error as Error).message}); the log refuses further records: run ` +
            '`agency-kit audit verify` on it and reopen (a torn last line can be cut with onTornTail: "truncate")',
        );
        for (const item of [...batch, ...this.pending]) item.reject(this.failure);
        this.pending = [];
      }
    }
    this.draining = false;
    for (const done of this.idleWaiters.splice(0)) done();
  }

  private async syncIfDirty(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    await this.handle.sync();
  }
}

async function readHead(path: string, onTornTail: 'refuse' | 'truncate'): Promise<{ records: number; lastHash: string; created: boolean }> {
  const exists = await stat(path).then(
    (info) => {
      if (!info.isFile()) throw new AuditLogError(`${path} is not a regular file`);
      return true;
    },
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
  if (!exists) return { records: 0, lastHash: GENESIS_HASH, created: true };
  const { verdict, badLineOffset } = await verifyAuditSource(createReadStream(path));
  if (verdict.ok) return { records: verdict.records, lastHash: verdict.lastHash, created: false };
  if (verdict.kind === 'torn-tail' && onTornTail === 'truncate' && badLineOffset !== undefined) {
    await truncate(path, badLineOffset);
    return { records: verdict.records, lastHash: verdict.lastHash, created: false };
  }
  const hint =
    verdict.kind === 'torn-tail'
      ? 'the last record was cut short by a crash; open with onTornTail: "truncate" to drop it and continue'
      : 'the chain cannot be continued: keep this file as evidence and start a new log file';
  throw new AuditLogError(`Refusing to continue the audit log ${path}: line ${verdict.line}: ${verdict.reason}; ${hint}`);
}

/** Makes a new file's directory entry durable too; not every platform can fsync a directory, which is harmless. */
async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: Windows and some file systems refuse to open or sync directories.
  }
}
