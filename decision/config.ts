/**
 * @module config
 * The decision service's configuration, read once from the environment, validated with zod (every problem listed
 * in one ERR_CONFIG_INVALID) and frozen. Empty variables count as unset, so `FOO= npm run decision` means "default".
 */
import { z } from 'zod';
import { KitError } from '../core/errors/index.ts';

const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);
const url = z.url({ protocol: /^https?$/, message: 'Expected an http(s) URL' });

const envSchema = z.object({
  DECISION_HOST: z.string().trim().min(1).default('127.0.0.1'),
  DECISION_PORT: int(0, 65_535, 7400),
  GATEWAY_URL: url.default('http://127.0.0.1:7300'),
  GATEWAY_API_KEY: z.string().min(1).default('demo-decision-key'),
  /** A directory, or `:memory:` for a throw-away store (tests); outbox files then go to a temporary directory. */
  DECISION_DATA_DIR: z.string().trim().min(1).default('.data/decision'),
  DECISION_WEBHOOK_URL: url.optional(),
  DECISION_REGION: z.string().regex(/^\d{2}$/, { message: 'Region code is 2 digits' }).default('86'),
  /** 16: an application mostly waits for the gateway, so 4 at a time left the CPU idle (half the throughput of 32 in BENCHMARKS.md). */
  DECISION_WORKER_CONCURRENCY: int(1, 256, 32),
  /** NORMAL: commits survive a process crash, not a power cut; FULL: an fsync per commit (decision/README.md). */
  DECISION_DB_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('NORMAL'),
  DECISION_POLL_INTERVAL_MS: int(10, 60_000, 250),
  DECISION_GATEWAY_WAIT_MS: int(0, 600_000, 10_000),
  /** Longest a person's facts request may stay pending (202, polled) before the gateway counts as unavailable. */
  DECISION_GATEWAY_DEADLINE_MS: int(1_000, 3_600_000, 60_000),
  DECISION_GATEWAY_TIMEOUT_MS: int(100, 600_000, 35_000),
  DECISION_RETRY_MIN_MS: int(10, 3_600_000, 1_000),
  DECISION_RETRY_MAX_MS: int(10, 86_400_000, 60_000),
  DECISION_LEASE_MS: int(200, 3_600_000, 30_000),
  DECISION_WEBHOOK_MAX_ATTEMPTS: int(1, 1_000, 12),
  DECISION_WEBHOOK_TIMEOUT_MS: int(100, 120_000, 5_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface DecisionConfig {
  readonly host: string;
  readonly port: number;
  readonly gatewayUrl: string;
  readonly gatewayApiKey: string;
  readonly dataDir: string;
  readonly webhookUrl: string | undefined;
  readonly regionCode: string;
  readonly workerConcurrency: number;
  readonly dbSynchronous: 'FULL' | 'NORMAL';
  readonly pollIntervalMs: number;
  readonly gatewayWaitMs: number;
  readonly gatewayDeadlineMs: number;
  readonly gatewayTimeoutMs: number;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  readonly leaseMs: number;
  readonly webhookMaxAttempts: number;
  readonly webhookTimeoutMs: number;
  readonly logLevel: z.output<typeof envSchema>['LOG_LEVEL'];
}

export function loadDecisionConfig(env: Readonly<Record<string, string | undefined>>): DecisionConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ variable: i.path.join('.'), message: i.message }));
    throw new KitError('ERR_CONFIG_INVALID', `The decision service configuration is invalid:\n${issues.map((i) => `- ${i.variable}: ${i.message}`).join('\n')}`, { issues });
  }
  const e = parsed.data;
  if (e.DECISION_RETRY_MIN_MS > e.DECISION_RETRY_MAX_MS) {
    throw new KitError('ERR_CONFIG_INVALID', 'DECISION_RETRY_MIN_MS is larger than DECISION_RETRY_MAX_MS', { issues: [{ variable: 'DECISION_RETRY_MIN_MS', message: 'larger than DECISION_RETRY_MAX_MS' }] });
  }
  return Object.freeze({
    host: e.DECISION_HOST,
    port: e.DECISION_PORT,
    gatewayUrl: e.GATEWAY_URL.replace(/\/+$/, ''),
    gatewayApiKey: e.GATEWAY_API_KEY,
    dataDir: e.DECISION_DATA_DIR,
    webhookUrl: e.DECISION_WEBHOOK_URL,
    regionCode: e.DECISION_REGION,
    workerConcurrency: e.DECISION_WORKER_CONCURRENCY,
    dbSynchronous: e.DECISION_DB_SYNCHRONOUS,
    pollIntervalMs: e.DECISION_POLL_INTERVAL_MS,
    gatewayWaitMs: e.DECISION_GATEWAY_WAIT_MS,
    gatewayDeadlineMs: e.DECISION_GATEWAY_DEADLINE_MS,
    gatewayTimeoutMs: e.DECISION_GATEWAY_TIMEOUT_MS,
    retryMinMs: e.DECISION_RETRY_MIN_MS,
    retryMaxMs: e.DECISION_RETRY_MAX_MS,
    leaseMs: e.DECISION_LEASE_MS,
    webhookMaxAttempts: e.DECISION_WEBHOOK_MAX_ATTEMPTS,
    webhookTimeoutMs: e.DECISION_WEBHOOK_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
  });
}
