import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileAuditLog, hashRecord, verifyAuditLog, type AuditFaultKind, type JsonValue } from '../../gateway/audit/index.ts';
import { entry, readLines, tempDir, writeLines } from './audit-fixtures.ts';

const tmp = tempDir();
let original: string[] = [];
let counter = 0;
afterAll(() => tmp.cleanup());
beforeAll(async () => {
  const path = tmp.file('original.jsonl');
  const log = await FileAuditLog.open(path);
  for (let i = 1; i <= 5; i++) await log.append(entry(i));
  await log.close();
  original = readLines(path);
});

function line(n: number): string {
  return original[n - 1] ?? '';
}

async function verifyLines(lines: string[], finalNewline = true): Promise<Awaited<ReturnType<typeof verifyAuditLog>>> {
  const path = tmp.file(`tampered-${++counter}.jsonl`);
  writeLines(path, lines, finalNewline);
  return verifyAuditLog(path);
}

function expectFault(verdict: Awaited<ReturnType<typeof verifyAuditLog>>, atLine: number, kind: AuditFaultKind, records: number): void {
  expect(verdict).toMatchObject({ ok: false, line: atLine, kind, records });
}

describe('verifyAuditLog on a tampered log', () => {
  it('accepts the untouched log', async () => {
    expect(await verifyLines(original)).toMatchObject({ ok: true, records: 5 });
  });

  it('accepts an empty log as zero records', async () => {
    const path = tmp.file('empty.jsonl');
    writeFileSync(path, '');
    expect(await verifyAuditLog(path)).toMatchObject({ ok: true, records: 0 });
  });

  it('finds an edited record on its own line', async () => {
    const edited = line(3).replace('"outcome":"answered"', '"outcome":"refused"');
    expect(edited).not.toBe(line(3));
    const verdict = await verifyLines([line(1), line(2), edited, line(4), line(5)]);
    expectFault(verdict, 3, 'hash-mismatch', 2);
    expect(verdict.ok === false && verdict.reason).toMatch(/does not match its hash/);
  });

  it('finds an edited record whose hash was recomputed on the next line, by the chain', async () => {
    const record = JSON.parse(line(3)) as Record<string, JsonValue>;
    const { hash: _hash, ...rest }: Record<string, JsonValue> = { ...record, consumer: 'someone-else' };
    const forged = JSON.stringify({ ...rest, hash: hashRecord(rest) });
    expectFault(await verifyLines([line(1), line(2), forged, line(4), line(5)]), 4, 'chain-broken', 3);
  });

  it('finds a deleted record where the numbering jumps', async () => {
    const verdict = await verifyLines([line(1), line(2), line(4), line(5)]);
    expectFault(verdict, 3, 'sequence-gap', 2);
    expect(verdict.ok === false && verdict.reason).toMatch(/expected seq 3, found 4/);
  });

  it('finds records cut out of the middle of the file', async () => {
    expectFault(await verifyLines([line(1), line(5)]), 2, 'sequence-gap', 1);
  });

  it('finds a deleted first record', async () => {
    expectFault(await verifyLines([line(2), line(3)]), 1, 'sequence-gap', 0);
  });

  it('finds an inserted copy of an earlier record on the inserted line', async () => {
    expectFault(await verifyLines([line(1), line(2), line(3), line(2), line(4), line(5)]), 4, 'sequence-repeat', 3);
  });

  it('finds a forged record inserted with the right number and its own hash, but a made-up prevHash, on its line', async () => {
    const record = JSON.parse(line(3)) as Record<string, JsonValue>;
    const { hash: _hash, ...rest }: Record<string, JsonValue> = { ...record, correlationId: 'forged-000001', prevHash: 'ab'.repeat(32) };
    const forged = JSON.stringify({ ...rest, hash: hashRecord(rest) });
    expectFault(await verifyLines([line(1), line(2), forged, line(3), line(4), line(5)]), 3, 'chain-broken', 2);
  });

  it('finds a forgery that fits the chain perfectly on the next line, where the chain cannot continue', async () => {
    const record = JSON.parse(line(3)) as Record<string, JsonValue>;
    const { hash: _hash, ...rest }: Record<string, JsonValue> = { ...record, correlationId: 'forged-000001' };
    const forged = JSON.stringify({ ...rest, hash: hashRecord(rest) });
    expectFault(await verifyLines([line(1), line(2), forged, line(3), line(4), line(5)]), 4, 'sequence-repeat', 3);
  });

  it('finds swapped records at the first moved line', async () => {
    expectFault(await verifyLines([line(1), line(3), line(2), line(4), line(5)]), 2, 'sequence-gap', 1);
  });

  it('reports a line cut short in the middle of the file as malformed, not as a crash', async () => {
    const cut = line(3).slice(0, 40);
    expectFault(await verifyLines([line(1), line(2), cut, line(4), line(5)]), 3, 'malformed', 2);
  });

  it('reports an empty line and a line that is JSON but not a record as malformed', async () => {
    expectFault(await verifyLines([line(1), '', line(2)]), 2, 'malformed', 1);
    const verdict = await verifyLines([line(1), '{"seq":2}']);
    expectFault(verdict, 2, 'malformed', 1);
    expect(verdict.ok === false && verdict.reason).toMatch(/not an audit record/);
  });

  it('reports a torn last line from a crash distinctly, with the records before it intact', async () => {
    const verdict = await verifyLines([line(1), line(2), line(3).slice(0, 50)], false);
    expectFault(verdict, 3, 'torn-tail', 2);
    expect(verdict.ok === false && verdict.reason).toMatch(/incomplete.*crash/);
    expect(verdict.ok === false && verdict.lastHash).toBe((JSON.parse(line(2)) as { hash: string }).hash);
  });
});
