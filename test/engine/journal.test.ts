import { describe, expect, it } from 'vitest';
import { Journal, type JournalInput } from '../../simulators/engine/journal.ts';

const entry = (i: number, overrides: Partial<JournalInput> = {}): JournalInput => ({
  time: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)),
  agency: i % 2 === 0 ? 'fns' : 'sfr',
  operation: 'Op',
  messageId: `m-${i}`,
  request: `<request n="${i}"/>`,
  response: `<response n="${i}">${'x'.repeat(100)}</response>`,
  status: 200,
  latencyMs: 5,
  ...overrides,
});

describe('Journal', () => {
  it('holds its count and byte bounds over 100k entries', () => {
    const journal = new Journal({ maxEntries: 500, maxBytes: 64 * 1024 });
    for (let i = 0; i < 100_000; i += 1) {
      journal.append(entry(i));
      if (i % 9973 === 0) {
        const s = journal.stats();
        expect(s.count).toBeLessThanOrEqual(500);
        expect(s.bytes).toBeLessThanOrEqual(64 * 1024);
      }
    }
    const stats = journal.stats();
    expect(stats.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(stats.count).toBeLessThanOrEqual(500);
    expect(stats.count + stats.evicted).toBe(100_000);
    expect(journal.query({ limit: 1 })[0]?.messageId).toBe('m-99999');
  });

  it('evicts the oldest entry first when the count bound is reached', () => {
    const journal = new Journal({ maxEntries: 3, maxBytes: 1 << 20 });
    const ids = [0, 1, 2, 3].map((i) => journal.append(entry(i)).id);
    expect(journal.get(ids[0] ?? '')).toBeUndefined();
    expect(journal.query().map((e) => e.messageId)).toEqual(['m-3', 'm-2', 'm-1']);
    expect(journal.stats()).toMatchObject({ count: 3, evicted: 1 });
  });

  it('cuts a body above the per-entry cap and marks it', () => {
    const journal = new Journal({ maxEntries: 10, maxBytes: 1 << 20, maxBodyBytes: 16 });
    const stored = journal.append(entry(1, { response: 'y'.repeat(1000) }));
    expect(stored.response).toBe('y'.repeat(16));
    expect(stored.responseTruncated).toBe(true);
    expect(stored.requestTruncated).toBe(false);
  });

  it('filters by messageId, agency, persona and time range, newest first with a limit', () => {
    const journal = new Journal({ maxEntries: 100, maxBytes: 1 << 20 });
    for (let i = 0; i < 10; i += 1) journal.append(entry(i, { personaId: i < 5 ? 'a' : 'b' }));
    expect(journal.query({ messageId: 'm-4' }).map((e) => e.messageId)).toEqual(['m-4']);
    expect(journal.query({ agency: 'sfr', limit: 2 }).map((e) => e.messageId)).toEqual(['m-9', 'm-7']);
    expect(journal.query({ personaId: 'a', agency: 'fns' }).map((e) => e.messageId)).toEqual(['m-4', 'm-2', 'm-0']);
    const since = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 3));
    const until = new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 5));
    expect(journal.query({ since, until }).map((e) => e.messageId)).toEqual(['m-5', 'm-4', 'm-3']);
  });
});
