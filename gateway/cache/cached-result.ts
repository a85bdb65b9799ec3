/**
 * @module cached-result
 * A cached agency answer is read back from a store another process (or another version of the gateway) may have
 * written, so it is checked against the facts model before it is served: what passes is exactly what an adapter
 * would have produced, and the facts answer assembled from it needs no second check. Anything else is a miss.
 */
import { z } from 'zod';
import { parsePartialFacts } from '../../core/facts/index.ts';
import type { CallResult } from '../pipeline/call-context.ts';

export type CacheableResult = Extract<CallResult, { kind: 'facts' | 'no-data' }>;

const noDataSchema = z.strictObject({ kind: z.literal('no-data'), reason: z.string() });
const factsEnvelopeSchema = z.strictObject({ kind: z.literal('facts'), facts: z.unknown() });

/** The cached value as a call result, or undefined (with why) when it is not one. */
export function readCachedResult(value: unknown): { ok: true; result: CacheableResult } | { ok: false; reason: string } {
  const noData = noDataSchema.safeParse(value);
  if (noData.success) return { ok: true, result: noData.data };
  const envelope = factsEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, reason: 'not a facts or no-data answer' };
  try {
    return { ok: true, result: { kind: 'facts', facts: parsePartialFacts(envelope.data.facts) } };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
