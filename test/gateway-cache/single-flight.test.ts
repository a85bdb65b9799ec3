import { describe, expect, it } from 'vitest';
import { singleFlight } from '../../gateway/cache/index.ts';

describe('single flight', () => {
  it('coalesces ten concurrent identical calls into one call whose result all ten receive', async () => {
    const flight = singleFlight();
    let calls = 0;
    let release!: (value: string) => void;
    const fn = (): Promise<string> => {
      calls += 1;
      return new Promise((resolve) => (release = resolve));
    };
    const results = Array.from({ length: 10 }, () => flight.coalesce('fns:subject', fn));
    await Promise.resolve();
    expect(flight.inFlight).toBe(1);
    release('answer');
    expect(await Promise.all(results)).toEqual(Array(10).fill('answer'));
    expect(calls).toBe(1);
    expect(flight.inFlight).toBe(0);
  });

  it('gives the one error to every concurrent caller and does not keep it for the next call', async () => {
    const flight = singleFlight();
    let calls = 0;
    const failing = async (): Promise<string> => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error('agency down');
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => flight.coalesce('k', failing)));
    expect(outcomes.every((o) => o.status === 'rejected' && (o.reason as Error).message === 'agency down')).toBe(true);
    expect(calls).toBe(1);
    expect(flight.inFlight).toBe(0);
    expect(await flight.coalesce('k', async () => 'recovered')).toBe('recovered');
  });

  it('keeps different keys apart and turns a synchronous throw into a rejection', async () => {
    const flight = singleFlight();
    const [a, b] = await Promise.all([flight.coalesce('a', async () => 1), flight.coalesce('b', async () => 2)]);
    expect([a, b]).toEqual([1, 2]);
    await expect(
      flight.coalesce('s', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(flight.inFlight).toBe(0);
  });
});
