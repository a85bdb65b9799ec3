import { afterEach, describe, expect, it } from 'vitest';
import { MemoryFactsCache } from '../../gateway/cache/index.ts';

let clock = 1_000_000;
const now = (): number => clock;
const caches: MemoryFactsCache[] = [];
function cache(maxEntries = 100, maxBytes = 1 << 20): MemoryFactsCache {
  const made = new MemoryFactsCache({ maxEntries, maxBytes, now });
  caches.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(caches.splice(0).map((c) => c.close()));
});

describe('the in-memory facts cache', () => {
  it('serves a value as fresh within its ttl, then as stale within the stale window, then not at all', async () => {
    const c = cache();
    await c.set('k', { income: '45000.00' }, 1_000, 5_000);
    const stored = new Date(clock).toISOString();
    expect(await c.get('k')).toEqual({ value: { income: '45000.00' }, fresh: true, storedAt: stored });
    clock += 999;
    expect((await c.get('k'))?.fresh).toBe(true);
    clock += 1;
    expect(await c.get('k')).toEqual({ value: { income: '45000.00' }, fresh: false, storedAt: stored });
    clock += 4_999;
    expect((await c.get('k'))?.fresh).toBe(false);
    clock += 2;
    expect(await c.get('k')).toBeUndefined();
  });

  it('hands out copies, so a caller changing its answer does not change the cache', async () => {
    const c = cache();
    await c.set('k', { list: [1] }, 1_000, 0);
    const first = await c.get<{ list: number[] }>('k');
    first?.value.list.push(2);
    expect((await c.get<{ list: number[] }>('k'))?.value.list).toEqual([1]);
  });

  it('evicts the least recently used entry when the entry count is reached', async () => {
    const c = cache(3);
    for (const key of ['a', 'b', 'c']) await c.set(key, key, 60_000, 0);
    await c.get('a');
    await c.set('d', 'd', 60_000, 0);
    expect(await c.get('b')).toBeUndefined();
    expect((await Promise.all(['a', 'c', 'd'].map((k) => c.get(k)))).every((hit) => hit !== undefined)).toBe(true);
  });

  it('evicts by approximate bytes, and refuses a value bigger than the whole budget', async () => {
    const c = cache(1_000, 4_000);
    const kilobyteish = 'ж'.repeat(500); // ~1 KB as counted (2 bytes a character) plus overhead
    for (let i = 0; i < 6; i++) await c.set(`k${i}`, kilobyteish, 60_000, 0);
    expect(c.stats.bytes).toBeLessThanOrEqual(4_000);
    expect(c.stats.entries).toBeLessThan(6);
    expect(await c.get('k0')).toBeUndefined();
    expect(await c.get('k5')).toBeDefined();
    await c.set('huge', 'x'.repeat(5_000), 60_000, 0);
    expect(await c.get('huge')).toBeUndefined();
  });

  it('deletes an entry and rejects values that are not JSON', async () => {
    const c = cache();
    await c.set('k', 1, 1_000, 0);
    await c.delete('k');
    expect(await c.get('k')).toBeUndefined();
    await expect(c.set('u', undefined, 1_000, 0)).rejects.toThrow(/JSON/);
    await expect(c.set('t', 1, 0, 0)).rejects.toThrow(RangeError);
  });
});
