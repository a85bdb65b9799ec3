import { describe, expect, it } from 'vitest';
import { createCallLimits } from '../../gateway/limits/index.ts';
import { SpacingLimiter } from '../../gateway/limits/spacing-limiter.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the in-process spacing limiter', () => {
  it('starts a call that both limits allow in the same tick, without waiting for a timer', async () => {
    const limits = createCallLimits({ perAgency: { fns: { maxPerSecond: 50 } }, perConsumer: { maxPerSecond: 200 } });
    let started = false;
    const call = limits.schedule({ agency: 'fns', consumer: 'decision' }, async () => void (started = true), 1_000);
    // Bottleneck's local store yielded to timers on every step (~10 ms for two chained limiters); none here.
    expect(started).toBe(true);
    await call;
    await limits.close();
  });

  it('spaces starts by minTime and never runs more than maxConcurrent', async () => {
    const limiter = new SpacingLimiter('agency:fns', 30, 2);
    const starts: number[] = [];
    let running = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 5 }, () => limiter.schedule(async () => {
      starts.push(performance.now());
      peak = Math.max(peak, ++running);
      await sleep(5);
      running -= 1;
    }, () => true)));
    expect(peak).toBeLessThanOrEqual(2);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(29);
  });

  it('drops a job whose caller gave up without spending a start on it', async () => {
    const limiter = new SpacingLimiter('agency:fns', 40);
    const ran: string[] = [];
    const first = limiter.schedule(async () => void ran.push('first'), () => true);
    const abandoned = limiter.schedule(async () => void ran.push('abandoned'), () => false);
    const third = limiter.schedule(async () => void ran.push('third'), () => true);
    const t0 = performance.now();
    await Promise.all([first, abandoned, third]);
    expect(ran).toEqual(['first', 'third']);
    // One spacing (first → third), not two: the abandoned job took no start.
    expect(performance.now() - t0).toBeLessThan(75);
  });

  it('passes a task failure to the caller and frees the slot for the next job', async () => {
    const limiter = new SpacingLimiter('agency:fns', 1, 1);
    await expect(limiter.schedule(async () => { throw new Error('agency failed'); }, () => true)).rejects.toThrow('agency failed');
    await expect(limiter.schedule(() => { throw new Error('thrown synchronously'); }, () => true)).rejects.toThrow('thrown synchronously');
    let ran = false;
    await limiter.schedule(async () => void (ran = true), () => true);
    expect(ran).toBe(true);
  });

  it('rejects waiting jobs on close, lets the running one finish, and refuses new ones', async () => {
    const limiter = new SpacingLimiter('agency:fns', 1_000);
    let finished = false;
    const running = limiter.schedule(async () => { await sleep(20); finished = true; }, () => true);
    const waiting = limiter.schedule(async () => {}, () => true);
    expect(limiter.pendingAhead()).toBe(1);
    await limiter.close();
    await expect(waiting).rejects.toThrow(/closed/);
    await running;
    expect(finished).toBe(true);
    await expect(limiter.schedule(async () => {}, () => true)).rejects.toThrow(/closed/);
  });
});
