/**
 * @module start-all
 * `npm run simulators`: the six mock agencies on consecutive ports of one host, sharing one scenario engine
 * (personas from PERSONAS_DIR, hot-reloaded; faults from FAULTS_FILE; SIMULATOR_SEED), one line per agency with
 * its SOAP endpoint (the WSDL is that URL with ?wsdl). Stops cleanly on SIGINT/SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AGENCY_CODES, type AgencyCode } from '../../core/contracts/index.ts';
import { KitError } from '../../core/errors/index.ts';
import { SimulatorEngine } from '../engine/index.ts';
import { createAgencySimulators } from '../agencies.ts';
import type { AgencySimulator } from './agency-simulator.ts';
import { FIXTURE_KEYS_DIR, fixtureSigningFor, fixtureTrustList } from './fixture-signing.ts';
import { startAgencySimulator, type RunningAgencySimulator } from './server.ts';
import { parseStartAllEnv, type StartAllConfig } from './start-all-config.ts';

export interface RunningSimulators {
  readonly agencies: readonly { readonly agency: AgencyCode; readonly simulator: RunningAgencySimulator }[];
  readonly engine: SimulatorEngine;
  close(): Promise<void>;
}

export async function startAllSimulators(
  config: StartAllConfig,
  simulatorsFor: (engine: SimulatorEngine) => readonly AgencySimulator[] = createAgencySimulators,
): Promise<RunningSimulators> {
  const faults: unknown = config.FAULTS_FILE === undefined ? undefined : JSON.parse(readFileSync(resolve(config.FAULTS_FILE), 'utf8'));
  const engine = new SimulatorEngine({ seed: config.SIMULATOR_SEED, personasDir: resolve(config.PERSONAS_DIR), ...(faults === undefined ? {} : { faults }) });
  const keysDir = config.SIMULATORS_KEYS_DIR === undefined ? FIXTURE_KEYS_DIR : resolve(config.SIMULATORS_KEYS_DIR);
  const trust = fixtureTrustList(keysDir);
  const simulators = simulatorsFor(engine);
  const started: { agency: AgencyCode; simulator: RunningAgencySimulator }[] = [];
  try {
    for (const simulator of simulators) {
      const port = config.SIMULATORS_BASE_PORT + AGENCY_CODES.indexOf(simulator.agency);
      const running = await startAgencySimulator({
        simulator,
        engine,
        signing: fixtureSigningFor(simulator.agency, keysDir),
        trust,
        requireSignedRequests: config.SIMULATORS_REQUIRE_SIGNED,
        host: config.SIMULATORS_HOST,
        port,
      });
      started.push({ agency: simulator.agency, simulator: running });
    }
  } catch (error) {
    await Promise.allSettled(started.map((s) => s.simulator.close()));
    engine.close();
    throw error;
  }
  return {
    agencies: started,
    engine,
    close: async () => {
      await Promise.allSettled(started.map((s) => s.simulator.close()));
      engine.close();
    },
  };
}

async function main(): Promise<void> {
  const config = parseStartAllEnv(process.env);
  const running = await startAllSimulators(config);
  // One line per agency: its name and SOAP endpoint (the WSDL is the same URL with ?wsdl).
  for (const { agency, simulator } of running.agencies) console.log(`${agency.padEnd(9)} ${simulator.url}`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping simulators`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error instanceof KitError ? `${error.code}: ${error.message}` : error);
    process.exit(1);
  });
}
