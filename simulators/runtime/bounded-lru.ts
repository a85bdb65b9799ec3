/**
 * @module bounded-lru
 * A least-recently-used map bounded by entry count and by an estimate of bytes, for the simulator's hot-path
 * memos (hot-path-memo.ts). A Map keeps insertion order, so re-inserting on a hit makes the first key the least
 * recently used one; that is all the bookkeeping an LRU needs here.
 */

export interface LruLimits {
  readonly maxEntries: number;
  /** Sum of the sizes passed to set(); an entry larger than this on its own is not kept at all. */
  readonly maxBytes: number;
}

interface Slot<V> {
  readonly value: V;
  readonly size: number;
}

export class BoundedLru<K, V> {
  readonly limits: LruLimits;
  readonly #map = new Map<K, Slot<V>>();
  #bytes = 0;

  constructor(limits: LruLimits) {
    this.limits = Object.freeze({ ...limits });
  }

  get(key: K): V | undefined {
    const slot = this.#map.get(key);
    if (slot === undefined) return undefined;
    // Move to the young end; a map of a few thousand keys makes delete + set cheaper than any linked list.
    this.#map.delete(key);
    this.#map.set(key, slot);
    return slot.value;
  }

  /** Stores the value unless it alone exceeds maxBytes, then evicts the oldest entries until both limits hold. */
  set(key: K, value: V, size: number): void {
    const previous = this.#map.get(key);
    if (previous !== undefined) {
      this.#map.delete(key);
      this.#bytes -= previous.size;
    }
    if (size > this.limits.maxBytes || this.limits.maxEntries <= 0) return;
    this.#map.set(key, { value, size });
    this.#bytes += size;
    while (this.#map.size > this.limits.maxEntries || this.#bytes > this.limits.maxBytes) {
      const oldest = this.#map.keys().next();
      if (oldest.done === true) break;
      this.#bytes -= this.#map.get(oldest.value)?.size ?? 0;
      this.#map.delete(oldest.value);
    }
  }

  clear(): void {
    this.#map.clear();
    this.#bytes = 0;
  }

  get size(): number {
    return this.#map.size;
  }

  get bytes(): number {
    return this.#bytes;
  }
}
