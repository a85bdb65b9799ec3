/**
 * Shared set-up for the gateway tests: the six real agency simulators over HTTP (one engine, demo personas, each
 * agency signing with its fixture key), a gateway on port 0 configured against them with small timeouts, and the
 * demo persona used across tests (utility-vasiliev: data at sfr, fri, gis-zhkh and mvd; none at fns and zags).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MemoryAuditLog } from '../../gateway/audit/index.ts';
import { loadGatewayConfig, CALLED_AGENCIES, type CalledAgency } from '../../gateway/config/config.ts';
import { DEMO_CONSUMER_KEY, sha256Hex } from '../../gateway/config/consumers.ts';
import { createLogger } from '../../gateway/observability/index.ts';
import { startGateway, type RunningGateway } from '../../gateway/server.ts';
import type { GatewayOverrides } from '../../gateway/create-gateway.ts';
import { createAgencySimulators, fixtureSigningFor, fixtureTrustList, SimulatorEngine, startAgencySimulator } from '../../simulators/index.ts';
import type { RunningAgencySimulator } from '../../simulators/index.ts';

const PERSONAS_DIR = fileURLToPath(new URL('../../fixtures/personas/', import.meta.url));

export interface Simulators {
  readonly engine: SimulatorEngine;
  readonly urls: Record<CalledAgency, string>;
  readonly running: Map<CalledAgency, RunningAgencySimulator>;
  close(): Promise<void>;
}

export async function startSimulators(): Promise<Simulators> {
  const engine = new SimulatorEngine({ seed: 1, personasDir: PERSONAS_DIR, watchPersonas: false });
  const trust = fixtureTrustList();
  const running = new Map<CalledAgency, RunningAgencySimulator>();
  try {
    for (const simulator of createAgencySimulators(engine)) {
      const agency = simulator.agency as CalledAgency;
      running.set(agency, await startAgencySimulator({ simulator, engine, signing: fixtureSigningFor(agency), trust, requireSignedRequests: true, logger: { error: () => undefined } }));
    }
  } catch (error) {
    await Promise.allSettled([...running.values()].map((r) => r.close()));
    engine.close();
    throw error;
  }
  const urls = Object.fromEntries(CALLED_AGENCIES.map((a) => [a, running.get(a)!.url])) as Record<CalledAgency, string>;
  return {
    engine,
    urls,
    running,
    close: async () => {
      await Promise.allSettled([...running.values()].map((r) => r.close()));
      engine.close();
    },
  };
}

export const envFor = (urls: Record<CalledAgency, string>): Record<string, string> =>
  Object.fromEntries(CALLED_AGENCIES.map((a) => [`AGENCY_URL_${a.toUpperCase().replace(/-/g, '_')}`, urls[a]]));

/** Fast settings: retries without long waits, short timeouts, a breaker that opens quickly. */
export const FAST_ENV: Record<string, string> = {
  GATEWAY_PORT: '0',
  LOG_LEVEL: 'silent',
  GATEWAY_RETRIES: '2',
  GATEWAY_RETRY_MIN_DELAY_MS: '10',
  GATEWAY_RETRY_MAX_DELAY_MS: '50',
  GATEWAY_RETRY_BUDGET_MS: '3000',
  GATEWAY_AGENCY_TIMEOUT_MS: '1500',
  GATEWAY_BREAKER_FAILURES: '50',
  GATEWAY_AGENCY_RATE_PER_SEC: '1000',
  GATEWAY_CONSUMER_RATE_PER_SEC: '1000',
};

export interface TestGateway extends RunningGateway {
  readonly audit: MemoryAuditLog;
}

export async function startTestGateway(sims: Simulators, env: Record<string, string> = {}, overrides: GatewayOverrides = {}): Promise<TestGateway> {
  const config = loadGatewayConfig({ ...envFor(sims.urls), ...FAST_ENV, ...env });
  const audit = new MemoryAuditLog();
  const running = await startGateway(config, { audit, logger: createLogger({ level: 'silent' }), ...overrides });
  return Object.assign(running, { audit });
}

export const VASILIEV = {
  subject: {
    snils: '22747739803',
    inn: '860280680966',
    name: { family: 'Васильев', first: 'Николай', patronymic: 'Петрович' },
    birthDate: '1964-03-09',
    gender: 'male',
    identityDocument: { kindCode: '21', series: '6709', number: '966969', issueDate: '2009-03-26' },
    dwelling: { fiasHouseGuid: 'bad6d232-4fde-43de-9cec-6a5050382111' },
  },
  period: { from: '2026-05-01', to: '2026-10-31' },
  asOf: '2026-11-16',
  purpose: { measure: 'utility-compensation' },
} as const;

export const ALL_GROUPS = ['income', 'pensions', 'assignedBenefits', 'disability', 'housing', 'residence', 'births', 'deaths'] as const;

export async function postFacts(gatewayUrl: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${gatewayUrl}/v1/facts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_CONSUMER_KEY, ...headers },
    body: JSON.stringify(body),
  });
}

export interface OutcomeLike {
  agency: string;
  status: string;
  error?: { code: string; retryable: boolean };
}

export function outcomesByAgency(body: { outcomes: OutcomeLike[] }): Record<string, OutcomeLike> {
  return Object.fromEntries(body.outcomes.map((o) => [o.agency, o]));
}

/**
 * A keys file with two consumers: the demo decision consumer (every agency, any purpose) and "limited" (mvd
 * residence only, for the utility compensation only), under `limitedKey`. `remove()` deletes its dir.
 */
export function writeLimitedConsumerKeys(limitedKey: string): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-keys-'));
  const file = join(dir, 'keys.json');
  writeFileSync(
    file,
    JSON.stringify({
      consumers: [
        { id: 'decision', apiKey: DEMO_CONSUMER_KEY, rights: { sfr: '*', fns: '*', fri: '*', 'gis-zhkh': '*', zags: '*', mvd: '*' }, purposes: { measures: ['*'], caseNumbers: true } },
        { id: 'limited', apiKeySha256: sha256Hex(limitedKey), rights: { mvd: ['residence'] }, purposes: { measures: ['utility-compensation'] } },
      ],
    }),
  );
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Simulators and a gateway (cache off) that know the demo consumer and "limited" (see writeLimitedConsumerKeys). */
export async function startGatewayWithLimitedConsumer(limitedKey: string): Promise<{ sims: Simulators; gateway: TestGateway; close(): Promise<void> }> {
  const keys = writeLimitedConsumerKeys(limitedKey);
  const sims = await startSimulators();
  const gateway = await startTestGateway(sims, { GATEWAY_API_KEYS_FILE: keys.file, GATEWAY_CACHE_TTL_MS: '0' }).catch(async (error: unknown) => {
    await sims.close();
    keys.remove();
    throw error;
  });
  return {
    sims,
    gateway,
    close: async () => {
      await gateway.close();
      await sims.close();
      keys.remove();
    },
  };
}
