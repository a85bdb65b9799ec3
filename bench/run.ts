/**
 * `npm run bench [-- SUITE...] [--run-ms N]`: prints throughput tables. Figures are relative: compare rows of one
 * run, never absolute figures across machines or runs. BENCHMARKS.md records a run with the command that made it.
 */
import { runDecisionsBench } from './decisions.bench.ts';
import { runHubBench } from './hub.bench.ts';
import { runGatewayBench } from './gateway.bench.ts';
import { runSignatureBench } from './signature.bench.ts';
import { runSimulatorsBench } from './simulators.bench.ts';
import { runStoreBench } from './store.bench.ts';

const SUITES: Record<string, (options: { runMs: number }) => string | Promise<string>> = {
  signature: runSignatureBench,
  simulators: runSimulatorsBench,
  gateway: runGatewayBench,
  hub: runHubBench,
  store: runStoreBench,
  decisions: runDecisionsBench,
};

const args = process.argv.slice(2);
const runMsIndex = args.indexOf('--run-ms');
const runMs = runMsIndex >= 0 ? Number(args[runMsIndex + 1]) : 2000;
if (!Number.isFinite(runMs) || runMs <= 0) {
  process.stderr.write('bench: --run-ms takes a positive number of milliseconds\n');
  process.exit(2);
}
const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--run-ms');
const unknown = names.filter((n) => !(n in SUITES));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown suite(s) ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}\n`);
  process.exit(2);
}
process.stdout.write(`node ${process.version}, ${new Date().toISOString()}\n`);
for (const name of names.length > 0 ? names : Object.keys(SUITES)) {
  process.stdout.write(`\n## ${name}\n\n${await SUITES[name]!({ runMs })}\n`);
}
