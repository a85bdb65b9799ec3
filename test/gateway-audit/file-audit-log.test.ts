import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, FileAuditLog, GENESIS_HASH, hashRecord, MemoryAuditLog, verifyAuditLog, type JsonValue } from '../../gateway/audit/index.ts';
import { entry, readLines, tempDir, writeLines } from './audit-fixtures.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
let counter = 0;
const freshPath = (): string => tmp.file(`audit-${++counter}.jsonl`);

async function writeLog(path: string, count: number): Promise<void> {
  const log = await FileAuditLog.open(path);
  for (let i = 1; i <= count; i++) await log.append(entry(i));
  await log.close();
}

describe('FileAuditLog', () => {
  it('writes one JSON line per record, chained from 64 zeros, with hashes over the canonical form', async () => {
    const path = freshPath();
    await writeLog(path, 3);
    const records = readLines(path).map((line) => JSON.parse(line) as Record<string, JsonValue>);
    expect(records.map((r) => r['seq'])).toEqual([1, 2, 3]);
    expect(records[0]?.['prevHash']).toBe(GENESIS_HASH);
    for (const [i, record] of records.entries()) {
      const { hash, ...rest } = record;
      expect(hash).toBe(hashRecord(rest));
      if (i > 0) expect(record['prevHash']).toBe(records[i - 1]?.['hash']);
      expect(Date.parse(String(record['at']))).not.toBeNaN();
    }
    expect(records[0]).toMatchObject({ consumer: 'decision', outcome: 'answered', subject: { snils: '112-233-445 95' } });
    expect(await verifyAuditLog(path)).toEqual({ ok: true, records: 3, lastHash: records[2]?.['hash'] });
  });

  it('creates the file readable by its owner only, since it keeps identifiers whole', async () => {
    const path = freshPath();
    await writeLog(path, 1);
    expect(statSync(path).mode & 0o077).toBe(0);
  });

  it('hashes the same record the same way whatever order its keys were written in', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('keeps the order of concurrent appends and a valid chain', async () => {
    const path = freshPath();
    const log = await FileAuditLog.open(path);
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(entry(i + 1))));
    await log.close();
    const ids = readLines(path).map((line) => (JSON.parse(line) as { correlationId: string }).correlationId);
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => entry(i + 1).correlationId));
    expect(await verifyAuditLog(path)).toMatchObject({ ok: true, records: 50 });
  });

  it('keeps a valid chain with batched fsync and syncs on close', async () => {
    const path = freshPath();
    const log = await FileAuditLog.open(path, { durability: { fsyncIntervalMs: 10 } });
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(entry(i + 1))));
    await log.close();
    expect(await verifyAuditLog(path)).toMatchObject({ ok: true, records: 20 });
  });

  it('continues the chain of an existing file when reopened', async () => {
    const path = freshPath();
    await writeLog(path, 2);
    const log = await FileAuditLog.open(path);
    expect(log.head.records).toBe(2);
    await log.append(entry(3));
    await log.close();
    const third = JSON.parse(readLines(path)[2] ?? '') as { seq: number; prevHash: string };
    const second = JSON.parse(readLines(path)[1] ?? '') as { hash: string };
    expect(third.seq).toBe(3);
    expect(third.prevHash).toBe(second.hash);
    expect(await verifyAuditLog(path)).toMatchObject({ ok: true, records: 3 });
  });

  it('refuses to continue a broken chain and says which line and why', async () => {
    const path = freshPath();
    await writeLog(path, 3);
    const lines = readLines(path);
    writeLines(path, [lines[0] ?? '', lines[2] ?? '']);
    await expect(FileAuditLog.open(path)).rejects.toThrow(/Refusing to continue the audit log .*line 2: expected seq 2, found 3.*start a new log file/);
  });

  it('refuses a torn last line by default and cuts it off when asked', async () => {
    const path = freshPath();
    await writeLog(path, 2);
    writeFileSync(path, readFileSync(path, 'utf8') + '{"seq":3,"at":"2025-');
    await expect(FileAuditLog.open(path)).rejects.toThrow(/line 3: the last line is incomplete.*onTornTail/);
    const log = await FileAuditLog.open(path, { onTornTail: 'truncate' });
    await log.append(entry(3));
    await log.close();
    expect(await verifyAuditLog(path)).toMatchObject({ ok: true, records: 3 });
  });

  it('refuses a second writer on the same file in one process', async () => {
    const path = freshPath();
    const first = await FileAuditLog.open(path);
    await expect(FileAuditLog.open(path)).rejects.toThrow(/one writer per audit log file/);
    await first.close();
    await (await FileAuditLog.open(path)).close();
  });

  it('refuses appends after close and entries that have no JSON form', async () => {
    const path = freshPath();
    const log = await FileAuditLog.open(path);
    await expect(log.append(entry(1, { subject: { id: 10n } }))).rejects.toThrow(/cannot be written as JSON/);
    await log.append(entry(1));
    await log.close();
    await expect(log.append(entry(2))).rejects.toThrow(/closed/);
    expect(await verifyAuditLog(path)).toMatchObject({ ok: true, records: 1 });
  });
});

describe('MemoryAuditLog', () => {
  it('keeps the same chain as the file log and verifies it', async () => {
    const log = new MemoryAuditLog(() => new Date('2025-01-01T00:00:00Z'));
    await log.append(entry(1));
    await log.append(entry(2, { outcome: 'partial' }));
    expect(log.records.map((r) => [r.seq, r.outcome])).toEqual([[1, 'answered'], [2, 'partial']]);
    expect(log.records[1]?.prevHash).toBe(log.records[0]?.hash);
    expect(log.verify()).toEqual({ ok: true, records: 2, lastHash: log.records[1]?.hash });
  });

  it('writes JSON lines that the file verifier accepts', async () => {
    const log = new MemoryAuditLog();
    for (let i = 1; i <= 3; i++) await log.append(entry(i));
    const path = freshPath();
    writeFileSync(path, log.toJsonLines());
    expect(await verifyAuditLog(path)).toMatchObject({ ok: true, records: 3 });
  });
});
