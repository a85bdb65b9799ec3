/**
 * @module start-hub-providers
 * The mock agencies as providers behind the exchange hub: one poller per agency, each signing with the agency's
 * own key from the keys directory (fixtures/keys by default: sfr, fns, fri, gis-zhkh, zags, mvd), all answering
 * through the shared engine. The direct synchronous servers are untouched and can run next to them.
 */
import { z } from 'zod';
import { KitError } from '../../core/errors/index.ts';
import { SMEV_VERSIONS, type SmevVersion } from '../../core/smev/envelope/index.ts';
import { TrustList } from '../../core/smev/signature/index.ts';
import type { SimulatorEngine } from '../engine/index.ts';
import type { AgencySimulator } from '../runtime/agency-simulator.ts';
import { FIXTURE_KEYS_DIR, fixtureSigningFor, fixtureTrustList } from '../runtime/fixture-signing.ts';
import type { RuntimeLogger } from '../runtime/runtime-options.ts';
import { AgencyProvider } from './agency-provider.ts';

export interface StartHubProvidersOptions {
  /** The hub's SOAP endpoint, e.g. http://127.0.0.1:PORT/smev/v1.2/ws */
  readonly hubUrl: string;
  readonly engine: SimulatorEngine;
  /** Usually createAgencySimulators(engine); one provider each. */
  readonly simulators: readonly AgencySimulator[];
  /** Where <agency>.key.pem / <agency>.cert.pem and trust/ live; default fixtures/keys. */
  readonly keysDir?: string;
  readonly pollMinMs: number;
  readonly pollMaxMs: number;
  /** Certificates the hub's and consumers' signatures must chain to; default <keysDir>/trust. */
  readonly trust?: TrustList;
  /** Default 1.2; must match the endpoint in hubUrl. */
  readonly version?: SmevVersion;
  /** Wait before deciding again after a maintenance / 5xx / reset fault without Retry-After (default 500 ms). */
  readonly retryDelayMs?: number;
  /** Engine decisions per request before a provider gives up (default 20). */
  readonly maxAttempts?: number;
  /** Per HTTP call to the hub (default 10 s). */
  readonly httpTimeoutMs?: number;
  readonly logger?: RuntimeLogger;
  readonly now?: () => Date;
}

export interface RunningHubProviders {
  readonly providers: readonly AgencyProvider[];
  stop(): Promise<void>;
}

const optionsSchema = z.object({
  hubUrl: z.url(),
  pollMinMs: z.number().int().min(0).max(600_000),
  pollMaxMs: z.number().int().min(1).max(3_600_000),
  version: z.enum(SMEV_VERSIONS as [SmevVersion, ...SmevVersion[]]).default('1.2'),
  retryDelayMs: z.number().int().min(0).max(600_000).default(500),
  maxAttempts: z.number().int().min(1).max(1000).default(20),
  httpTimeoutMs: z.number().int().min(1).max(600_000).default(10_000),
}).refine((o) => o.pollMaxMs >= o.pollMinMs, { message: 'pollMaxMs must be at least pollMinMs', path: ['pollMaxMs'] });

const consoleLogger: RuntimeLogger = { error: (message, error) => console.error(`[hub-provider] ${message}`, error ?? '') };

export function startHubProviders(options: StartHubProvidersOptions): RunningHubProviders {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new KitError('ERR_CONFIG_INVALID', `hub provider options are invalid: ${issues.join('; ')}`, { issues });
  }
  const o = parsed.data;
  const keysDir = options.keysDir ?? FIXTURE_KEYS_DIR;
  const trust = options.trust ?? fixtureTrustList(keysDir);
  const providers = options.simulators.map(
    (simulator) =>
      new AgencyProvider({
        endpoint: { hubUrl: o.hubUrl, version: o.version, timeoutMs: o.httpTimeoutMs },
        simulator,
        engine: options.engine,
        signing: fixtureSigningFor(simulator.agency, keysDir),
        trust,
        pollMinMs: o.pollMinMs,
        pollMaxMs: o.pollMaxMs,
        retryDelayMs: o.retryDelayMs,
        maxAttempts: o.maxAttempts,
        logger: options.logger ?? consoleLogger,
        now: options.now ?? (() => new Date()),
      }),
  );
  for (const provider of providers) provider.start();
  return {
    providers,
    stop: async () => {
      await Promise.all(providers.map((p) => p.stop()));
    },
  };
}
