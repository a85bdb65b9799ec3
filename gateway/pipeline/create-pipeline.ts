/**
 * @module create-pipeline
 * The order of the per-agency call pipeline, in one list:
 *
 *   accessCheck → cache → retry → breaker → rateLimit → timeout → transport
 *
 * - accessCheck first: a refused call must not even read the cache (a cached answer is still agency data).
 * - cache before retry and limits: a hit costs no quota, no breaker probe and no attempt; coalescing there means
 *   ten identical concurrent requests make one agency call (with its retries) and not ten.
 * - retry outside breaker, limit and timeout: every attempt asks the breaker (an opened breaker ends the retries
 *   early), spends the agency's quota (the agency counts attempts) and gets its own deadline.
 * - breaker before the limiter: an open breaker answers at once instead of queueing for a slot it won't use.
 * - timeout innermost, around the transport only, so limiter waiting (bounded separately by maxWaitMs) does not
 *   eat the agency's time.
 */
import type { FactGroup } from '../../core/facts/index.ts';
import type { CallLimits, FactsCache } from '../ports.ts';
import type { AgencyTransport } from '../transport/agency-transport.ts';
import type { CallContext, CallResult, Stage } from './call-context.ts';
import type { BreakerRegistry } from './circuit-breaker.ts';
import { compose } from './compose.ts';
import type { PipelineMetrics } from './metrics-port.ts';
import { accessCheck } from './stages/access-check.ts';
import { breakerStage } from './stages/breaker.ts';
import { cacheStage, type Coalesce } from './stages/cache.ts';
import { rateLimitStage } from './stages/rate-limit.ts';
import { retryStage } from './stages/retry.ts';
import { timeoutStage } from './stages/timeout.ts';
import { transportTerminal } from './stages/transport.ts';

export interface PipelineDeps {
  readonly cache: FactsCache;
  readonly coalesce: Coalesce;
  readonly limits: CallLimits;
  readonly breakers: BreakerRegistry;
  readonly transport: AgencyTransport;
  readonly metrics: PipelineMetrics;
  readonly settings: {
    readonly ttlMsByGroup: Readonly<Record<FactGroup, number>>;
    readonly staleMs: number;
    readonly retry: { readonly retries: number; readonly minDelayMs: number; readonly maxDelayMs: number; readonly budgetMs: number };
    readonly limitMaxWaitMs: number;
    readonly agencyTimeoutMs: number;
  };
}

export function pipelineStages(deps: PipelineDeps): readonly Stage[] {
  const { settings } = deps;
  return [
    accessCheck(),
    cacheStage({ cache: deps.cache, coalesce: deps.coalesce, ttlMsByGroup: settings.ttlMsByGroup, staleMs: settings.staleMs, metrics: deps.metrics }),
    retryStage({ ...settings.retry, metrics: deps.metrics }),
    breakerStage(deps.breakers),
    rateLimitStage(deps.limits, settings.limitMaxWaitMs),
    // A little over the transport's own deadline, so its typed timeout (with the URL and cause) normally wins.
    timeoutStage(settings.agencyTimeoutMs + 250),
  ];
}

export function createPipeline(deps: PipelineDeps): (ctx: CallContext) => Promise<CallResult> {
  return compose(pipelineStages(deps), transportTerminal(deps.transport, deps.settings.agencyTimeoutMs));
}
