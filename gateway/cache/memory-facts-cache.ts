/**
 * The embedded cache: one process, bounded both by entry count and by approximate bytes (facts of a large family
 * can be far bigger than a single pension fact, so a count alone would not bound memory).
 */
import { LRUCache } from 'lru-cache';
import type { CacheHit, FactsCache } from '../ports.ts';
import { assertTtls, makeEntry, toHit, type Clock, type StoredEntry } from './cache-entry.ts';

export interface MemoryFactsCacheOptions {
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Milliseconds clock for freshness and expiry; tests pass a fake one. */
  readonly now?: Clock;
}

/** Map bookkeeping per entry (key object, timestamps, list links): a rough constant, so "bytes" stays approximate. */
const ENTRY_OVERHEAD_BYTES = 64;

export class MemoryFactsCache implements FactsCache {
  readonly #now: Clock;
  readonly #lru: LRUCache<string, StoredEntry>;

  constructor(options: MemoryFactsCacheOptions) {
    if (!(Number.isInteger(options.maxEntries) && options.maxEntries > 0)) throw new RangeError('maxEntries must be a positive integer');
    if (!(Number.isInteger(options.maxBytes) && options.maxBytes > 0)) throw new RangeError('maxBytes must be a positive integer');
    this.#now = options.now ?? Date.now;
    const now = this.#now;
    this.#lru = new LRUCache<string, StoredEntry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      // UTF-16 strings in V8 take up to 2 bytes a character; JSON text of facts is mostly Cyrillic, so count 2.
      sizeCalculation: (entry, key) => 2 * (entry.json.length + key.length) + ENTRY_OVERHEAD_BYTES,
      // lru-cache drops an entry once its ttl (fresh + stale window) passes; the same clock keeps tests exact.
      perf: { now },
      ttlAutopurge: false,
      // lru-cache otherwise reuses one clock reading for a millisecond of real time, which a fake clock defeats.
      ttlResolution: 0,
    });
  }

  async get<T>(key: string): Promise<CacheHit<T> | undefined> {
    const entry = this.#lru.get(key);
    return entry === undefined ? undefined : toHit<T>(entry, this.#now());
  }

  async set<T>(key: string, value: T, ttlMs: number, staleTtlMs: number): Promise<void> {
    assertTtls(ttlMs, staleTtlMs);
    const entry = makeEntry(value, ttlMs, this.#now());
    // An entry bigger than maxBytes is not stored at all (lru-cache refuses it); that is the right outcome.
    this.#lru.set(key, entry, { ttl: Math.ceil(ttlMs + staleTtlMs) });
  }

  async delete(key: string): Promise<void> {
    this.#lru.delete(key);
  }

  async close(): Promise<void> {
    this.#lru.clear();
  }

  /** For metrics and tests: entries held and their approximate bytes. */
  get stats(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.#lru.size, bytes: this.#lru.calculatedSize };
  }
}
