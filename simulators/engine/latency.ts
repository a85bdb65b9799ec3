/**
 * @module latency
 * Response-time models per agency and per operation (WireMock's fixed / uniform / lognormal delay distributions).
 * Sampling takes the random source as an argument, so the caller decides which named stream pays for the draw.
 */
import { z } from 'zod';
import { nextStandardNormal, type RandomSource } from './seeded-random.ts';
import { SIMULATED_AGENCIES } from './persona-schema.ts';

const milliseconds = z.number().int().min(0).max(600_000);

export const latencyModelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), ms: milliseconds }),
  z
    .strictObject({ kind: z.literal('uniform'), minMs: milliseconds, maxMs: milliseconds })
    .refine((m) => m.minMs <= m.maxMs, { message: 'minMs must not exceed maxMs', path: ['maxMs'] }),
  z.strictObject({
    kind: z.literal('lognormal'),
    medianMs: z.number().min(0).max(600_000),
    sigma: z.number().min(0).max(5),
    /** Caps the long tail, as WireMock's maxValue does; without it a sigma of 1 yields rare multi-second waits. */
    maxMs: milliseconds.optional(),
  }),
]);
export type LatencyModel = z.infer<typeof latencyModelSchema>;

const agencyLatencySchema = z.strictObject({
  default: latencyModelSchema.optional(),
  /** Keys are operation names as the agency simulator reports them (e.g. "GetIncome"). */
  operations: z.record(z.string().min(1), latencyModelSchema).default({}),
});

/** Most specific wins: agency+operation, then agency default, then the global default, then no delay. */
export const latencyConfigSchema = z.strictObject({
  default: latencyModelSchema.optional(),
  agencies: z.partialRecord(z.enum(SIMULATED_AGENCIES), agencyLatencySchema).default({}),
});
export type LatencyConfig = z.infer<typeof latencyConfigSchema>;

export const NO_LATENCY: LatencyModel = Object.freeze({ kind: 'fixed', ms: 0 });

export function resolveLatencyModel(config: LatencyConfig, agency: string, operation: string): LatencyModel {
  const perAgency = (config.agencies as Record<string, z.infer<typeof agencyLatencySchema> | undefined>)[agency];
  return perAgency?.operations[operation] ?? perAgency?.default ?? config.default ?? NO_LATENCY;
}

/** Whole milliseconds, never negative. */
export function sampleLatency(model: LatencyModel, random: RandomSource): number {
  switch (model.kind) {
    case 'fixed':
      return model.ms;
    case 'uniform':
      return Math.round(model.minMs + random.next() * (model.maxMs - model.minMs));
    case 'lognormal': {
      const value = model.medianMs * Math.exp(model.sigma * nextStandardNormal(random));
      return Math.max(0, Math.round(model.maxMs === undefined ? value : Math.min(value, model.maxMs)));
    }
  }
}
