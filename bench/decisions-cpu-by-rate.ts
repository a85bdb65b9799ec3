/**
 * `npx tsx bench/decisions-cpu-by-rate.ts`: user and system CPU per decision of each stack process (simulators /
 * gateway / decision service, three processes as in the decisions bench) at several offered rates, one stack
 * for all of them, after a warm-up. It answers one question the decisions bench raised: does a decision cost the
 * same CPU at 50/s as at 300/s? (On the 2-core VM of BENCHMARKS.md it does not: about twice the user CPU.)
 * Also the voluntary context switches per decision. Bounded: 1,800 applications in all; stops what it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoApplication, type DemoMeasure } from '../stack/demo-applications.ts';

const TARGET = fileURLToPath(new URL('./decisions-target.ts', import.meta.url));
const GATEWAY_ENV = { GATEWAY_CACHE_TTL_MS: '0', GATEWAY_CACHE_STALE_MS: '0', GATEWAY_AGENCY_RATE_PER_SEC: '100000', GATEWAY_CONSUMER_RATE_PER_SEC: '100000', GATEWAY_AGENCY_CONCURRENCY: '256' };
const PERSONAS: readonly [string, DemoMeasure][] = [
  ['children-3-7-sergeeva-golden-75', 'children-3-to-7'],
  ['children-3-7-belova-income-just-below-threshold', 'children-3-to-7'],
  ['utility-vasiliev-granted', 'utility-compensation'],
  ['utility-egorova-shared-flat-granted', 'utility-compensation'],
];
/** [offered per second, applications]; the first is the warm-up. BENCH_RUNS="100:300,50:600" replaces them. */
const RUNS: readonly [number, number][] = process.env['BENCH_RUNS'] === undefined
  ? [[100, 300], [50, 250], [300, 900], [50, 250], [20, 100]]
  : process.env['BENCH_RUNS'].split(',').map((run) => {
      const [perSecond, count] = run.split(':').map(Number);
      if (!(perSecond! > 0 && count! > 0 && count! <= 5_000)) throw new Error(`BENCH_RUNS: "${run}" is not rate:count (count at most 5000)`);
      return [perSecond!, count!];
    });

const children: ChildProcess[] = [];
async function startChild(options: Record<string, unknown>): Promise<Record<string, unknown>> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof", or V8 flags to compare) goes to each stack process, as in the decisions bench.
  const nodeArgs = (process.env['BENCH_NODE_ARGS'] ?? '').split(' ').filter((a) => a !== '');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', TARGET, JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line !== undefined) resolve(JSON.parse(line) as Record<string, unknown>);
    });
    child.once('exit', (code) => reject(new Error(`${String(options['part'])} exited with ${String(code)}`)));
  });
}

/** utime, stime (clock ticks, 100 per second) and voluntary context switches of a process. */
function usage(pid: number): [number, number, number] {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const switches = /voluntary_ctxt_switches:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return [Number(fields[11]), Number(fields[12]), Number(switches?.[1] ?? NaN)];
}

async function offer(url: string, perSecond: number, count: number, bodies: readonly string[]): Promise<void> {
  const start = Date.now();
  const posts: Promise<unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / perSecond - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    posts.push(fetch(`${url}/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length]! }).then((r) => r.text()));
  }
  await Promise.all(posts);
  for (let i = 0; i < 600; i++) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as { pendingApplications: number };
    if (ready.pendingApplications === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('applications still pending after 60 s');
}

try {
  const simulators = await startChild({ part: 'simulators' });
  const gateway = await startChild({ part: 'gateway', agencies: simulators['agencies'], gatewayEnv: GATEWAY_ENV });
  const decision = String((await startChild({ part: 'decision', gateway: gateway['gateway'] }))['decision']);
  const bodies = PERSONAS.map(([persona, measure]) => JSON.stringify(demoApplication(persona, measure, '2026-11-16')));
  process.stdout.write('offered/s | per decision: user ms / system ms / voluntary context switches — simulators | gateway | decision service\n');
  for (const [i, [perSecond, count]] of RUNS.entries()) {
    const before = children.map((c) => usage(c.pid!));
    await offer(decision, perSecond, count, bodies);
    const after = children.map((c) => usage(c.pid!));
    const cells = after.map((a, p) => {
      const b = before[p]!;
      return `${(((a[0] - b[0]) * 10) / count).toFixed(1)} / ${(((a[1] - b[1]) * 10) / count).toFixed(1)} / ${((a[2] - b[2]) / count).toFixed(1)}`;
    });
    process.stdout.write(`${String(perSecond).padStart(9)} | ${cells.join(' | ')}${i === 0 ? '  (warm-up)' : ''}\n`);
  }
} finally {
  for (const child of children) child.stdin!.end();
}
