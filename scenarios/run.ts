/**
 * @module run
 * `npm run scenarios -- [files or folders]` (default fixtures/scenarios): loads and validates every scenario,
 * boots the stack in-process (or targets one already running with --decision-url and --admin-urls), runs them,
 * prints one line per finished scenario and a summary table, writes a JUnit XML report, and exits 1 when any
 * scenario failed or any file was invalid (2 when the run itself could not start).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { inProcessStacks } from './in-process-stacks.ts';
import { renderJUnit } from './junit-report.ts';
import { loadScenarios } from './load-scenarios.ts';
import { runScenarios } from './run-scenarios.ts';
import { fromUrls, type StackProvider } from './scenario-stack.ts';
import { failureDetails, progressLine, summaryTable, totals } from './summary-table.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

interface CliOptions {
  readonly junit: string;
  readonly personas: string;
  readonly concurrency: number;
  readonly isolatedConcurrency: number;
  readonly seed: string;
  readonly gatewayUrl?: string;
  readonly decisionUrl?: string;
  readonly adminUrls?: string;
}

async function healthy(url: string): Promise<void> {
  const response = await fetch(`${url.replace(/\/$/, '')}/healthz`).catch((error: unknown) => {
    throw new Error(`${url} does not answer: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!response.ok) throw new Error(`${url}/healthz answered ${response.status}`);
}

async function providerFor(options: CliOptions): Promise<StackProvider> {
  if (options.decisionUrl === undefined) {
    if (options.gatewayUrl !== undefined || options.adminUrls !== undefined) throw new Error('--gateway-url and --admin-urls need --decision-url');
    return inProcessStacks({ personasDir: resolve(options.personas), seed: options.seed });
  }
  if (options.adminUrls === undefined) throw new Error('--decision-url needs --admin-urls (the simulators\' /__admin URLs, comma-separated) to reset and inject faults');
  const adminUrls = options.adminUrls.split(',').map((u) => u.trim()).filter((u) => u.length > 0);
  await healthy(options.decisionUrl);
  if (options.gatewayUrl !== undefined) await healthy(options.gatewayUrl);
  const shared = fromUrls(options.decisionUrl, adminUrls);
  return { shared: async () => shared };
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('scenarios')
    .description('Run QA scenarios (fixtures/scenarios/*.json) against the whole stack')
    .argument('[paths...]', 'scenario files or folders', ['fixtures/scenarios'])
    .option('--junit <file>', 'JUnit XML report', 'reports/scenarios.xml')
    .option('--personas <dir>', 'demo personas the scenarios name (in-process stacks load them too)', resolve(REPO_ROOT, 'fixtures/personas'))
    .option('--concurrency <n>', 'fault-free scenarios at once on the shared stack', positiveInt, 8)
    .option('--isolated-concurrency <n>', 'scenarios with faults at once, each on a stack of its own', positiveInt, 2)
    .option('--seed <seed>', 'simulator seed of in-process stacks', '1')
    .option('--gateway-url <url>', 'running gateway (checked for health only: the decision service calls it)')
    .option('--decision-url <url>', 'running decision service: use it instead of starting a stack')
    .option('--admin-urls <urls>', 'comma-separated simulator admin URLs (…/__admin) of the running stack')
    .exitOverride();
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    // commander already printed the problem (or the help text).
    return (error as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const paths = program.args.length > 0 ? program.args : [resolve(REPO_ROOT, 'fixtures/scenarios')];
  const options = program.opts<CliOptions>();
  const started = performance.now();
  try {
    const { scenarios, invalid } = loadScenarios(paths, resolve(options.personas));
    for (const f of invalid) console.error(`INVALID ${f.file}\n${f.problems.map((p) => `  - ${p}`).join('\n')}`);
    console.log(`running ${scenarios.length} scenario(s)${options.decisionUrl === undefined ? ' on in-process stacks' : ` against ${options.decisionUrl}`}`);
    const results = await runScenarios({
      scenarios,
      provider: await providerFor(options),
      concurrency: options.concurrency,
      isolatedConcurrency: options.isolatedConcurrency,
      onResult: (r, finished, total) => console.log(progressLine(r, finished, total)),
    });
    const totalMs = performance.now() - started;
    console.log(`\n${summaryTable(results)}\n`);
    const details = failureDetails(results, invalid);
    if (details !== '') console.log(`${details}\n`);
    console.log(totals(results, invalid, totalMs));
    const junit = resolve(options.junit);
    mkdirSync(dirname(junit), { recursive: true });
    writeFileSync(junit, renderJUnit(results, invalid, totalMs));
    console.log(`JUnit report: ${junit}`);
    return results.every((r) => r.status === 'passed') && invalid.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`scenarios: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
