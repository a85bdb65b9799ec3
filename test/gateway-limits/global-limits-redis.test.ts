import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCallLimits } from '../../gateway/limits/index.ts';
import { describeWithRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { maxStartsInAnySecond, startsPerSecond } from './support.ts';

const WORKER = fileURLToPath(new URL('./limits-worker.ts', import.meta.url));

interface Worker {
  ready: Promise<void>;
  go(): void;
  starts: Promise<number[]>;
}

/** A child process running limits-worker.ts; resolves with the start times it prints. */
function worker(url: string, id: string, jobs: number, rate: number): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url, id, String(jobs), String(rate)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const starts = new Promise<number[]>((resolve, reject) => {
    let result: number[] | undefined;
    lines.on('line', (line) => {
      if (line === 'ready') markReady();
      else result = JSON.parse(line) as number[];
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`worker exited with ${code}`))));
  });
  return { ready, go: () => child.stdin.end('go\n'), starts };
}

describeWithRedisServer('call limits shared through Redis', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('two gateway processes with one id never exceed the agency rate together', { timeout: 30_000 }, async () => {
    // 10/s globally; each process alone would start its 15 jobs within about 1.5 s, both together at 20/s.
    const workers = [worker(server.url, 'gw-test', 15, 10), worker(server.url, 'gw-test', 15, 10)];
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.go();
    const [a, b] = await Promise.all(workers.map((w) => w.starts));
    const all = [...(a ?? []), ...(b ?? [])];
    expect(all).toHaveLength(30);
    // Start times are taken in the worker processes. Redis spaces the grants, but a worker starved of CPU fires
    // its granted timers late and then together, so per-second counts are only a loose sanity bound here. What
    // starvation cannot fake is the span: 30 grants at a global 10/s need 2.9 s, while two unshared 10/s limiters
    // would be done in about 1.4 s.
    expect(Math.max(...all) - Math.min(...all)).toBeGreaterThanOrEqual(2_000);
    for (const count of startsPerSecond(all)) expect(count).toBeLessThanOrEqual(17);
    // Both really ran concurrently: their start times interleave rather than one after the other.
    expect(Math.min(...(a ?? []))).toBeLessThan(Math.max(...(b ?? [])));
    expect(Math.min(...(b ?? []))).toBeLessThan(Math.max(...(a ?? [])));
  });

  it('two limiter sets in one process, each with its own connection, share the limit and keep state in Redis', async () => {
    const config = { perAgency: { fns: { maxPerSecond: 5 } }, perConsumer: { maxPerSecond: 1_000 }, redis: { url: server.url, id: 'gw-same' } };
    const sets = [createCallLimits(config), createCallLimits(config)];
    const inspector = new Redis(server.url);
    try {
      const starts: number[] = [];
      await Promise.all(
        sets.flatMap((set) =>
          Array.from({ length: 6 }, () => set.schedule({ agency: 'fns', consumer: 'decision' }, async () => void starts.push(Date.now()), 10_000)),
        ),
      );
      expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(1_800);
      expect(maxStartsInAnySecond(starts)).toBeLessThanOrEqual(8);
      expect(await inspector.hget('b_gw-same:agency:fns_settings', 'minTime')).toBe('200');
      expect(Number(await inspector.hget('b_gw-same:agency:fns_settings', 'done'))).toBe(12);
    } finally {
      await Promise.all(sets.map((s) => s.close()));
      await inspector.quit();
    }
  });

  it('a restarted gateway with a changed quota applies it to the shared limiter', async () => {
    const base = { perConsumer: { maxPerSecond: 1_000 }, redis: { url: server.url, id: 'gw-change' } };
    const inspector = new Redis(server.url);
    try {
      for (const maxPerSecond of [5, 20]) {
        const set = createCallLimits({ ...base, perAgency: { fns: { maxPerSecond } } });
        await set.schedule({ agency: 'fns', consumer: 'c' }, async () => 1, 5_000);
        await set.close();
      }
      expect(await inspector.hget('b_gw-change:agency:fns_settings', 'minTime')).toBe('50');
    } finally {
      await inspector.quit();
    }
  });
});
