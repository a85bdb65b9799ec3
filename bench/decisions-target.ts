/**
 * Child process of the decisions bench. Options as JSON in argv[2]; one JSON line on stdout with the URLs once it
 * listens. Stops when stdin closes (the bench ended or died) or on SIGTERM, so nothing outlives the bench. Its own
 * process keeps the load generator off the stack's event loops, as the other benches do.
 *
 * `part` chooses what runs here:
 * - `all` (default): `startStack` — every service in one process, as `npm start` runs it (the gateway on a
 *   worker thread of its own unless `gatewayThread` is false: then everything on one event loop);
 * - `simulators`: the six agency simulators (signed answers, signed requests required, as in the stack);
 * - `gateway`: the facts gateway (direct mode) calling the `agencies` URLs given;
 * - `simulators+gateway`: both of the above in one process (agency calls stay inside one event loop);
 * - `decision`: the decision service calling the `gateway` URL given.
 * Split into three processes, the stack can use both cores: one event loop was the cap at ~1.1 cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALLED_AGENCIES, loadGatewayConfig, type CalledAgency } from '../gateway/config/config.ts';
import { startGateway } from '../gateway/server.ts';
import { loadDecisionConfig } from '../decision/config.ts';
import { startDecisionService } from '../decision/server.ts';
import { startStack, type StackOptionsInput } from '../stack/start-stack.ts';
import { startAgencySimulators } from '../stack/start-agencies.ts';
import { resolvePersonasDir } from '../stack/stack-options.ts';

interface TargetOptions {
  readonly part?: 'all' | 'simulators' | 'gateway' | 'simulators+gateway' | 'decision';
  readonly gatewayEnv?: Record<string, string>;
  readonly decisionEnv?: Record<string, string>;
  /** For `all`: startStack's option of that name (default true). */
  readonly gatewayThread?: boolean;
  /** For `gateway`: the SOAP endpoint per agency (what `simulators` printed). */
  readonly agencies?: Record<CalledAgency, string>;
  /** For `decision`: the gateway's URL (what `gateway` printed). */
  readonly gateway?: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as TargetOptions;
const HOST = '127.0.0.1';

async function startPart(options: TargetOptions): Promise<{ urls: Record<string, unknown>; close: () => Promise<void> }> {
  switch (options.part ?? 'all') {
    case 'all': {
      const input: StackOptionsInput = { gatewayEnv: options.gatewayEnv ?? {}, decisionEnv: options.decisionEnv ?? {} };
      const stack = await startStack({ ...input, gatewayThread: options.gatewayThread ?? true, ports: 'auto', dataDir: { temp: true }, hub: false, watchPersonas: false, logLevel: 'silent' });
      return { urls: { decision: stack.urls.decision, gateway: stack.urls.gateway }, close: () => stack.close() };
    }
    case 'simulators': {
      const ports = Object.fromEntries(CALLED_AGENCIES.map((a) => [a, 0])) as Record<CalledAgency, number>;
      // The same start as the stack's (startAgencySimulators): requests must be signed, answers are signed.
      const agencies = await startAgencySimulators({ host: HOST, ports, personasDir: resolvePersonasDir('fixtures/personas'), watchPersonas: false, seed: 1, faultsFile: undefined, logger: { error: () => {} } });
      return { urls: { agencies: agencies.endpoints }, close: () => agencies.close() };
    }
    case 'simulators+gateway': {
      const simulators = await startPart({ part: 'simulators' });
      const gateway = await startPart({ ...options, part: 'gateway', agencies: simulators.urls['agencies'] as Record<CalledAgency, string> });
      return { urls: gateway.urls, close: async () => { await gateway.close(); await simulators.close(); } };
    }
    case 'gateway': {
      const agencies = options.agencies;
      if (agencies === undefined) throw new Error('part "gateway" needs the agencies\' URLs');
      const dir = mkdtempSync(join(tmpdir(), 'bench-gateway-'));
      const gateway = await startGateway(loadGatewayConfig({
        GATEWAY_HOST: HOST,
        GATEWAY_PORT: '0',
        GATEWAY_MODE: 'direct',
        ...Object.fromEntries(CALLED_AGENCIES.map((a) => [`AGENCY_URL_${a.toUpperCase().replace(/-/g, '_')}`, agencies[a]])),
        AUDIT_LOG_PATH: join(dir, 'audit.jsonl'),
        LOG_LEVEL: 'silent',
        ...options.gatewayEnv,
      }));
      return { urls: { gateway: gateway.url }, close: async () => { await gateway.close(); rmSync(dir, { recursive: true, force: true }); } };
    }
    case 'decision': {
      if (options.gateway === undefined) throw new Error('part "decision" needs the gateway\'s URL');
      const dir = mkdtempSync(join(tmpdir(), 'bench-decision-'));
      const decision = await startDecisionService(loadDecisionConfig({
        DECISION_HOST: HOST,
        DECISION_PORT: '0',
        GATEWAY_URL: options.gateway,
        DECISION_DATA_DIR: join(dir, 'decision'),
        LOG_LEVEL: 'silent',
        ...options.decisionEnv,
      }));
      return { urls: { decision: decision.url }, close: async () => { await decision.close(); rmSync(dir, { recursive: true, force: true }); } };
    }
  }
}

const running = await startPart(options);
process.stdout.write(`${JSON.stringify(running.urls)}\n`);
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  running.close().then(() => process.exit(0), () => process.exit(1));
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
