/**
 * @module create-decision-service
 * Wires the parts: store, gateway client, worker, notifier and the express app. `start()` begins processing
 * (including whatever a previous run left pending); `close()` stops claiming, lets the applications in flight
 * finish, stops the notifier and closes the store.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type express from 'express';
import type { Logger } from 'pino';
import { buildDecisionApp } from './app.ts';
import type { DecisionConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { Notifier } from './notify/notifier.ts';
import { DecisionStore } from './store/decision-store.ts';
import { IN_MEMORY } from './store/open-database.ts';
import { GatewayClient } from './worker/gateway-client.ts';
import { Worker } from './worker/worker.ts';

export interface DecisionService {
  readonly app: express.Express;
  readonly store: DecisionStore;
  readonly worker: Worker;
  readonly notifier: Notifier;
  readonly outboxDir: string;
  readonly logger: Logger;
  start(): void;
  close(): Promise<void>;
}

export interface DecisionServiceOverrides {
  readonly logger?: Logger;
  readonly fetch?: typeof fetch;
}

export function createDecisionService(config: DecisionConfig, overrides: DecisionServiceOverrides = {}): DecisionService {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const store = DecisionStore.open(config.dataDir, { webhookEnabled: config.webhookUrl !== undefined, synchronous: config.dbSynchronous });
  const outboxDir = config.dataDir === IN_MEMORY ? mkdtempSync(join(tmpdir(), 'decision-outbox-')) : join(config.dataDir, 'outbox');
  const gateway = new GatewayClient({
    url: config.gatewayUrl,
    apiKey: config.gatewayApiKey,
    waitMs: config.gatewayWaitMs,
    deadlineMs: config.gatewayDeadlineMs,
    pollIntervalMs: config.pollIntervalMs,
    timeoutMs: Math.max(config.gatewayTimeoutMs, config.gatewayWaitMs + 5_000),
    ...(overrides.fetch === undefined ? {} : { fetch: overrides.fetch }),
  });
  const notifier = new Notifier(store, {
    outboxDir,
    webhookUrl: config.webhookUrl,
    webhookMaxAttempts: config.webhookMaxAttempts,
    webhookTimeoutMs: config.webhookTimeoutMs,
    retryMinMs: config.retryMinMs,
    retryMaxMs: config.retryMaxMs,
    pollIntervalMs: config.pollIntervalMs,
    ...(overrides.fetch === undefined ? {} : { fetch: overrides.fetch }),
  }, logger.child({ part: 'notifier' }));
  const worker = new Worker(store, gateway, {
    concurrency: config.workerConcurrency,
    pollIntervalMs: config.pollIntervalMs,
    leaseMs: config.leaseMs,
    retryMinMs: config.retryMinMs,
    retryMaxMs: config.retryMaxMs,
    regionCode: config.regionCode,
  }, logger.child({ part: 'worker' }), () => notifier.wake());
  let running = false;
  const app = buildDecisionApp({
    store,
    logger,
    onSubmitted: () => {
      worker.wake();
      notifier.wake();
    },
    workerRunning: () => running,
  });
  return {
    app, store, worker, notifier, outboxDir, logger,
    start: () => {
      running = true;
      worker.start();
      notifier.start();
    },
    close: async () => {
      running = false;
      await worker.stop();
      await notifier.stop();
      store.close();
    },
  };
}
