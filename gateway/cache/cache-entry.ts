/**
 * What both caches store next to a value: when it was stored and until when it is fresh. Kept as epoch
 * milliseconds so freshness is one comparison; `storedAt` becomes ISO only when handed out.
 */
import { z } from 'zod';
import type { CacheHit } from '../ports.ts';

export interface StoredEntry {
  /** The value as JSON text: both caches hand out a parsed copy, so callers never share (or mutate) a cached object. */
  readonly json: string;
  readonly storedAt: number;
  readonly freshUntil: number;
}

/** The Redis wire form; checked on read because another instance (or version) wrote it. */
export const storedEntrySchema = z.strictObject({
  json: z.string(),
  storedAt: z.number().int().nonnegative(),
  freshUntil: z.number().int().nonnegative(),
});

export type Clock = () => number;

export function assertTtls(ttlMs: number, staleTtlMs: number): void {
  if (!(Number.isFinite(ttlMs) && ttlMs > 0)) throw new RangeError(`ttlMs must be a positive number, got ${ttlMs}`);
  if (!(Number.isFinite(staleTtlMs) && staleTtlMs >= 0)) {
    throw new RangeError(`staleTtlMs must be zero or positive, got ${staleTtlMs}`);
  }
}

export function makeEntry(value: unknown, ttlMs: number, now: number): StoredEntry {
  const json = JSON.stringify(value);
  // JSON.stringify(undefined) is undefined: a cached "nothing" would read back as a miss, so refuse it loudly.
  if (json === undefined) throw new TypeError('Only JSON-serialisable values can be cached');
  return { json, storedAt: now, freshUntil: now + Math.ceil(ttlMs) };
}

export function toHit<T>(entry: StoredEntry, now: number): CacheHit<T> {
  return {
    value: JSON.parse(entry.json) as T,
    fresh: now < entry.freshUntil,
    storedAt: new Date(entry.storedAt).toISOString(),
  };
}
