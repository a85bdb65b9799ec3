/**
 * @module config
 * The gateway's environment, validated once at start with every problem reported together (ERR_CONFIG_INVALID),
 * defaults next to the schema, and frozen: nothing else in gateway/ reads process.env. Files named by the
 * environment (API keys, signing key, trust list) are read here too, so a missing file fails the start, not the
 * first request. gateway/README.md documents every variable; a test keeps the two in step.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DirectSigning } from '../../core/direct-soap/index.ts';
import { KitError, isKitError } from '../../core/errors/index.ts';
import { FACT_GROUPS, type AgencyCode, type FactGroup } from '../../core/facts/index.ts';
import { TrustList } from '../../core/smev/signature/index.ts';
import { DEMO_CONSUMERS, apiKeysFileSchema, toConsumers, type Consumer } from './consumers.ts';
import { intEnv, mapEnv } from './env-formats.ts';

/** The six agencies the gateway calls, in the simulators' port order (7101…7106). */
export const CALLED_AGENCIES = ['sfr', 'fns', 'fri', 'gis-zhkh', 'zags', 'mvd'] as const satisfies readonly AgencyCode[];
export type CalledAgency = (typeof CALLED_AGENCIES)[number];

const KEYS_DIR = fileURLToPath(new URL('../../fixtures/keys/', import.meta.url));
const envName = (agency: CalledAgency): string => `AGENCY_URL_${agency.toUpperCase().replace(/-/g, '_')}`;
const url = z.url({ protocol: /^https?$/, message: 'Expected an http(s) URL' });
const agencyUrls = Object.fromEntries(
  CALLED_AGENCIES.map((agency, i) => [envName(agency), url.default(`http://127.0.0.1:${7101 + i}/ws/${agency}`)]),
) as Record<string, z.ZodDefault<typeof url>>;
const HOUR = 3_600_000;

export const gatewayEnvSchema = z.object({
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: intEnv(0, 65_535, 7300),
  GATEWAY_MODE: z.enum(['direct', 'hub']).default('direct'),
  ...agencyUrls,
  HUB_URL: url.optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'Expected a redis:// or rediss:// URL' }).optional(),
  GATEWAY_API_KEYS_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Cache
  GATEWAY_CACHE_TTL_MS: intEnv(0, 30 * 24 * HOUR, HOUR),
  GATEWAY_CACHE_TTL_BY_GROUP: mapEnv(FACT_GROUPS, z.number().int().min(0).max(30 * 24 * HOUR)),
  GATEWAY_CACHE_STALE_MS: intEnv(0, 30 * 24 * HOUR, 24 * HOUR),
  GATEWAY_CACHE_MAX_ENTRIES: intEnv(1, 10_000_000, 10_000),
  // Limits
  GATEWAY_AGENCY_RATE_PER_SEC: intEnv(1, 100_000, 50),
  GATEWAY_AGENCY_RATE_BY_AGENCY: mapEnv(CALLED_AGENCIES, z.number().int().min(1).max(100_000)),
  GATEWAY_AGENCY_CONCURRENCY: intEnv(1, 10_000, 16),
  GATEWAY_CONSUMER_RATE_PER_SEC: intEnv(1, 100_000, 200),
  GATEWAY_LIMIT_MAX_WAIT_MS: intEnv(0, 600_000, 5_000),
  // Retries, timeouts, breaker
  GATEWAY_RETRIES: intEnv(0, 20, 3),
  GATEWAY_RETRY_MIN_DELAY_MS: intEnv(0, 60_000, 100),
  GATEWAY_RETRY_MAX_DELAY_MS: intEnv(0, 600_000, 2_000),
  GATEWAY_RETRY_BUDGET_MS: intEnv(0, 600_000, 15_000),
  GATEWAY_AGENCY_TIMEOUT_MS: intEnv(1, 600_000, 5_000),
  GATEWAY_BREAKER_FAILURES: intEnv(1, 1_000, 5),
  GATEWAY_BREAKER_COOLDOWN_MS: intEnv(1, 3_600_000, 30_000),
  GATEWAY_WAIT_DEFAULT_MS: intEnv(0, 600_000, 10_000),
  GATEWAY_WAIT_MAX_MS: intEnv(0, 600_000, 30_000),
  GATEWAY_PENDING_TTL_MS: intEnv(1_000, 24 * HOUR, 10 * 60_000),
  // Audit, signing, trust
  AUDIT_LOG_PATH: z.string().min(1).default('.data/gateway/audit.jsonl'),
  GATEWAY_SIGNING_PROFILE: z.enum(['dev', 'gost']).default('dev'),
  GATEWAY_SIGNING_KEY: z.string().min(1).default(`${KEYS_DIR}consumer.key.pem`),
  GATEWAY_SIGNING_CERT: z.string().min(1).default(`${KEYS_DIR}consumer.cert.pem`),
  TRUST_DIR: z.string().min(1).default(`${KEYS_DIR}trust`),
}).superRefine((env, ctx) => {
  if (env.GATEWAY_MODE === 'hub' && env.HUB_URL === undefined) ctx.addIssue({ code: 'custom', path: ['HUB_URL'], message: 'HUB_URL is required when GATEWAY_MODE=hub' });
  if (env.GATEWAY_WAIT_DEFAULT_MS > env.GATEWAY_WAIT_MAX_MS) ctx.addIssue({ code: 'custom', path: ['GATEWAY_WAIT_DEFAULT_MS'], message: 'must not exceed GATEWAY_WAIT_MAX_MS' });
  if (env.GATEWAY_RETRY_MIN_DELAY_MS > env.GATEWAY_RETRY_MAX_DELAY_MS) ctx.addIssue({ code: 'custom', path: ['GATEWAY_RETRY_MIN_DELAY_MS'], message: 'must not exceed GATEWAY_RETRY_MAX_DELAY_MS' });
});

export type GatewayEnv = z.output<typeof gatewayEnvSchema>;

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly mode: 'direct' | 'hub';
  readonly agencyUrls: Readonly<Record<CalledAgency, string>>;
  readonly hubUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly logLevel: GatewayEnv['LOG_LEVEL'];
  readonly consumers: readonly Consumer[];
  readonly cache: { readonly ttlMsByGroup: Readonly<Record<FactGroup, number>>; readonly staleMs: number; readonly maxEntries: number };
  readonly limits: {
    readonly agencyPerSec: Readonly<Record<CalledAgency, number>>;
    readonly agencyConcurrency: number;
    readonly consumerPerSec: number;
    readonly maxWaitMs: number;
  };
  readonly retry: { readonly retries: number; readonly minDelayMs: number; readonly maxDelayMs: number; readonly budgetMs: number };
  readonly agencyTimeoutMs: number;
  readonly breaker: { readonly failureThreshold: number; readonly cooldownMs: number };
  readonly wait: { readonly defaultMs: number; readonly maxMs: number; readonly pendingTtlMs: number };
  readonly auditLogPath: string;
  readonly signing: DirectSigning;
  readonly trust: TrustList;
}

/** Reads and checks the environment; throws ERR_CONFIG_INVALID listing every problem. */
export function loadGatewayConfig(env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  // Empty variables count as unset, the way shells leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = gatewayEnvSchema.safeParse(present);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new KitError('ERR_CONFIG_INVALID', `gateway environment is invalid:\n- ${issues.join('\n- ')}`, { issues });
  }
  return deepFreeze(fromEnv(parsed.data));
}

function fromEnv(e: GatewayEnv): GatewayConfig {
  const values = e as unknown as Record<string, string>;
  return {
    host: e.GATEWAY_HOST,
    port: e.GATEWAY_PORT,
    mode: e.GATEWAY_MODE,
    agencyUrls: Object.fromEntries(CALLED_AGENCIES.map((a) => [a, values[envName(a)]!])) as Record<CalledAgency, string>,
    hubUrl: e.HUB_URL,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    consumers: e.GATEWAY_API_KEYS_FILE === undefined ? DEMO_CONSUMERS : readConsumers(e.GATEWAY_API_KEYS_FILE),
    cache: {
      ttlMsByGroup: Object.fromEntries(FACT_GROUPS.map((g) => [g, e.GATEWAY_CACHE_TTL_BY_GROUP[g] ?? e.GATEWAY_CACHE_TTL_MS])) as Record<FactGroup, number>,
      staleMs: e.GATEWAY_CACHE_STALE_MS,
      maxEntries: e.GATEWAY_CACHE_MAX_ENTRIES,
    },
    limits: {
      agencyPerSec: Object.fromEntries(CALLED_AGENCIES.map((a) => [a, e.GATEWAY_AGENCY_RATE_BY_AGENCY[a] ?? e.GATEWAY_AGENCY_RATE_PER_SEC])) as Record<CalledAgency, number>,
      agencyConcurrency: e.GATEWAY_AGENCY_CONCURRENCY,
      consumerPerSec: e.GATEWAY_CONSUMER_RATE_PER_SEC,
      maxWaitMs: e.GATEWAY_LIMIT_MAX_WAIT_MS,
    },
    retry: { retries: e.GATEWAY_RETRIES, minDelayMs: e.GATEWAY_RETRY_MIN_DELAY_MS, maxDelayMs: e.GATEWAY_RETRY_MAX_DELAY_MS, budgetMs: e.GATEWAY_RETRY_BUDGET_MS },
    agencyTimeoutMs: e.GATEWAY_AGENCY_TIMEOUT_MS,
    breaker: { failureThreshold: e.GATEWAY_BREAKER_FAILURES, cooldownMs: e.GATEWAY_BREAKER_COOLDOWN_MS },
    wait: { defaultMs: e.GATEWAY_WAIT_DEFAULT_MS, maxMs: e.GATEWAY_WAIT_MAX_MS, pendingTtlMs: e.GATEWAY_PENDING_TTL_MS },
    auditLogPath: resolve(e.AUDIT_LOG_PATH),
    signing: { profile: e.GATEWAY_SIGNING_PROFILE, privateKeyPem: readConfigFile(e.GATEWAY_SIGNING_KEY, 'GATEWAY_SIGNING_KEY'), certificatePem: readConfigFile(e.GATEWAY_SIGNING_CERT, 'GATEWAY_SIGNING_CERT') },
    trust: loadTrust(e.TRUST_DIR),
  };
}

function readConfigFile(path: string, variable: string): string {
  try {
    return readFileSync(resolve(path), 'utf8');
  } catch (cause) {
    throw new KitError('ERR_CONFIG_INVALID', `${variable}: cannot read ${path} (${(cause as NodeJS.ErrnoException).code ?? 'error'})`, { variable, path }, { cause });
  }
}

function readConsumers(path: string): readonly Consumer[] {
  let json: unknown;
  try {
    json = JSON.parse(readConfigFile(path, 'GATEWAY_API_KEYS_FILE'));
  } catch (cause) {
    if (isKitError(cause)) throw cause;
    throw new KitError('ERR_CONFIG_INVALID', `GATEWAY_API_KEYS_FILE: ${path} is not JSON`, { path }, { cause });
  }
  const parsed = apiKeysFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new KitError('ERR_CONFIG_INVALID', `GATEWAY_API_KEYS_FILE ${path} is invalid:\n- ${issues.join('\n- ')}`, { issues });
  }
  return toConsumers(parsed.data);
}

function loadTrust(dir: string): TrustList {
  try {
    return TrustList.fromDirectory(resolve(dir));
  } catch (cause) {
    throw new KitError('ERR_CONFIG_INVALID', `TRUST_DIR: cannot load a trust list from ${dir}`, { path: dir }, { cause });
  }
}

/** Freezes plain data only: the trust list is a class instance with its own caches. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (Object.getPrototypeOf(value) !== Object.prototype && !Array.isArray(value)) return value;
  for (const child of Object.values(value as object)) deepFreeze(child);
  return Object.freeze(value);
}
