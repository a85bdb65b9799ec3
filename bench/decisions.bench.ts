/**
 * Decisions end to end (issue 6's benchmark): applications for demo personas submitted to the decision service's
 * HTTP API, decided from facts the gateway gathers from the six agency simulators, signed both ways (the gateway
 * signs every request, the simulators require and verify it and sign their answers, the gateway verifies them).
 * The stack runs in child processes (decisions-target.ts), the load generator here: either split in three —
 * simulators, gateway, decision service, each its own event loop, so the 2 cores are used — or as `startStack`
 * (what `npm start` runs: every service in one process) for comparison. The gateway's facts cache is off so every
 * decision really calls the agencies (one row turns it on), and its rate limits are raised so they do not cap the
 * figure (both stated in the output). The simulators run as in the stack: answer self-validation stays on.
 *
 * Open loop only: applications are POSTed on a fixed schedule for the window, nothing is polled while it runs;
 * afterwards the bench waits (bounded) until the service has no pending application, then reads each timeline.
 * - throughput: offered well above capacity; decisions/s = decisions ÷ (last decision − first submit), i.e. the
 *   rate while the service had a backlog.
 * - latency: offered 50/s (the issue's goal) and 5/s (no queueing); submit (bench clock, just before the POST) →
 *   the `decided`/`manual-review` timestamp of the timeline.
 * - CPU: user+system seconds of the stack's process over the row, per decision (steadier than rates on a busy box).
 * Bounded: at most MAX_APPLICATIONS per row, DRAIN_MS after the window; the child is stopped at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { demoApplication, type DemoMeasure } from '../stack/demo-applications.ts';

const TARGET = fileURLToPath(new URL('./decisions-target.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const APPLICATION_DATE = '2026-11-16';
const PERSONAS: readonly [string, DemoMeasure][] = [
  ['children-3-7-sergeeva-golden-75', 'children-3-to-7'],
  ['children-3-7-belova-income-just-below-threshold', 'children-3-to-7'],
  ['utility-vasiliev-granted', 'utility-compensation'],
  ['utility-egorova-shared-flat-granted', 'utility-compensation'],
];
const MAX_APPLICATIONS = 5_000;
const WARM_UP_APPLICATIONS = 300;
const WARM_UP_PER_SEC = 100;
const DRAIN_MS = 60_000;
const THROUGHPUT_OFFERED_PER_SEC = 300;
const LATENCY_OFFERED_PER_SEC = 50;
/** Well below capacity: what one decision costs end to end without queueing. */
const LIGHT_OFFERED_PER_SEC = 5;

/** No cache (every decision calls the agencies), limits out of the way, enough applications in flight. */
const GATEWAY_ENV = { GATEWAY_CACHE_TTL_MS: '0', GATEWAY_CACHE_STALE_MS: '0', GATEWAY_AGENCY_RATE_PER_SEC: '100000', GATEWAY_CONSUMER_RATE_PER_SEC: '100000', GATEWAY_AGENCY_CONCURRENCY: '256' };
/** The same, but with the gateway's facts cache at its defaults: repeated personas cost no agency call. */
const { GATEWAY_CACHE_TTL_MS: _ttl, GATEWAY_CACHE_STALE_MS: _stale, ...GATEWAY_ENV_CACHED } = GATEWAY_ENV;

type Phase = 'throughput' | 'latency' | 'light load';
interface Config {
  readonly name: string;
  /**
   * `split`: simulators, gateway and decision service in three processes; `pair`: simulators and gateway in one
   * process, the decision service in another; `one`: startStack in one, as `npm start` (the gateway on a thread
   * of its own); `one-loop`: the same with every service on one event loop (`gatewayThread: false`).
   */
  readonly layout: 'split' | 'pair' | 'one' | 'one-loop';
  readonly gatewayEnv: Record<string, string>;
  readonly decisionEnv: Record<string, string>;
  readonly phases: readonly Phase[];
}
const CONFIGS: readonly Config[] = [
  { name: '3 processes, decision defaults', layout: 'split', gatewayEnv: GATEWAY_ENV, decisionEnv: {}, phases: ['throughput', 'latency', 'light load'] },
  // The gateway's limits are raised above, so the decision service may keep more applications in flight too.
  { name: '3 processes, worker concurrency 64', layout: 'split', gatewayEnv: GATEWAY_ENV, decisionEnv: { DECISION_WORKER_CONCURRENCY: '64' }, phases: ['throughput', 'latency'] },
  { name: '2 processes (simulators+gateway | decision), decision defaults', layout: 'pair', gatewayEnv: GATEWAY_ENV, decisionEnv: {}, phases: ['throughput', 'latency', 'light load'] },
  { name: '2 processes, worker concurrency 64', layout: 'pair', gatewayEnv: GATEWAY_ENV, decisionEnv: { DECISION_WORKER_CONCURRENCY: '64' }, phases: ['throughput'] },
  { name: '1 process (npm start: gateway thread), decision defaults', layout: 'one', gatewayEnv: GATEWAY_ENV, decisionEnv: {}, phases: ['throughput', 'latency'] },
  { name: '1 process (gateway thread), worker concurrency 64', layout: 'one', gatewayEnv: GATEWAY_ENV, decisionEnv: { DECISION_WORKER_CONCURRENCY: '64' }, phases: ['throughput'] },
  { name: '1 process, one event loop, decision defaults', layout: 'one-loop', gatewayEnv: GATEWAY_ENV, decisionEnv: {}, phases: ['throughput', 'latency'] },
  { name: '3 processes, gateway cache ON', layout: 'split', gatewayEnv: GATEWAY_ENV_CACHED, decisionEnv: {}, phases: ['throughput', 'latency'] },
];
const OFFERED: Readonly<Record<Phase, number>> = { throughput: THROUGHPUT_OFFERED_PER_SEC, latency: LATENCY_OFFERED_PER_SEC, 'light load': LIGHT_OFFERED_PER_SEC };

interface Target {
  readonly decision: string;
  /** user+system CPU seconds of the stack's processes so far (/proc/PID/stat, Linux only; NaN elsewhere). */
  cpuSeconds(): number;
  /** The same per process, in start order (simulators, gateway, decision service when split). */
  cpuSecondsEach(): number[];
  stop(): Promise<void>;
}

function processCpuSeconds(pid: number | undefined): number {
  try {
    // Fields after the "(comm)" part: utime and stime are the 12th and 13th, in clock ticks (100 per second).
    const fields = readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

interface Child {
  readonly urls: Record<string, unknown>;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

async function startChild(options: Record<string, unknown>): Promise<Child> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to each stack process, for profiling a row.
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', TARGET, JSON.stringify(options)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    child.stdin!.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const urls = await new Promise<Record<string, unknown>>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line !== undefined) resolve(JSON.parse(line) as Record<string, unknown>);
    });
    child.once('exit', (code) => reject(new Error(`stack target (${String(options['part'])}) exited with ${String(code)} before it was ready`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { urls, pid: child.pid, stop };
}

async function startTarget(config: Config): Promise<Target> {
  const children: Child[] = [];
  const stop = async (): Promise<void> => {
    // Front to back: the decision service first, so it stops claiming before its gateway goes away.
    for (const child of children.splice(0).reverse()) await child.stop();
  };
  try {
    if (config.layout === 'one' || config.layout === 'one-loop') {
      children.push(await startChild({ part: 'all', gatewayThread: config.layout === 'one', gatewayEnv: config.gatewayEnv, decisionEnv: config.decisionEnv }));
    } else if (config.layout === 'pair') {
      const gateway = await startChild({ part: 'simulators+gateway', gatewayEnv: config.gatewayEnv });
      children.push(gateway);
      children.push(await startChild({ part: 'decision', gateway: gateway.urls['gateway'], decisionEnv: config.decisionEnv }));
    } else {
      const simulators = await startChild({ part: 'simulators' });
      children.push(simulators);
      const gateway = await startChild({ part: 'gateway', agencies: simulators.urls['agencies'], gatewayEnv: config.gatewayEnv });
      children.push(gateway);
      children.push(await startChild({ part: 'decision', gateway: gateway.urls['gateway'], decisionEnv: config.decisionEnv }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const decision = String(children.at(-1)!.urls['decision']);
  const cpuSecondsEach = (): number[] => children.map((c) => processCpuSeconds(c.pid));
  return { decision, cpuSeconds: () => cpuSecondsEach().reduce((a, b) => a + b, 0), cpuSecondsEach, stop };
}

const bodies = PERSONAS.map(([persona, measure]) => JSON.stringify(demoApplication(persona, measure, APPLICATION_DATE)));

interface Submitted {
  readonly id: string | undefined;
  readonly at: number;
  /** Why the POST was not accepted: an HTTP status or the fetch error. */
  readonly refused?: string;
}

/** POSTs `count` applications at `perSecond` on a fixed schedule (open loop); resolves when all were answered. */
async function offer(url: string, perSecond: number, count: number): Promise<{ submitted: Submitted[]; start: number; end: number }> {
  const start = Date.now();
  const posts: Promise<Submitted>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const at = Date.now();
    posts.push(
      fetch(`${url}/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length]! })
        .then(async (res) => (res.status === 202 ? { id: ((await res.json()) as { id: string }).id, at } : { id: undefined, at, refused: `HTTP ${res.status}` }))
        .catch((error: unknown) => ({ id: undefined, at, refused: String((error as { cause?: { code?: string } }).cause?.code ?? error) })),
    );
  }
  const end = Date.now();
  return { submitted: await Promise.all(posts), start, end };
}

async function drain(url: string): Promise<boolean> {
  const deadline = Date.now() + DRAIN_MS;
  while (Date.now() < deadline) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { pendingApplications: number };
    if (ready.pendingApplications === 0) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

interface Outcome {
  readonly submittedAt: number;
  readonly decidedAt: number | undefined;
  readonly kind: string | undefined;
}

async function outcomes(url: string, submitted: readonly Submitted[]): Promise<Outcome[]> {
  const result: Outcome[] = [];
  for (let i = 0; i < submitted.length; i += 16) {
    const batch = submitted.slice(i, i + 16);
    result.push(
      ...(await Promise.all(
        batch.map(async (s) => {
          if (s.id === undefined) return { submittedAt: s.at, decidedAt: undefined, kind: `not accepted (${s.refused ?? '?'})` };
          const view = (await (await fetch(`${url}/v1/applications/${s.id}`)).json()) as { timeline: { status: string; at: string }[]; decision?: { kind: string } };
          const decided = view.timeline.find((t) => t.status === 'decided' || t.status === 'manual-review');
          return { submittedAt: s.at, decidedAt: decided === undefined ? undefined : Date.parse(decided.at), kind: view.decision?.kind };
        }),
      )),
    );
  }
  return result;
}

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

interface Row {
  readonly config: string;
  readonly phase: string;
  readonly offered: number;
  readonly submitted: number;
  /** Decisions ÷ (last decision − first submit): the service's rate while it had work. */
  readonly decidedPerSec: number;
  readonly cpuMsPerDecision: number;
  /** Per process (sim / gw / dec when split), to show which one is the bottleneck. */
  readonly cpuMsEach: string;
  /** The load generator's own CPU (this process: POSTs and /readyz polls), on the same two cores. */
  readonly generatorCpuMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly kinds: string;
  readonly undecided: number;
  readonly load: string;
}

async function row(config: Config, phase: Phase, windowMs: number): Promise<Row> {
  const perSecond = OFFERED[phase];
  const target = await startTarget(config);
  try {
    // Warm-up, so the measured decisions run on optimized code, as a service that has been up for a while does:
    // with only 8 warm-up applications, a fresh stack spent about twice the CPU per decision at 50/s as at 300/s
    // (V8 still compiling and optimizing), which showed up as latency.
    await offer(target.decision, WARM_UP_PER_SEC, WARM_UP_APPLICATIONS);
    await drain(target.decision);
    const load1 = loadavg()[0]!;
    const count = Math.min(MAX_APPLICATIONS, Math.round((perSecond * windowMs) / 1000));
    const cpuBefore = target.cpuSeconds();
    const eachBefore = target.cpuSecondsEach();
    const generatorBefore = process.cpuUsage();
    const run = await offer(target.decision, perSecond, count);
    const drained = await drain(target.decision);
    const cpu = target.cpuSeconds() - cpuBefore;
    const eachAfter = target.cpuSecondsEach();
    const generator = process.cpuUsage(generatorBefore);
    const done = await outcomes(target.decision, run.submitted);
    const decidedTimes = done.flatMap((o) => (o.decidedAt === undefined ? [] : [o.decidedAt]));
    const lastDecided = Math.max(...decidedTimes);
    const latencies = done.flatMap((o) => (o.decidedAt === undefined ? [] : [o.decidedAt - o.submittedAt])).sort((a, b) => a - b);
    const kinds = new Map<string, number>();
    for (const o of done) kinds.set(o.kind ?? 'undecided', (kinds.get(o.kind ?? 'undecided') ?? 0) + 1);
    return {
      config: config.name,
      phase,
      offered: perSecond,
      submitted: count,
      decidedPerSec: decidedTimes.length / ((lastDecided - run.start) / 1000),
      cpuMsPerDecision: (cpu * 1000) / decidedTimes.length,
      cpuMsEach: eachAfter.map((after, i) => (((after - eachBefore[i]!) * 1000) / decidedTimes.length).toFixed(1)).join(' / '),
      generatorCpuMs: (generator.user + generator.system) / 1000 / decidedTimes.length,
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      kinds: [...kinds].map(([k, n]) => `${k} ${n}`).join(', ') + (drained ? '' : ' (drain timed out)'),
      undecided: done.filter((o) => o.decidedAt === undefined).length,
      load: `${load1.toFixed(1)}–${loadavg()[0]!.toFixed(1)}`,
    };
  } finally {
    await target.stop();
  }
}

function table(rows: readonly Row[]): string {
  const header = ['config', 'phase', 'offered/s', 'apps', 'decided/s', 'p50 ms', 'p95 ms', 'p99 ms', 'stack CPU ms/decision', 'per process', 'load generator CPU ms', 'outcomes', 'load avg'];
  const lines = rows.map((r) => [r.config, r.phase, String(r.offered), String(r.submitted), r.decidedPerSec.toFixed(1), r.p50.toFixed(0), r.p95.toFixed(0), r.p99.toFixed(0), r.cpuMsPerDecision.toFixed(1), r.cpuMsEach, r.generatorCpuMs.toFixed(1), r.kinds, r.load]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(render)].join('\n');
}

export async function runDecisionsBench(options: { runMs: number }): Promise<string> {
  const rows: Row[] = [];
  // BENCH_ROWS=substring keeps the rows whose "config phase" contains it (for profiling one row; the table stays whole otherwise).
  const only = process.env['BENCH_ROWS'];
  for (const config of CONFIGS) {
    for (const phase of config.phases) if (only === undefined || `${config.name} ${phase}`.includes(only)) rows.push(await row(config, phase, options.runMs));
  }
  return [
    `personas (round robin): ${PERSONAS.map(([p]) => p).join(', ')}; application date ${APPLICATION_DATE}`,
    `gateway: cache off except where a row says ON, rate limits raised (${Object.entries(GATEWAY_ENV).map(([k, v]) => `${k}=${v}`).join(' ')}); direct mode, signed both ways`,
    'simulators: as in the stack — signed requests required and verified, answers signed and checked against their XSD (validateAnswers on), hot-path memo on',
    '3 processes: simulators | gateway | decision service, each its own event loop; 1 process: startStack (npm start); CPU is the sum over the processes (per process: simulators / gateway / decision service)',
    `${options.runMs} ms of offered load per row (at most ${MAX_APPLICATIONS} applications, drained for at most ${DRAIN_MS / 1000} s) after a warm-up of ${WARM_UP_APPLICATIONS} applications offered at ${WARM_UP_PER_SEC}/s and drained; a fresh stack per row`,
    '',
    table(rows),
  ].join('\n');
}
