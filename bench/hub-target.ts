/**
 * One process of the hub bench, run as a child so that the hub, the providers and the load generator each have an
 * event loop of their own (bench/hub.bench.ts starts it with `node --import tsx`):
 *
 *   hub-target.ts hub memory                               the hub, fixture keys and registry, in-memory store
 *   hub-target.ts hub disk DIR                             the same with its SQLite store in DIR (the default deployment)
 *   hub-target.ts providers HUB_URL fns|all MIN_MS MAX_MS  the fns agency (or all six) as providers polling HUB_URL,
 *                                                          demo personas, no faults, latency 0, poll back-off MIN–MAX
 *   hub-target.ts direct                                   the fns simulator for direct synchronous calls, signed
 *                                                          answers, the same engine settings, the real clock
 *
 * Writes one JSON line to stdout when ready ({"url", "adminUrl"} for the hub, {"url"} for direct, {"providers": [...]} for the
 * providers) and stops when its stdin closes (the bench is done or gone) or on SIGTERM / SIGINT.
 */
import { join } from 'node:path';
import { SimulatorEngine, createAgencySimulators, fixtureSigningFor, fixtureTrustList, startAgencySimulator } from '../simulators/index.ts';
import { startHubProviders } from '../simulators/hub-providers/index.ts';
import { defaultHubOptionsFromFixtures, startHub } from '../simulators/hub/index.ts';

const root = join(import.meta.dirname, '..');

interface Started {
  readonly line: Record<string, unknown>;
  close(): Promise<void>;
}

async function startHubTarget(store: string | undefined, dir: string | undefined): Promise<Started> {
  if (store !== 'memory' && !(store === 'disk' && dir)) throw new Error('usage: hub-target.ts hub memory | hub disk DIR');
  const running = await startHub({ ...defaultHubOptionsFromFixtures(), host: '127.0.0.1', port: 0, ...(store === 'disk' ? { dataDir: dir } : {}) });
  return { line: { url: running.url, adminUrl: running.adminUrl }, close: () => running.close() };
}

function startProvidersTarget(hubUrl: string | undefined, which: string | undefined, minMs: number, maxMs: number): Started {
  if (!hubUrl || (which !== 'fns' && which !== 'all') || !Number.isInteger(minMs) || !Number.isInteger(maxMs)) {
    throw new Error('usage: hub-target.ts providers HUB_URL fns|all MIN_MS MAX_MS');
  }
  // Latency 0 and no faults: the engine's defaults with the demo personas (as in the simulators bench).
  const engine = new SimulatorEngine({ seed: 1, personasDir: join(root, 'fixtures/personas'), watchPersonas: false });
  const simulators = createAgencySimulators(engine).filter((s) => which === 'all' || s.agency === 'fns');
  const running = startHubProviders({
    hubUrl,
    engine,
    simulators,
    pollMinMs: minMs,
    pollMaxMs: maxMs,
    retryDelayMs: 50,
    logger: { error: (message, error) => process.stderr.write(`[provider] ${message} ${error instanceof Error ? error.message : String(error ?? '')}\n`) },
  });
  return {
    line: { providers: running.providers.map((p) => p.agency) },
    close: async () => {
      await running.stop();
      const stats = Object.fromEntries(running.providers.map((p) => [p.agency, p.stats]));
      process.stderr.write(`[provider stats] ${JSON.stringify(stats)}\n`);
      engine.close();
    },
  };
}

/** Like bench/simulators-target.ts's signed simulator, but on the real clock (the fixture certificates' validity starts after its fixed "today"). */
async function startDirectTarget(): Promise<Started> {
  const engine = new SimulatorEngine({ seed: 1, personasDir: join(root, 'fixtures/personas'), watchPersonas: false });
  const simulator = createAgencySimulators(engine).find((s) => s.agency === 'fns');
  if (!simulator) throw new Error('no fns simulator');
  const running = await startAgencySimulator({
    simulator,
    engine,
    signing: fixtureSigningFor('fns'),
    trust: fixtureTrustList(),
    signAnswers: true,
    // The self-check of its own answers against the XSD is a debugging aid; the hub providers do not run it either.
    validateAnswers: false,
    host: '127.0.0.1',
    port: 0,
  });
  return {
    line: { url: running.url },
    close: async () => {
      await running.close();
      engine.close();
    },
  };
}

async function main(): Promise<void> {
  const [kind, a, b, c, d] = process.argv.slice(2);
  let started: Started;
  if (kind === 'hub') started = await startHubTarget(a, b);
  else if (kind === 'direct') started = await startDirectTarget();
  else if (kind === 'providers') started = startProvidersTarget(a, b, Number(c), Number(d));
  else throw new Error('usage: hub-target.ts hub memory|disk DIR | providers HUB_URL fns|all MIN_MS MAX_MS | direct');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const exit = (): never => process.exit(0);
    setTimeout(exit, 3000).unref();
    started.close().then(exit, exit);
  };
  process.stdin.on('end', stop).on('close', stop).resume();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`${JSON.stringify(started.line)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`hub-target: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
