/**
 * The shared cache: several gateway instances read what any of them stored. The Redis TTL covers the fresh time and
 * the stale window together; freshness itself travels with the value (`freshUntil`), so every instance agrees on
 * it without a second key. Freshness is compared with the local clock: instances are NTP-synchronised, and a skew
 * of milliseconds is immaterial against fact TTLs of minutes.
 *
 * A cache must never be the reason a facts request fails: Redis errors are reported to `onError` and then treated
 * as a miss (get) or ignored (set, delete), so an unreachable Redis degrades to "no cache", not to an outage.
 */
import { Redis, type RedisOptions } from 'ioredis';
import type { CacheHit, FactsCache } from '../ports.ts';
import { assertTtls, makeEntry, storedEntrySchema, toHit, type Clock } from './cache-entry.ts';

export type CacheErrorHandler = (error: unknown, operation: 'get' | 'set' | 'delete', key: string) => void;

export interface RedisFactsCacheOptions {
  /** A redis:// URL; the cache then owns its client and quits it on close(). */
  readonly url?: string;
  /** Or an existing client, which close() leaves open (its owner closes it). */
  readonly client?: Redis;
  /** Prepended to every key, so one Redis can serve several deployments or kinds of data. */
  readonly keyPrefix: string;
  /** Fail fast when Redis stalls: a slow cache is worse than a miss. Default 500 ms. */
  readonly commandTimeoutMs?: number;
  readonly onError?: CacheErrorHandler;
  readonly now?: Clock;
}

export class RedisFactsCache implements FactsCache {
  readonly #client: Redis;
  readonly #ownsClient: boolean;
  readonly #prefix: string;
  readonly #onError: CacheErrorHandler;
  readonly #now: Clock;
  #closed = false;

  constructor(options: RedisFactsCacheOptions) {
    if ((options.url === undefined) === (options.client === undefined)) {
      throw new TypeError('RedisFactsCache needs exactly one of url or client');
    }
    const clientOptions: RedisOptions = {
      commandTimeout: options.commandTimeoutMs ?? 500,
      // Retrying a cache read for seconds helps nobody: answer a miss and let the agency call go ahead.
      maxRetriesPerRequest: 1,
    };
    this.#client = options.client ?? new Redis(options.url as string, clientOptions);
    this.#ownsClient = options.client === undefined;
    this.#prefix = options.keyPrefix;
    this.#onError = options.onError ?? (() => {});
    this.#now = options.now ?? Date.now;
    // Without a listener ioredis prints every connection error; the errors reach onError through the commands.
    if (this.#ownsClient) this.#client.on('error', () => {});
  }

  async get<T>(key: string): Promise<CacheHit<T> | undefined> {
    let text: string | null;
    try {
      text = await this.#client.get(this.#prefix + key);
    } catch (error) {
      this.#onError(error, 'get', key);
      return undefined;
    }
    if (text === null) return undefined;
    const parsed = storedEntrySchema.safeParse(safeJson(text));
    if (!parsed.success) {
      // Written by something else (or an incompatible version): a miss, and the next set() overwrites it.
      this.#onError(new Error(`Unreadable cache entry: ${parsed.error.message}`), 'get', key);
      return undefined;
    }
    return toHit<T>(parsed.data, this.#now());
  }

  async set<T>(key: string, value: T, ttlMs: number, staleTtlMs: number): Promise<void> {
    assertTtls(ttlMs, staleTtlMs);
    const entry = makeEntry(value, ttlMs, this.#now());
    try {
      await this.#client.set(this.#prefix + key, JSON.stringify(entry), 'PX', Math.ceil(ttlMs + staleTtlMs));
    } catch (error) {
      this.#onError(error, 'set', key);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.#client.del(this.#prefix + key);
    } catch (error) {
      this.#onError(error, 'delete', key);
    }
  }

  async close(): Promise<void> {
    if (this.#closed || !this.#ownsClient) return;
    this.#closed = true;
    // quit() waits for pending replies; disconnect() is the fallback when Redis is already gone.
    await this.#client.quit().catch(() => this.#client.disconnect());
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
