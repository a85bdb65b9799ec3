/** Logging with personal data masked, correlation ids, and the gateway's Prometheus metrics. */
export { createLogger, type LoggerOptions } from './logger.ts';
export { maskPersonalData, maskFreeText, maskField, maskSnils, maskInn, maskName } from './mask-personal-data.ts';
export { CORRELATION_ID_HEADER, correlationIdFrom, isSafeCorrelationId, withCorrelationId } from './correlation-id.ts';
export { prettyDestination } from './pretty-destination.ts';
export {
  GatewayMetrics,
  AGENCY_CALL_OUTCOMES,
  AGENCY_CALL_BUCKETS,
  HTTP_REQUEST_BUCKETS,
  BREAKER_STATE_VALUE,
  CACHE_RESULTS,
  type AgencyCallOutcome,
  type BreakerState,
  type CacheResult,
  type GatewayMetricsOptions,
  type QueueDepthSource,
} from './gateway-metrics.ts';
