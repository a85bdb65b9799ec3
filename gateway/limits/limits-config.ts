/**
 * Call limits configuration. A rate is turned into bottleneck's `minTime` (even spacing), not into a refilled
 * reservoir: spacing never lets more than ceil(rate) calls start in any one-second window, while a reservoir
 * refilled every second allows twice the rate across a refill boundary — and in clustering mode the refill only
 * happens on a heartbeat (measured: 5 s late with the default heartbeat).
 */
import { z } from 'zod';
import { agencyCodeSchema } from '../../core/facts/index.ts';

export const callLimitSchema = z.strictObject({
  maxPerSecond: z.number().positive(),
  maxConcurrent: z.number().int().positive().optional(),
});

export type CallLimit = z.infer<typeof callLimitSchema>;

/** The key of the fallback limit in the per-consumer map, for consumers without their own entry. */
export const ANY_CONSUMER = '*';

export const callLimitsConfigSchema = z.strictObject({
  perAgency: z.partialRecord(agencyCodeSchema, callLimitSchema),
  /** One limit every consumer gets separately, or limits per consumer name (with `"*"` as the fallback). */
  perConsumer: z.union([callLimitSchema, z.record(z.string().min(1), callLimitSchema)]),
  /** With Redis the limits are global: every instance with the same `id` shares them. */
  redis: z.strictObject({ url: z.string().regex(/^rediss?:\/\//), id: z.string().min(1) }).optional(),
  /**
   * How long a started call may hold its slot before the limiter frees it anyway. Only a safety net for clustering,
   * where a crashed process would otherwise hold its `maxConcurrent` slots in Redis forever; stage timeouts in the
   * pipeline are far shorter.
   */
  slotLeaseMs: z.number().int().positive().default(300_000),
});

export type CallLimitsConfig = z.input<typeof callLimitsConfigSchema>;
export type ParsedCallLimitsConfig = z.output<typeof callLimitsConfigSchema>;

export function isSingleLimit(value: ParsedCallLimitsConfig['perConsumer']): value is CallLimit {
  return typeof (value as { maxPerSecond?: unknown }).maxPerSecond === 'number';
}

/** Milliseconds between starts: rounded up so the spacing never allows more than the rate. */
export function minTimeFor(limit: CallLimit): number {
  return Math.ceil(1000 / limit.maxPerSecond);
}
