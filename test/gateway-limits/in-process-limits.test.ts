import { afterEach, describe, expect, it } from 'vitest';
import { isKitError } from '../../core/errors/index.ts';
import type { CallLimits } from '../../gateway/ports.ts';
import { createCallLimits, type CallLimitsConfig } from '../../gateway/limits/index.ts';
import { maxStartsInAnySecond, startsPerSecond } from './support.ts';

const opened: CallLimits[] = [];
function limits(config: CallLimitsConfig): CallLimits {
  const made = createCallLimits(config);
  opened.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((l) => l.close()));
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('call limits in one process', () => {
  it('starts no more than the agency rate in any second (5/s: 15 jobs take three seconds)', async () => {
    const l = limits({ perAgency: { fns: { maxPerSecond: 5 } }, perConsumer: { maxPerSecond: 100 } });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 15 }, () => l.schedule({ agency: 'fns', consumer: 'decision' }, async () => void starts.push(Date.now()), 10_000)),
    );
    expect(starts).toHaveLength(15);
    // Spacing is 200 ms, so 15 starts span 2.8 s; a late timer can bunch two starts, so the per-second bound keeps
    // headroom while staying far below the 15 that an unlimited run puts into the first second.
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(2_400);
    expect(startsPerSecond(starts)[0]).toBeLessThanOrEqual(8);
    expect(maxStartsInAnySecond(starts)).toBeLessThanOrEqual(8);
  });

  it('keeps agencies apart: one agency at its quota does not slow another', async () => {
    const l = limits({ perAgency: { fns: { maxPerSecond: 2 }, sfr: { maxPerSecond: 50 } }, perConsumer: { maxPerSecond: 1_000 } });
    const order: string[] = [];
    const slow = Array.from({ length: 4 }, () => l.schedule({ agency: 'fns', consumer: 'c' }, async () => void order.push('fns'), 10_000));
    const fast = Array.from({ length: 4 }, () => l.schedule({ agency: 'sfr', consumer: 'c' }, async () => void order.push('sfr'), 10_000));
    await Promise.all(fast);
    expect(order.filter((a) => a === 'sfr')).toHaveLength(4);
    expect(order.filter((a) => a === 'fns').length).toBeLessThan(4);
    await Promise.all(slow);
  });

  it('lets a light consumer through while a heavy one is held to its own share', async () => {
    const l = limits({ perAgency: { fns: { maxPerSecond: 20 } }, perConsumer: { maxPerSecond: 5 } });
    const order: string[] = [];
    const heavy = Array.from({ length: 20 }, () => l.schedule({ agency: 'fns', consumer: 'heavy' }, async () => void order.push('heavy'), 30_000));
    await sleep(50);
    const light = Array.from({ length: 3 }, () => l.schedule({ agency: 'fns', consumer: 'light' }, async () => void order.push('light'), 30_000));
    await Promise.all(light);
    // Without per-consumer limits the light consumer would queue behind all 20 heavy calls.
    expect(order.filter((c) => c === 'heavy').length).toBeLessThanOrEqual(8);
    await Promise.all(heavy);
    expect(order).toHaveLength(23);
  });

  it('holds concurrency to maxConcurrent', async () => {
    const l = limits({ perAgency: { fns: { maxPerSecond: 1_000, maxConcurrent: 2 } }, perConsumer: { maxPerSecond: 1_000 } });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        l.schedule({ agency: 'fns', consumer: 'c' }, async () => {
          peak = Math.max(peak, ++running);
          await sleep(20);
          running -= 1;
        }, 10_000),
      ),
    );
    expect(peak).toBe(2);
  });

  it('rejects a call that waited longer than maxWait with a retryable rate-limited ERR_AGENCY_UNAVAILABLE', async () => {
    const l = limits({ perAgency: { fns: { maxPerSecond: 1_000, maxConcurrent: 1 } }, perConsumer: { maxPerSecond: 1_000 } });
    let release!: () => void;
    const blocker = l.schedule({ agency: 'fns', consumer: 'c' }, () => new Promise<void>((resolve) => (release = resolve)), 1_000);
    await sleep(20);
    let ran = false;
    const waited = l.schedule({ agency: 'fns', consumer: 'c' }, async () => void (ran = true), 100);
    const error: unknown = await waited.catch((e: unknown) => e);
    expect(isKitError(error, 'ERR_AGENCY_UNAVAILABLE')).toBe(true);
    expect(error).toMatchObject({ retryable: true, details: { reason: 'rate-limited', agency: 'fns', consumer: 'c' } });
    release();
    await blocker;
    await sleep(20);
    expect(ran).toBe(false); // the abandoned job never calls the agency
  });

  it('refuses at once a call whose queue cannot clear within maxWait', async () => {
    const l = limits({ perAgency: { fns: { maxPerSecond: 2 } }, perConsumer: { maxPerSecond: 1_000 } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => l.schedule({ agency: 'fns', consumer: 'c' }, async () => 'ok', 1_200)),
    );
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThanOrEqual(2);
    expect(rejected.length).toBeGreaterThanOrEqual(5);
    for (const o of rejected) expect((o as PromiseRejectedResult).reason).toMatchObject({ code: 'ERR_AGENCY_UNAVAILABLE', details: { reason: 'rate-limited' } });
  });

  it('reports queue depths per limiter and rejects waiting calls on close', async () => {
    const l = createCallLimits({ perAgency: { fns: { maxPerSecond: 1 } }, perConsumer: { maxPerSecond: 1_000 } });
    const calls = Array.from({ length: 4 }, () => l.schedule({ agency: 'fns', consumer: 'c' }, async () => 'ok', 10_000));
    const settled = Promise.allSettled(calls);
    await sleep(30);
    const depths = await l.queueDepths();
    expect(depths['agency:fns']).toBe(3);
    expect(depths['consumer:c']).toBe(0);
    await l.close();
    const outcomes = await settled;
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(3);
    await expect(l.schedule({ agency: 'fns', consumer: 'c' }, async () => 'ok', 100)).rejects.toMatchObject({ details: { reason: 'closing' } });
  });

  it('refuses an agency or consumer without a configured limit, and invalid configuration', async () => {
    const l = limits({ perAgency: { fns: { maxPerSecond: 1 } }, perConsumer: { decision: { maxPerSecond: 1 } } });
    await expect(l.schedule({ agency: 'sfr', consumer: 'decision' }, async () => 1, 100)).rejects.toMatchObject({ code: 'ERR_CONFIG_INVALID' });
    await expect(l.schedule({ agency: 'fns', consumer: 'stranger' }, async () => 1, 100)).rejects.toMatchObject({ code: 'ERR_CONFIG_INVALID' });
    expect(() => createCallLimits({ perAgency: { fns: { maxPerSecond: 0 } }, perConsumer: { maxPerSecond: 1 } })).toThrow(/fns/);
  });
});
