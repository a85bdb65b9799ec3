/**
 * Shared set-up of the hub end-to-end tests: the hub (simulators/hub, loaded only when it exists), the six agencies
 * as providers behind it on one engine with the demo personas, and a consumer with the fixture consumer key.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HubConsumer } from '../../adapters/transport/hub-client.ts';
import { SimulatorEngine, createAgencySimulators, fixtureSigningFor, fixtureTrustList } from '../../simulators/index.ts';
import { startHubProviders, type RunningHubProviders } from '../../simulators/hub-providers/index.ts';
import { PERSONAS_DIR } from '../agencies/personas.ts';

// HUB_E2E_ENTRY points the suite at another module with the same API (e.g. a hub built elsewhere).
const HUB_ENTRY = process.env.HUB_E2E_ENTRY ?? fileURLToPath(new URL('../../simulators/hub/index.ts', import.meta.url));
export const HUB_AVAILABLE = existsSync(HUB_ENTRY);

/** The part of the hub's public API these tests use. */
interface HubModule {
  startHub(options: Record<string, unknown>): Promise<{ url: string; adminUrl: string; close(): Promise<void> }>;
  defaultHubOptionsFromFixtures(): Record<string, unknown>;
}

export const TRUST = fixtureTrustList();
export const CONSUMER_SIGNING = fixtureSigningFor('consumer');
export const POLL = { pollMinMs: 5, pollMaxMs: 40 } as const;

export interface HubWorld {
  readonly hubUrl: string;
  readonly adminUrl: string;
  readonly engine: SimulatorEngine;
  readonly providers: RunningHubProviders;
  readonly consumer: HubConsumer;
  close(): Promise<void>;
}

export async function startHubWorld(hubOptions: Record<string, unknown> = {}): Promise<HubWorld> {
  const hubModule = (await import(/* @vite-ignore */ HUB_ENTRY)) as HubModule;
  const hub = await hubModule.startHub({ ...hubModule.defaultHubOptionsFromFixtures(), ...hubOptions });
  const engine = new SimulatorEngine({ seed: 11, personasDir: PERSONAS_DIR, watchPersonas: false });
  const providers = startHubProviders({ hubUrl: hub.url, engine, simulators: createAgencySimulators(engine), ...POLL, retryDelayMs: 50, logger: { error: () => undefined } });
  const consumer = new HubConsumer({ hubUrl: hub.url, signing: CONSUMER_SIGNING, trust: TRUST, timeoutMs: 10_000, ...POLL });
  return {
    hubUrl: hub.url,
    adminUrl: hub.adminUrl,
    engine,
    providers,
    consumer,
    close: async () => {
      await consumer.close();
      await providers.stop();
      await hub.close();
      engine.close();
    },
  };
}
