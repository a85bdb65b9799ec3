import { describe, expect, it } from 'vitest';
import { createNamedStream, RandomStreams } from '../../simulators/engine/seeded-random.ts';
import { sampleLatency, resolveLatencyModel, latencyConfigSchema } from '../../simulators/engine/latency.ts';

const draws = (next: () => number, n: number): number[] => Array.from({ length: n }, next);

describe('RandomStreams', () => {
  it('gives the same numbers for the same seed and stream name', () => {
    const a = createNamedStream(7, 'latency:fns:GetIncome');
    const b = createNamedStream(7, 'latency:fns:GetIncome');
    expect(draws(() => a.next(), 20)).toEqual(draws(() => b.next(), 20));
  });

  it('keeps one stream independent of draws from another', () => {
    const lone = new RandomStreams('run-1');
    const busy = new RandomStreams('run-1');
    draws(() => busy.stream('fault:other').next(), 500);
    expect(draws(() => busy.stream('latency:sfr:X').next(), 10)).toEqual(draws(() => lone.stream('latency:sfr:X').next(), 10));
  });

  it('draws uniformly in [0, 1)', () => {
    const source = createNamedStream(1, 'u');
    const values = draws(() => source.next(), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});

describe('sampleLatency', () => {
  it('returns the fixed value, stays inside a uniform range, and caps a lognormal tail at maxMs', () => {
    const source = createNamedStream(3, 'lat');
    expect(sampleLatency({ kind: 'fixed', ms: 25 }, source)).toBe(25);
    const uniform = draws(() => sampleLatency({ kind: 'uniform', minMs: 10, maxMs: 20 }, source), 1000);
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...uniform)).toBeLessThanOrEqual(20);
    const lognormal = draws(() => sampleLatency({ kind: 'lognormal', medianMs: 100, sigma: 1, maxMs: 400 }, source), 5000).sort((x, y) => x - y);
    expect(lognormal.at(-1)).toBeLessThanOrEqual(400);
    const median = lognormal[lognormal.length / 2] ?? 0;
    expect(median).toBeGreaterThan(85);
    expect(median).toBeLessThan(115);
  });

  it('resolves the most specific model: operation, then agency, then global default', () => {
    const config = latencyConfigSchema.parse({
      default: { kind: 'fixed', ms: 1 },
      agencies: { fns: { default: { kind: 'fixed', ms: 2 }, operations: { GetIncome: { kind: 'fixed', ms: 3 } } } },
    });
    expect(resolveLatencyModel(config, 'fns', 'GetIncome')).toEqual({ kind: 'fixed', ms: 3 });
    expect(resolveLatencyModel(config, 'fns', 'Other')).toEqual({ kind: 'fixed', ms: 2 });
    expect(resolveLatencyModel(config, 'mvd', 'Other')).toEqual({ kind: 'fixed', ms: 1 });
  });

  it('refuses a uniform range whose minimum exceeds its maximum', () => {
    expect(latencyConfigSchema.safeParse({ default: { kind: 'uniform', minMs: 5, maxMs: 1 } }).success).toBe(false);
  });
});
