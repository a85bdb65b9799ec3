/**
 * @module start-stack
 * The whole kit in one process: the six agency simulators, the exchange hub with the agencies as its providers,
 * the facts gateway and the decision service, started in dependency order (an agency must listen before the
 * gateway may call it, the gateway before the decision service's worker asks it) and closed in reverse. A start
 * that fails half way closes what already runs, so no port or file handle outlives the error. Embedded defaults
 * only: the gateway's in-memory cache and limits, SQLite for the hub and the decision service — no Redis.
 * The gateway runs on a worker thread of its own (start-gateway-thread.ts) unless `gatewayThread` is false:
 * with everything on one event loop, that loop was the limit (132 against 199 decisions/s, p95 at 50/s 199
 * against 70 ms, in one A/B of the decisions bench).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CALLED_AGENCIES, loadGatewayConfig, type CalledAgency } from '../gateway/config/config.ts';
import { startGateway } from '../gateway/server.ts';
import { startGatewayThread } from './start-gateway-thread.ts';
import { loadDecisionConfig } from '../decision/config.ts';
import { startDecisionService } from '../decision/server.ts';
import { defaultHubOptionsFromFixtures, startHub } from '../simulators/hub/index.ts';
import { startHubProviders } from '../simulators/hub-providers/index.ts';
import { createAgencySimulators, type SimulatorEngine } from '../simulators/index.ts';
import { startAgencySimulators } from './start-agencies.ts';
export type { StackOptionsInput } from './stack-options.ts';
import { parseStackOptions, portPlan, resolvePersonasDir, type StackOptionsInput } from './stack-options.ts';

export interface StackUrls {
  /** http://host:port of the facts gateway (POST /v1/facts). */
  readonly gateway: string;
  /** http://host:port of the decision service (POST /v1/applications). */
  readonly decision: string;
  /** The hub's SMEV 1.2 endpoint, when the hub runs. */
  readonly hub?: string;
  /** SOAP endpoint per agency. */
  readonly agencies: Readonly<Record<CalledAgency, string>>;
  /** Admin API per agency (faults, latency, journal, state). */
  readonly admin: Readonly<Record<CalledAgency, string>>;
}

export interface RunningStack {
  readonly urls: StackUrls;
  /** The simulators' shared engine: scenario runners inject faults and read journals through it. */
  readonly engine: SimulatorEngine;
  /** The data directory in use (a temporary one when asked for; removed by close()). */
  readonly dataDir: string;
  /** Stops everything in reverse start order; safe to call twice. */
  close(): Promise<void>;
}

/** Hub providers poll with back-off; these bounds keep an idle stack quiet and a busy one quick. */
const PROVIDER_POLL = { pollMinMs: 5, pollMaxMs: 500 } as const;

export async function startStack(input: StackOptionsInput = {}): Promise<RunningStack> {
  const options = parseStackOptions(input);
  const ports = portPlan(options.ports);
  const temp = typeof options.dataDir !== 'string';
  const dataDir = typeof options.dataDir === 'string' ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'agency-kit-stack-'));
  // Closers in start order; close() runs them backwards. Each start pushes its closer before the next begins.
  const closers: (() => Promise<void> | void)[] = [];
  if (temp) closers.push(() => rmSync(dataDir, { recursive: true, force: true }));
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      for (const stop of closers.splice(0).reverse()) {
        try {
          await stop();
        } catch (error) {
          // Keep stopping the rest: one component failing to close must not keep the others' ports open.
          process.stderr.write(`stack: a component failed to close: ${String(error)}\n`);
        }
      }
    })();
    return closed;
  };

  try {
    const logger = { error: (message: string, error: unknown) => { if (options.logLevel !== 'silent') process.stderr.write(`[simulator] ${message} ${String(error)}\n`); } };
    const agencies = await startAgencySimulators({ host: options.host, ports: ports.agencies, personasDir: resolvePersonasDir(options.personasDir), watchPersonas: options.watchPersonas, seed: options.seed, faultsFile: options.faultsFile, logger });
    closers.push(() => agencies.close());

    let hubUrl: string | undefined;
    if (options.hub) {
      const hub = await startHub({ ...defaultHubOptionsFromFixtures(), host: options.host, port: ports.hub, dataDir: join(dataDir, 'hub') });
      closers.push(() => hub.close());
      hubUrl = hub.url;
      const providers = startHubProviders({ hubUrl: hub.url, engine: agencies.engine, simulators: createAgencySimulators(agencies.engine), ...PROVIDER_POLL, logger });
      closers.push(() => providers.stop());
    }

    mkdirSync(join(dataDir, 'gateway'), { recursive: true });
    const gatewayEnv: Record<string, string> = {
      GATEWAY_HOST: options.host,
      GATEWAY_PORT: String(ports.gateway),
      GATEWAY_MODE: options.gatewayMode,
      ...Object.fromEntries(CALLED_AGENCIES.map((a) => [`AGENCY_URL_${a.toUpperCase().replace(/-/g, '_')}`, agencies.endpoints[a]])),
      ...(hubUrl === undefined ? {} : { HUB_URL: hubUrl }),
      AUDIT_LOG_PATH: join(dataDir, 'gateway', 'audit.jsonl'),
      LOG_LEVEL: options.logLevel,
      ...options.gatewayEnv,
    };
    const gateway = options.gatewayThread
      ? await startGatewayThread(gatewayEnv, (error) => process.stderr.write(`stack: ${error.message}\n`))
      : await startGateway(loadGatewayConfig(gatewayEnv));
    closers.push(() => gateway.close());

    const decisionConfig = loadDecisionConfig({
      DECISION_HOST: options.host,
      DECISION_PORT: String(ports.decision),
      GATEWAY_URL: gateway.url,
      DECISION_DATA_DIR: join(dataDir, 'decision'),
      LOG_LEVEL: options.logLevel,
      ...options.decisionEnv,
    });
    const decision = await startDecisionService(decisionConfig);
    closers.push(() => decision.close());

    return {
      urls: { gateway: gateway.url, decision: decision.url, ...(hubUrl === undefined ? {} : { hub: hubUrl }), agencies: agencies.endpoints, admin: agencies.admin },
      engine: agencies.engine,
      dataDir,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
