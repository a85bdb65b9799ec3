/**
 * Shared set-up of the hub end-to-end tests: the hub (simulators/hub), the six agencies
 * as providers behind it on one engine with the demo personas, and a consumer with the fixture consumer key.
 */
import { HubConsumer } from '../../adapters/transport/hub-client.ts';
import { SimulatorEngine, createAgencySimulators, fixtureSigningFor, fixtureTrustList } from '../../simulators/index.ts';
import { startHubProviders, type RunningHubProviders } from '../../simulators/hub-providers/index.ts';
import { defaultHubOptionsFromFixtures, startHub, type HubOptions } from '../../simulators/hub/index.ts';
import { PERSONAS_DIR } from '../agencies/personas.ts';

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

export async function startHubWorld(hubOptions: Partial<HubOptions> = {}): Promise<HubWorld> {
  const hub = await startHub({ ...defaultHubOptionsFromFixtures(), ...hubOptions });
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
