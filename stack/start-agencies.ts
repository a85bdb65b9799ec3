/**
 * @module start-agencies
 * The six mock agencies for the stack: one scenario engine (personas, faults, seed) shared by the six direct SOAP
 * simulators — which always run, because their admin APIs (/__admin) are where faults are injected and journals
 * read — and, when the hub runs, by the six hub providers too, so a fault set through an admin URL applies to
 * both transports. Not startAllSimulators: it derives ports from one base port, which "auto" (port 0) cannot use.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CALLED_AGENCIES, type CalledAgency } from '../gateway/config/config.ts';
import { createAgencySimulators, fixtureSigningFor, fixtureTrustList, SimulatorEngine, startAgencySimulator } from '../simulators/index.ts';
import type { RunningAgencySimulator, RuntimeLogger } from '../simulators/index.ts';

export interface AgencySimulatorsOptions {
  readonly host: string;
  readonly ports: Readonly<Record<CalledAgency, number>>;
  readonly personasDir: string;
  readonly watchPersonas: boolean;
  readonly seed: number | string;
  readonly faultsFile: string | undefined;
  readonly logger: RuntimeLogger;
}

export interface RunningAgencySimulators {
  readonly engine: SimulatorEngine;
  /** SOAP endpoint per agency, e.g. http://127.0.0.1:7102/ws/fns */
  readonly endpoints: Readonly<Record<CalledAgency, string>>;
  /** Admin API per agency, e.g. http://127.0.0.1:7102/__admin */
  readonly admin: Readonly<Record<CalledAgency, string>>;
  close(): Promise<void>;
}

export async function startAgencySimulators(options: AgencySimulatorsOptions): Promise<RunningAgencySimulators> {
  const faults: unknown = options.faultsFile === undefined ? undefined : JSON.parse(readFileSync(resolve(options.faultsFile), 'utf8'));
  const engine = new SimulatorEngine({ seed: options.seed, personasDir: options.personasDir, watchPersonas: options.watchPersonas, ...(faults === undefined ? {} : { faults }) });
  const trust = fixtureTrustList();
  const running = new Map<CalledAgency, RunningAgencySimulator>();
  const close = async (): Promise<void> => {
    await Promise.allSettled([...running.values()].map((r) => r.close()));
    engine.close();
  };
  try {
    for (const simulator of createAgencySimulators(engine)) {
      const agency = simulator.agency as CalledAgency;
      if (!CALLED_AGENCIES.includes(agency)) continue;
      // The gateway signs every request, so the agencies check it (SMEV's strict mode): "signed both ways".
      const started = await startAgencySimulator({ simulator, engine, signing: fixtureSigningFor(agency), trust, requireSignedRequests: true, host: options.host, port: options.ports[agency], logger: options.logger });
      running.set(agency, started);
    }
  } catch (error) {
    await close();
    throw error;
  }
  const pick = (f: (r: RunningAgencySimulator) => string) => Object.fromEntries(CALLED_AGENCIES.map((a) => [a, f(running.get(a)!)])) as Record<CalledAgency, string>;
  return { engine, endpoints: pick((r) => r.url), admin: pick((r) => `${r.origin}/__admin`), close };
}
