/**
 * @module cache
 * Second stage: a fresh cached answer is served without spending rate-limit budget or breaker probes; on a miss,
 * identical concurrent calls are coalesced (one agency call, many waiters); answers (facts and "no data") are
 * stored with the TTL of their fact group; when the agency call fails and a stale answer is still kept, the stale
 * answer is served (stale-if-error) and marked in the trace, so the consumer can see its age. A cached answer that
 * fails the facts model (written by another version, or tampered with) is dropped as a miss: only checked facts
 * leave this stage, so the answer assembled from them is not checked again.
 */
import { createHash } from 'node:crypto';
import { factsCacheKey } from '../../cache/index.ts';
import { readCachedResult, type CacheableResult } from '../../cache/cached-result.ts';
import type { FactGroup } from '../../../core/facts/index.ts';
import type { FactsCache } from '../../ports.ts';
import type { AgencyCall, CallResult, Stage } from '../call-context.ts';
import type { PipelineMetrics } from '../metrics-port.ts';

/** Runs `task` once for concurrent callers with the same key; the others share its promise. */
export type Coalesce = <T>(key: string, task: () => Promise<T>) => Promise<T>;

export interface CacheStageOptions {
  readonly cache: FactsCache;
  readonly coalesce: Coalesce;
  readonly ttlMsByGroup: Readonly<Record<FactGroup, number>>;
  readonly staleMs: number;
  readonly metrics: PipelineMetrics;
  /** Default: callCacheKey. */
  readonly keyFor?: (call: AgencyCall) => string;
}

/**
 * factsCacheKey (a digest of what determines the answer, never the identifiers themselves; purpose and consumer
 * left out so two consumers asking the same thing share one entry). The housing system answers per dwelling,
 * which that key does not cover, so the dwelling's digest is folded into the operation name.
 */
export function callCacheKey(call: AgencyCall): string {
  const { subject, period, asOf } = call.query;
  const dwelling = (call.query as { dwelling?: unknown }).dwelling;
  const operation = dwelling === undefined ? call.operation : `${call.operation}#${createHash('sha256').update(JSON.stringify(dwelling)).digest('hex').slice(0, 16)}`;
  return factsCacheKey({ agency: call.agency, operation, subject, ...(period === undefined ? {} : { period }), ...(asOf === undefined ? {} : { asOf }) });
}

export function cacheStage(options: CacheStageOptions): Stage {
  const keyFor = options.keyFor ?? callCacheKey;
  return async function cache(ctx, next) {
    const key = keyFor(ctx.call);
    const cached = await readHit(options.cache, key, ctx); // a broken cache must not fail the call
    if (cached?.fresh) {
      ctx.trace.cache = 'hit';
      ctx.trace.storedAt = cached.storedAt;
      for (const group of ctx.call.groups) options.metrics.recordCacheEvent(group, 'hit');
      return cached.value;
    }
    let led = false;
    const result = await options.coalesce(key, async () => {
      led = true;
      const fresh = await next();
      if (fresh.kind === 'facts' || fresh.kind === 'no-data') {
        const ttl = Math.min(...ctx.call.groups.map((g) => options.ttlMsByGroup[g]));
        if (ttl > 0) await options.cache.set(key, fresh, ttl, options.staleMs).catch(() => undefined);
      }
      return fresh;
    });
    if ((result.kind === 'error' || result.kind === 'not-ready') && cached !== undefined) {
      ctx.trace.cache = 'stale';
      ctx.trace.storedAt = cached.storedAt;
      for (const group of ctx.call.groups) options.metrics.recordCacheEvent(group, 'stale');
      ctx.log.warn({ agency: ctx.call.agency, storedAt: cached.storedAt, code: result.kind === 'error' ? result.error.code : 'not-ready' }, 'agency failed; serving a stale cached answer');
      return cached.value;
    }
    ctx.trace.cache = led ? 'miss' : 'coalesced';
    for (const group of ctx.call.groups) options.metrics.recordCacheEvent(group, led ? 'miss' : 'coalesced');
    return result;
  };
}

async function readHit(cache: FactsCache, key: string, ctx: Parameters<Stage>[0]): Promise<{ value: CacheableResult; fresh: boolean; storedAt: string } | undefined> {
  const hit = await cache.get<unknown>(key).catch(() => undefined);
  if (hit === undefined) return undefined;
  const read = readCachedResult(hit.value);
  if (read.ok) return { value: read.result, fresh: hit.fresh, storedAt: hit.storedAt };
  ctx.log.warn({ agency: ctx.call.agency, reason: read.reason }, 'cached answer fails the facts model; treated as a miss');
  return undefined;
}
