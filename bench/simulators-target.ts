/**
 * One server of the simulators bench, run as a child process so that it never shares an event loop with the
 * load generator (bench/simulators.bench.ts starts it with `node --import tsx`):
 *
 *   simulators-target.ts simulator signed|unsigned [nomemo]
 *                                                    the fns simulator, demo personas, no faults, latency 0;
 *                                                    nomemo turns its hot-path memo off (every step on every call)
 *   simulators-target.ts bare FILE                    a bare node:http server answering FILE's bytes to anything
 *
 * It listens on 127.0.0.1, a free port, and writes one JSON line to stdout: {"url": "http://127.0.0.1:P/ws/fns"}.
 * It stops when its stdin closes (the bench is done or gone) or on SIGTERM / SIGINT.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SOAP11_CONTENT_TYPE } from '../core/direct-soap/index.ts';
import { SimulatorEngine, createAgencySimulators, fixtureSigningFor, fixtureTrustList, startAgencySimulator } from '../simulators/index.ts';

const root = join(import.meta.dirname, '..');
/** The answers are the same bytes on every call (and in every run) when "today" is fixed. */
const BENCH_TODAY = new Date('2026-11-16T09:00:00Z');

async function startSimulator(signed: boolean, memo: boolean): Promise<{ url: string; close: () => Promise<void> }> {
  const engine = new SimulatorEngine({ seed: 1, personasDir: join(root, 'fixtures/personas'), watchPersonas: false });
  const simulator = createAgencySimulators(engine).find((s) => s.agency === 'fns');
  if (!simulator) throw new Error('no fns simulator');
  const running = await startAgencySimulator({
    simulator,
    engine,
    signing: fixtureSigningFor('fns'),
    trust: fixtureTrustList(),
    signAnswers: signed,
    // The bench measures serving, not the simulator checking its own answers against the XSD (a debugging aid).
    validateAnswers: false,
    ...(memo ? {} : { memo: false as const }),
    now: () => BENCH_TODAY,
    host: '127.0.0.1',
    port: 0,
  });
  return {
    url: running.url,
    close: async () => {
      await running.close();
      engine.close();
    },
  };
}

async function startBare(file: string): Promise<{ url: string; close: () => Promise<void> }> {
  const body = readFileSync(file);
  const headers = { 'content-type': SOAP11_CONTENT_TYPE, 'content-length': String(body.byteLength) };
  const server: Server = createServer((request, response) => {
    // Read the request to its end, as any server must, then answer the fixed bytes.
    request.resume();
    request.on('end', () => {
      response.writeHead(200, headers);
      response.end(body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/ws/fns`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const [kind, arg, flag] = process.argv.slice(2);
  let target: { url: string; close: () => Promise<void> };
  if (kind === 'simulator' && (arg === 'signed' || arg === 'unsigned')) target = await startSimulator(arg === 'signed', flag !== 'nomemo');
  else if (kind === 'bare' && arg) target = await startBare(arg);
  else throw new Error('usage: simulators-target.ts simulator signed|unsigned [nomemo] | bare FILE');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const exit = (): never => process.exit(0);
    setTimeout(exit, 2000).unref();
    target.close().then(exit, exit);
  };
  process.stdin.on('end', stop).on('close', stop).resume();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ url: target.url })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulators-target: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
