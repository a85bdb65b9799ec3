/**
 * @module metrics-port
 * What the pipeline and routes report: the typed record* methods of GatewayMetrics (gateway/observability),
 * as a Pick so tests can pass a recorder and a stage never imports prom-client.
 */
import type { GatewayMetrics } from '../observability/index.ts';

export type PipelineMetrics = Pick<GatewayMetrics, 'recordAgencyCall' | 'recordRetry' | 'recordCacheEvent' | 'setBreakerState' | 'recordHttpRequest'>;

export type { BreakerState, AgencyCallOutcome, CacheResult } from '../observability/index.ts';

export const NO_METRICS: PipelineMetrics = Object.freeze({
  recordAgencyCall: () => undefined,
  recordRetry: () => undefined,
  recordCacheEvent: () => undefined,
  setBreakerState: () => undefined,
  recordHttpRequest: () => undefined,
});
