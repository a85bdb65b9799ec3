/**
 * Makes the SlotLimiters: in-process spacing (spacing-limiter.ts), or bottleneck shared through Redis. Clustering was checked with ioredis 6.0 (the stack notes had
 * checked 5.x): two limiters with one id share `minTime` spacing through Redis (measured: 15 jobs split over two
 * instances at 5/s started 5, 5, 5 per second) and maxConcurrent. Bottleneck's scripts take `now` from Redis TIME, so
 * the processes' clocks do not matter.
 *
 * All limiters of one CallLimits share one IORedisConnection (two sockets: commands and pub/sub) instead of two
 * sockets per limiter. The connection is built from an ioredis client we create from the URL, because bottleneck
 * would otherwise pass only `clientOptions` to the constructor and could not take a URL.
 */
import Bottleneck from 'bottleneck';
import { Redis } from 'ioredis';
import { minTimeFor, type CallLimit } from './limits-config.ts';
import type { SlotLimiter } from './slot-limiter.ts';
import { SpacingLimiter } from './spacing-limiter.ts';

export interface LimiterFactory {
  /** `slotLeaseMs`: how long a started job may hold a shared slot (a crashed instance's slots come back). */
  create(name: string, limit: CallLimit, slotLeaseMs: number): SlotLimiter;
  close(): Promise<void>;
}

export function localLimiterFactory(): LimiterFactory {
  return {
    // In one process a slot is freed when its job settles, so no lease is needed.
    create: (name, limit) => new SpacingLimiter(name, minTimeFor(limit), limit.maxConcurrent),
    close: async () => {},
  };
}

export function clusteredLimiterFactory(redis: { url: string; id: string }, onError: (error: unknown) => void): LimiterFactory {
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  client.on('error', onError);
  const connection = new Bottleneck.IORedisConnection({ client, Redis });
  connection.on('error', onError);
  return {
    create(name, limit, slotLeaseMs) {
      const limiter = new Bottleneck({
        ...limiterSettings(limit),
        id: `${redis.id}:${name}`,
        datastore: 'ioredis',
        connection,
        // Capacity changes reach waiting limiters on this heartbeat; bottleneck's cluster default is 5 s,
        // too slow to notice a crashed instance's slots or a lost pub/sub message promptly.
        heartbeatInterval: 1_000,
      });
      limiter.on('error', onError);
      // The first instance to start writes the settings into Redis and later ones keep them; write ours again so a
      // changed quota takes effect on deploy (the last instance started wins, and all should agree anyway).
      // (The typings say it returns the limiter; 2.19.5 returns a promise of it, hence Promise.resolve.)
      Promise.resolve(limiter.updateSettings(limiterSettings(limit))).catch(onError);
      return bottleneckSlotLimiter(name, minTimeFor(limit), limiter, slotLeaseMs);
    },
    async close() {
      await connection.disconnect(true).catch(() => client.disconnect());
    },
  };
}

function limiterSettings(limit: CallLimit): Bottleneck.ConstructorOptions {
  return {
    minTime: minTimeFor(limit),
    maxConcurrent: limit.maxConcurrent ?? null,
  };
}

function bottleneckSlotLimiter(name: string, minTimeMs: number, limiter: Bottleneck, slotLeaseMs: number): SlotLimiter {
  const jobOptions: Bottleneck.JobOptions = { expiration: slotLeaseMs };
  return {
    name,
    minTimeMs,
    // Bottleneck cannot drop a queued job, so an abandoned one runs as a no-op (the caller's task checks its state).
    schedule: (task) => limiter.schedule(jobOptions, task),
    pendingAhead() {
      // Received, queued, or registered and waiting out `minTime`: everything not executing yet.
      const counts = limiter.counts();
      return counts.RECEIVED + counts.QUEUED + counts.RUNNING;
    },
    async close() {
      await limiter.stop({ dropWaitingJobs: true, dropErrorMessage: 'closing' }).catch(() => {});
      await limiter.disconnect(true).catch(() => {});
    },
  };
}
