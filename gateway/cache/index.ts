/** Facts cache implementations (embedded LRU and shared Redis), the cache key and in-process call coalescing. */
export { MemoryFactsCache, type MemoryFactsCacheOptions } from './memory-facts-cache.ts';
export { RedisFactsCache, type RedisFactsCacheOptions, type CacheErrorHandler } from './redis-facts-cache.ts';
export { createFactsCache, factsCacheConfigSchema, type FactsCacheConfig } from './create-facts-cache.ts';
export { singleFlight, type SingleFlight } from './single-flight.ts';
export { factsCacheKey, type FactsCacheKeyInput, type FactsCacheSubject } from './facts-cache-key.ts';
