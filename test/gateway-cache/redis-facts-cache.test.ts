import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RedisFactsCache, createFactsCache, factsCacheKey } from '../../gateway/cache/index.ts';
import { describeWithRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';

describeWithRedisServer('the Redis facts cache', () => {
  let server: RedisServer;
  let inspector: Redis;
  let clock = 5_000_000;
  const now = (): number => clock;
  const opened: RedisFactsCache[] = [];
  const open = (prefix = 'test:'): RedisFactsCache => {
    const cache = new RedisFactsCache({ url: server.url, keyPrefix: prefix, now });
    opened.push(cache);
    return cache;
  };

  beforeAll(async () => {
    server = await startRedisServer();
    inspector = new Redis(server.url);
  });
  afterAll(async () => {
    await Promise.all(opened.map((c) => c.close()));
    await inspector?.quit();
    await server?.stop();
  });

  it('is shared by two instances with their own connections: what one stores, the other reads', async () => {
    const instanceA = open();
    const instanceB = open();
    const key = factsCacheKey({ agency: 'sfr', operation: 'GetPension', subject: { snils: '112-233-445 95' }, asOf: '2026-01-01' });
    await instanceA.set(key, { pension: '23000.50' }, 60_000, 600_000);
    expect(await instanceB.get(key)).toEqual({ value: { pension: '23000.50' }, fresh: true, storedAt: new Date(clock).toISOString() });
    await instanceB.delete(key);
    expect(await instanceA.get(key)).toBeUndefined();
  });

  it('keeps a value past its ttl for the stale window, and the Redis TTL is ttl plus the stale window', async () => {
    const [writer, reader] = [open(), open()];
    await writer.set('stale-if-error', { answer: 1 }, 60_000, 600_000);
    const pttl = await inspector.pttl('test:stale-if-error');
    expect(pttl).toBeGreaterThan(650_000);
    expect(pttl).toBeLessThanOrEqual(660_000);
    clock += 60_000;
    expect(await reader.get('stale-if-error')).toMatchObject({ value: { answer: 1 }, fresh: false });
  });

  it('drops the value when the Redis TTL runs out', async () => {
    const cache = open();
    await cache.set('short', 'x', 20, 30);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await cache.get('short')).toBeUndefined();
  });

  it('puts the prefix on its keys and no SNILS anywhere in Redis keys', async () => {
    const cache = open('kit:gw:');
    await cache.set(factsCacheKey({ agency: 'fns', operation: 'GetIncome', subject: { snils: '11223344595' } }), 1, 60_000, 0);
    const keys = await inspector.keys('kit:gw:*');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^kit:gw:facts:v1:fns:GetIncome:[0-9a-f]{64}$/);
  });

  it('treats an unreadable entry as a miss and reports it', async () => {
    const errors: unknown[] = [];
    const cache = new RedisFactsCache({ url: server.url, keyPrefix: 'test:', onError: (e) => errors.push(e) });
    opened.push(cache);
    await inspector.set('test:garbage', '{"not":"an entry"}');
    expect(await cache.get('garbage')).toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('is what createFactsCache returns when a Redis URL is configured', async () => {
    const cache = createFactsCache({ redisUrl: server.url, maxEntries: 10, maxBytes: 10_000, keyPrefix: 'made:' });
    try {
      await cache.set('k', 'v', 60_000, 0);
      expect(await inspector.exists('made:k')).toBe(1);
    } finally {
      await cache.close();
    }
  });
});

describeWithRedisServer('the Redis facts cache when Redis is gone', () => {
  it('answers a miss and swallows writes instead of failing the facts request', async () => {
    const server = await startRedisServer();
    const errors: string[] = [];
    const cache = new RedisFactsCache({ url: server.url, keyPrefix: 'x:', commandTimeoutMs: 200, onError: (_e, op) => errors.push(op) });
    try {
      await cache.set('k', 1, 60_000, 0);
      await server.stop();
      expect(await cache.get('k')).toBeUndefined();
      await expect(cache.set('k', 2, 60_000, 0)).resolves.toBeUndefined();
      expect(errors).toEqual(['get', 'set']);
    } finally {
      await cache.close();
      await server.stop();
    }
  });
});
