/**
 * @module pending-requests
 * Facts requests that outlived the consumer's wait (202): kept in memory by request id until their result has
 * been available for `ttlMs`, then dropped. Only the consumer that asked may read one; to anybody else it does
 * not exist (404, not 403, so ids cannot be probed). In-memory on purpose: a poll goes to the instance that took
 * the request (sticky routing by the poll path); after a restart the consumer simply asks again.
 */
import { randomUUID } from 'node:crypto';

interface Entry<T> {
  readonly consumerId: string;
  readonly createdAt: number;
  result: T | undefined;
  expiresAt: number;
}

export class PendingRequests<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#timer = setInterval(() => this.sweep(), Math.min(ttlMs, 60_000));
    this.#timer.unref();
  }

  /** Registers a running request; `done` fills it in. Until then it expires `ttlMs` after the longest wait. */
  add(consumerId: string, done: Promise<T>, maxRunMs: number): string {
    const id = randomUUID();
    const entry: Entry<T> = { consumerId, createdAt: this.now(), result: undefined, expiresAt: this.now() + maxRunMs + this.ttlMs };
    this.#entries.set(id, entry);
    void done.then((result) => {
      entry.result = result;
      entry.expiresAt = this.now() + this.ttlMs;
    });
    return id;
  }

  get(id: string, consumerId: string): { status: 'pending' } | { status: 'done'; result: T } | undefined {
    const entry = this.#entries.get(id);
    if (entry === undefined || entry.consumerId !== consumerId || entry.expiresAt <= this.now()) return undefined;
    return entry.result === undefined ? { status: 'pending' } : { status: 'done', result: entry.result };
  }

  get size(): number {
    return this.#entries.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(id);
  }

  close(): void {
    clearInterval(this.#timer);
    this.#entries.clear();
  }
}
