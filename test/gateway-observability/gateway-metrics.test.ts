import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { GatewayMetrics } from '../../gateway/observability/index.ts';

describe('GatewayMetrics', () => {
  it('renders every series with its labels after recording', async () => {
    const metrics = new GatewayMetrics();
    metrics.recordAgencyCall('fns', 'answered', 0.042);
    metrics.recordAgencyCall('fns', 'failed', 12);
    metrics.recordRetry('fns');
    metrics.recordRetry('fns');
    metrics.recordCacheEvent('income', 'hit');
    metrics.recordCacheEvent('income', 'coalesced');
    metrics.setBreakerState('sfr', 'open');
    metrics.setBreakerState('fns', 'half-open');
    metrics.recordHttpRequest('/v1/facts', 200, 0.3);
    metrics.onCollectQueueDepths(async () => ({ 'agency:fns': 3, 'consumer:decision': 1 }));
    const text = await metrics.render();
    expect(text).toContain('gateway_agency_calls_total{agency="fns",outcome="answered"} 1');
    expect(text).toContain('gateway_agency_calls_total{agency="fns",outcome="failed"} 1');
    expect(text).toContain('gateway_agency_call_duration_seconds_bucket{le="0.005",agency="fns"} 0');
    expect(text).toContain('gateway_agency_call_duration_seconds_bucket{le="0.05",agency="fns"} 1');
    expect(text).toContain('gateway_agency_call_duration_seconds_bucket{le="30",agency="fns"} 2');
    expect(text).toContain('gateway_agency_call_duration_seconds_count{agency="fns"} 2');
    expect(text).toContain('gateway_retries_total{agency="fns"} 2');
    expect(text).toContain('gateway_cache_events_total{group="income",result="hit"} 1');
    expect(text).toContain('gateway_cache_events_total{group="income",result="coalesced"} 1');
    expect(text).toContain('gateway_breaker_state{agency="sfr"} 2');
    expect(text).toContain('gateway_breaker_state{agency="fns"} 1');
    expect(text).toContain('gateway_http_requests_total{route="/v1/facts",status="200"} 1');
    expect(text).toContain('gateway_http_request_duration_seconds_count{route="/v1/facts"} 1');
    expect(text).toContain('gateway_limiter_queue_depth{limiter="agency:fns"} 3');
    expect(text).toContain('gateway_limiter_queue_depth{limiter="consumer:decision"} 1');
    expect(metrics.contentType).toMatch(/^text\/plain/);
  });

  it('reads queue depths afresh on each scrape and survives a failing source', async () => {
    const metrics = new GatewayMetrics();
    let depth = 5;
    const unregister = metrics.onCollectQueueDepths(() => ({ 'agency:sfr': depth }));
    metrics.onCollectQueueDepths(() => Promise.reject(new Error('redis down')));
    expect(await metrics.render()).toContain('gateway_limiter_queue_depth{limiter="agency:sfr"} 5');
    depth = 0;
    expect(await metrics.render()).toContain('gateway_limiter_queue_depth{limiter="agency:sfr"} 0');
    unregister();
    expect(await metrics.render()).not.toContain('limiter="agency:sfr"');
  });

  it('keeps two instances independent and stays off the global registry', async () => {
    const a = new GatewayMetrics();
    const b = new GatewayMetrics();
    a.recordRetry('zags');
    expect(await a.render()).toContain('gateway_retries_total{agency="zags"} 1');
    expect(await b.render()).not.toContain('agency="zags"');
    expect(await globalRegistry.metrics()).not.toContain('gateway_');
  });

  it('adds process metrics only when asked', async () => {
    expect(await new GatewayMetrics().render()).not.toContain('process_cpu');
    expect(await new GatewayMetrics({ processMetrics: true }).render()).toContain('process_cpu');
  });
});
