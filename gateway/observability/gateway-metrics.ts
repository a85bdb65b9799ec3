import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AgencyCode } from '../../core/facts/index.ts';

/** How one agency call ended, as a label value: the facts outcome statuses plus the gateway's own short-cuts. */
export const AGENCY_CALL_OUTCOMES = ['answered', 'no-data', 'failed', 'pending', 'breaker-open', 'rate-limited'] as const;
export type AgencyCallOutcome = (typeof AGENCY_CALL_OUTCOMES)[number];

export const CACHE_RESULTS = ['hit', 'miss', 'stale', 'coalesced'] as const;
export type CacheResult = (typeof CACHE_RESULTS)[number];

export type BreakerState = 'closed' | 'half-open' | 'open';
/** Numeric so that dashboards can alert on `> 0` and graph transitions. */
export const BREAKER_STATE_VALUE: Readonly<Record<BreakerState, number>> = { closed: 0, 'half-open': 1, open: 2 };

/** Agency calls last from a few milliseconds (a warm simulator) to the 30 s time budget of a slow agency. */
export const AGENCY_CALL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];
/** A facts request waits for its slowest agency, and a bounded wait may add to that. */
export const HTTP_REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

export type QueueDepthSource = () => Promise<Readonly<Record<string, number>>> | Readonly<Record<string, number>>;

export interface GatewayMetricsOptions {
  /** Also expose Node's process metrics (CPU, memory, event-loop lag) on this registry. Off by default for tests. */
  readonly processMetrics?: boolean;
}

/**
 * The gateway's Prometheus metrics, on a registry of its own: never prom-client's global one, so several apps in
 * one process (and tests running side by side) do not collide or double-register. The pipeline records through
 * these typed methods only; label values come from closed sets (agency codes, outcomes, route patterns) so that
 * series do not multiply with user input.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly agencyCalls: Counter<'agency' | 'outcome'>;
  private readonly agencyCallDuration: Histogram<'agency'>;
  private readonly retries: Counter<'agency'>;
  private readonly cacheEvents: Counter<'group' | 'result'>;
  private readonly breakerState: Gauge<'agency'>;
  private readonly httpRequests: Counter<'route' | 'status'>;
  private readonly httpDuration: Histogram<'route'>;
  private queueDepthSources: QueueDepthSource[] = [];

  constructor(options: GatewayMetricsOptions = {}) {
    const registers = [this.registry];
    this.agencyCalls = new Counter({
      name: 'gateway_agency_calls_total',
      help: 'Agency calls by how they ended',
      labelNames: ['agency', 'outcome'],
      registers,
    });
    this.agencyCallDuration = new Histogram({
      name: 'gateway_agency_call_duration_seconds',
      help: 'Duration of one agency call including retries, in seconds',
      labelNames: ['agency'],
      buckets: AGENCY_CALL_BUCKETS,
      registers,
    });
    this.retries = new Counter({ name: 'gateway_retries_total', help: 'Retried agency calls (each retry counts once)', labelNames: ['agency'], registers });
    this.cacheEvents = new Counter({
      name: 'gateway_cache_events_total',
      help: 'Facts cache lookups: hit, miss, stale (served after a failed call) or coalesced (joined an identical call in flight)',
      labelNames: ['group', 'result'],
      registers,
    });
    const sources = (): QueueDepthSource[] => this.queueDepthSources;
    new Gauge({
      name: 'gateway_limiter_queue_depth',
      help: 'Jobs waiting per rate limiter, read at scrape time',
      labelNames: ['limiter'],
      registers,
      // Read on scrape rather than pushed: queue depth changes on every job, and only its value at scrape matters.
      async collect(this: Gauge<'limiter'>): Promise<void> {
        this.reset();
        for (const source of sources()) {
          let depths: Readonly<Record<string, number>>;
          try {
            depths = await source();
          } catch {
            // A failing source (Redis down) must not fail the whole scrape; its limiters are simply absent.
            continue;
          }
          for (const [limiter, depth] of Object.entries(depths)) this.set({ limiter }, depth);
        }
      },
    });
    this.breakerState = new Gauge({
      name: 'gateway_breaker_state',
      help: 'Circuit breaker state per agency: 0 closed, 1 half-open, 2 open',
      labelNames: ['agency'],
      registers,
    });
    this.httpRequests = new Counter({
      name: 'gateway_http_requests_total',
      help: 'HTTP requests answered by the gateway, by route pattern and status code',
      labelNames: ['route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'gateway_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern, in seconds',
      labelNames: ['route'],
      buckets: HTTP_REQUEST_BUCKETS,
      registers,
    });
    if (options.processMetrics === true) collectDefaultMetrics({ register: this.registry });
  }

  recordAgencyCall(agency: AgencyCode, outcome: AgencyCallOutcome, seconds: number): void {
    this.agencyCalls.inc({ agency, outcome });
    this.agencyCallDuration.observe({ agency }, seconds);
  }

  recordRetry(agency: AgencyCode): void {
    this.retries.inc({ agency });
  }

  /** `group` is a fact group name (a closed set), never a cache key. */
  recordCacheEvent(group: string, result: CacheResult): void {
    this.cacheEvents.inc({ group, result });
  }

  setBreakerState(agency: AgencyCode, state: BreakerState): void {
    this.breakerState.set({ agency }, BREAKER_STATE_VALUE[state]);
  }

  /** `route` is the route pattern (`/v1/facts/:id`), not the path, so ids do not become series. */
  recordHttpRequest(route: string, status: number, seconds: number): void {
    this.httpRequests.inc({ route, status: String(status) });
    this.httpDuration.observe({ route }, seconds);
  }

  /**
   * Registers a source of limiter queue depths (CallLimits.queueDepths fits) read on every scrape. Returns a
   * function that unregisters it, for when the limits are closed.
   */
  onCollectQueueDepths(source: QueueDepthSource): () => void {
    this.queueDepthSources = [...this.queueDepthSources, source];
    return () => {
      this.queueDepthSources = this.queueDepthSources.filter((s) => s !== source);
    };
  }

  /** Prometheus text exposition format, for GET /metrics. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
