/**
 * @module create-gateway
 * Wires a GatewayConfig into running parts: the facts cache (memory, or Redis with REDIS_URL), call limits
 * (global through Redis when configured), the audit log, metrics, logger, breakers, the transport of the mode,
 * and the pipeline; then the express app. `close()` stops what it opened. Tests pass `overrides` for the parts
 * they want to observe (a memory audit log, a captured logger).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { createFactsCache, singleFlight } from './cache/index.ts';
import { FileAuditLog } from './audit/index.ts';
import { createCallLimits } from './limits/index.ts';
import { GatewayMetrics, createLogger } from './observability/index.ts';
import { buildGatewayApp } from './app.ts';
import { CALLED_AGENCIES, type GatewayConfig } from './config/config.ts';
import { AgencyStatusBoard } from './facts/agency-status.ts';
import { BreakerRegistry } from './pipeline/circuit-breaker.ts';
import { createPipeline } from './pipeline/create-pipeline.ts';
import type { AuditLog, CallLimits, FactsCache } from './ports.ts';
import { PendingRequests } from './requests/pending-requests.ts';
import type { FactsOutcome } from './routes/facts.ts';
import type { AgencyTransport } from './transport/agency-transport.ts';
import { createDirectTransport } from './transport/direct-transport.ts';
import { createHubTransport } from './transport/hub-transport.ts';

export interface GatewayOverrides {
  readonly audit?: AuditLog;
  readonly cache?: FactsCache;
  readonly limits?: CallLimits;
  readonly transport?: AgencyTransport;
  readonly logger?: Logger;
  /** Shared limiter id across instances (Redis); default "agency-kit-gateway". */
  readonly clusterId?: string;
}

export interface Gateway {
  readonly app: ReturnType<typeof buildGatewayApp>;
  readonly metrics: GatewayMetrics;
  readonly breakers: BreakerRegistry;
  close(): Promise<void>;
}

export async function createGateway(config: GatewayConfig, overrides: GatewayOverrides = {}): Promise<Gateway> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, name: 'gateway' });
  // Opened first: it is the part that can fail on a bad path, before anything holds a connection.
  const audit = overrides.audit ?? (await openAuditLog(config.auditLogPath));
  const metrics = new GatewayMetrics();
  const cache = overrides.cache ?? createFactsCache({ maxEntries: config.cache.maxEntries, ...(config.redisUrl === undefined ? {} : { redisUrl: config.redisUrl }) }, { onError: (error, operation) => logger.warn({ err: String(error), operation }, 'facts cache error') });
  const limits =
    overrides.limits ??
    createCallLimits(
      {
        perAgency: Object.fromEntries(CALLED_AGENCIES.map((a) => [a, { maxPerSecond: config.limits.agencyPerSec[a], maxConcurrent: config.limits.agencyConcurrency }])),
        perConsumer: { maxPerSecond: config.limits.consumerPerSec },
        ...(config.redisUrl === undefined ? {} : { redis: { url: config.redisUrl, id: overrides.clusterId ?? 'agency-kit-gateway' } }),
      },
      { onError: (error) => logger.warn({ err: String(error) }, 'call limiter error') },
    );
  const stopQueueDepths = metrics.onCollectQueueDepths(() => limits.queueDepths());
  const transport = overrides.transport ?? transportFor(config);
  const breakers = new BreakerRegistry({ failureThreshold: config.breaker.failureThreshold, cooldownMs: config.breaker.cooldownMs }, metrics);
  const pipeline = createPipeline({
    cache,
    coalesce: singleFlight().coalesce,
    limits,
    breakers,
    transport,
    metrics,
    settings: { ttlMsByGroup: config.cache.ttlMsByGroup, staleMs: config.cache.staleMs, retry: config.retry, limitMaxWaitMs: config.limits.maxWaitMs, agencyTimeoutMs: config.agencyTimeoutMs },
  });
  const pending = new PendingRequests<FactsOutcome>(config.wait.pendingTtlMs);
  const app = buildGatewayApp({
    consumers: config.consumers,
    logger,
    pipeline,
    metrics,
    audit,
    pending,
    status: new AgencyStatusBoard(),
    breakers,
    mode: config.mode,
    wait: config.wait,
    maxRunMs: config.retry.budgetMs + config.agencyTimeoutMs + config.limits.maxWaitMs,
    renderMetrics: async () => ({ contentType: metrics.contentType, body: await metrics.render() }),
  });
  return {
    app,
    metrics,
    breakers,
    close: async () => {
      stopQueueDepths();
      pending.close();
      await Promise.allSettled([transport.close?.(), limits.close(), cache.close(), audit.close()]);
    },
  };
}

/** The default path is under .data/, which a fresh checkout does not have. */
async function openAuditLog(path: string): Promise<AuditLog> {
  await mkdir(dirname(path), { recursive: true });
  return FileAuditLog.open(path, { onTornTail: 'refuse' });
}

function transportFor(config: GatewayConfig): AgencyTransport {
  if (config.mode === 'hub') return createHubTransport({ hubUrl: config.hubUrl ?? '', signing: config.signing, trust: config.trust });
  return createDirectTransport({ agencyUrls: config.agencyUrls, signing: config.signing, trust: config.trust });
}
