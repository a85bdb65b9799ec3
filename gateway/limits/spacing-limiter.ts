/**
 * In-process limiter: even spacing between starts plus a concurrency cap, and nothing else. It replaced bottleneck
 * for the local case because bottleneck's local datastore yields to a timer on every step of a job (register,
 * submit, free): two chained limiters added about 10 ms to every agency call even far below the rate (measured:
 * an empty job through two chained limiters at 100,000/s took 9–10.6 ms). Here a job that the limit allows starts
 * in the same tick, and a timer is armed only when the next start really has to wait.
 */
import type { SlotLimiter } from './slot-limiter.ts';

interface Waiting {
  readonly task: () => Promise<void>;
  readonly stillWanted: () => boolean;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class LimiterClosedError extends Error {
  override readonly name = 'LimiterClosedError';
}

export class SpacingLimiter implements SlotLimiter {
  readonly #queue: Waiting[] = [];
  #running = 0;
  /** performance.now() before which no job may start (the last start plus minTimeMs). */
  #nextStartAt = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    readonly name: string,
    readonly minTimeMs: number,
    private readonly maxConcurrent: number = Number.POSITIVE_INFINITY,
  ) {}

  schedule(task: () => Promise<void>, stillWanted: () => boolean): Promise<void> {
    if (this.#closed) return Promise.reject(new LimiterClosedError(`${this.name} is closed`));
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ task, stillWanted, resolve, reject });
      this.#pump();
    });
  }

  pendingAhead(): number {
    return this.#queue.length;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const job of this.#queue.splice(0)) job.reject(new LimiterClosedError(`${this.name} closed while the job waited`));
  }

  #pump(): void {
    while (this.#queue.length > 0 && this.#running < this.maxConcurrent) {
      const now = performance.now();
      if (now < this.#nextStartAt) {
        this.#arm(this.#nextStartAt - now);
        return;
      }
      const job = this.#queue.shift()!;
      // A caller that gave up (waited too long) costs neither a start nor a slot.
      if (!job.stillWanted()) {
        job.resolve();
        continue;
      }
      this.#running += 1;
      this.#nextStartAt = now + this.minTimeMs;
      let run: Promise<void>;
      try {
        run = job.task();
      } catch (error) {
        run = Promise.reject(error);
      }
      run.then(job.resolve, job.reject).finally(() => {
        this.#running -= 1;
        if (!this.#closed) this.#pump();
      });
    }
  }

  #arm(delayMs: number): void {
    if (this.#timer !== undefined || this.#closed) return;
    // Timers fire on whole milliseconds of the loop clock; a timer that comes a fraction early re-arms for the rest.
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pump();
    }, Math.max(1, Math.ceil(delayMs)));
  }
}
