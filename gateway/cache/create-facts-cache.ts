/**
 * Chooses the cache from configuration: Redis when a URL is given (instances share it), otherwise the embedded LRU.
 * With Redis, maxEntries/maxBytes do not apply: Redis bounds itself (`maxmemory` with an LRU policy), and the
 * TTL on every key bounds how long anything stays.
 */
import { z } from 'zod';
import { KitError } from '../../core/errors/index.ts';
import type { FactsCache } from '../ports.ts';
import { MemoryFactsCache } from './memory-facts-cache.ts';
import { RedisFactsCache, type CacheErrorHandler } from './redis-facts-cache.ts';

export const factsCacheConfigSchema = z.strictObject({
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, { message: 'redisUrl must start with redis:// or rediss://' })
    .optional(),
  maxEntries: z.number().int().positive().default(10_000),
  maxBytes: z.number().int().positive().default(64 * 1024 * 1024),
  keyPrefix: z.string().default('kit:gateway:'),
});

export type FactsCacheConfig = z.input<typeof factsCacheConfigSchema>;

export function createFactsCache(config: FactsCacheConfig, options: { onError?: CacheErrorHandler } = {}): FactsCache {
  const parsed = factsCacheConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new KitError('ERR_CONFIG_INVALID', `Facts cache configuration: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const { redisUrl, maxEntries, maxBytes, keyPrefix } = parsed.data;
  if (redisUrl !== undefined) {
    return new RedisFactsCache({ url: redisUrl, keyPrefix, ...(options.onError ? { onError: options.onError } : {}) });
  }
  return new MemoryFactsCache({ maxEntries, maxBytes });
}
