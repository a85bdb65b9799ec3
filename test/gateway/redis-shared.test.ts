/**
 * Two gateway processes sharing one Redis: an answer cached by one is a hit in the other, and together they never
 * start more calls to one agency than its global rate allows, measured from the simulator's journal. Skipped,
 * with the reason in its name, when redis-server is not installed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithRedisServer, startRedisServer, type RedisServer } from '../support/redis-server.ts';
import { FAST_ENV, VASILIEV, envFor, postFacts, startSimulators, type Simulators } from './support.ts';

const SERVER = fileURLToPath(new URL('../../gateway/server.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const FNS_RATE = 2;
/** Journal-time jitter allowed at each end of the measured span. */
const JITTER_MS = 300;

interface GatewayProcess {
  readonly url: string;
  readonly child: ChildProcess;
}

function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const child = spawn(TSX, [SERVER], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /gateway listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}: ${output}`)));
  });
}

function stop(process: GatewayProcess | undefined): Promise<void> {
  if (process === undefined || process.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    process.child.once('exit', () => resolve());
    process.child.kill('SIGTERM');
  });
}

describeWithRedisServer('two gateway processes sharing Redis', () => {
  let redis: RedisServer;
  let sims: Simulators;
  let dir: string;
  const gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    sims = await startSimulators();
    dir = mkdtempSync(join(tmpdir(), 'gateway-redis-'));
    const env = (name: string): Record<string, string> => ({
      ...envFor(sims.urls), ...FAST_ENV, REDIS_URL: redis.url, AUDIT_LOG_PATH: join(dir, `${name}.jsonl`),
      GATEWAY_AGENCY_RATE_BY_AGENCY: `fns=${FNS_RATE}`, GATEWAY_LIMIT_MAX_WAIT_MS: '30000', GATEWAY_RETRIES: '0',
    });
    gateways.push(...(await Promise.all([startGatewayProcess(env('a')), startGatewayProcess(env('b'))])));
  }, 40_000);

  afterAll(async () => {
    await Promise.all(gateways.map(stop));
    await sims?.close();
    await redis?.stop();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('shares the cache: what one process fetched is a hit in the other', async () => {
    const [a, b] = gateways;
    const request = { ...VASILIEV, groups: ['disability'] };
    expect((await postFacts(a!.url, request)).headers.get('x-facts-cache')).toMatch(/=miss$/);
    expect((await postFacts(b!.url, request)).headers.get('x-facts-cache')).toMatch(/=hit;/);
    expect(sims.engine.journal.query({ agency: 'fri' })).toHaveLength(1);
  });

  it('never starts more calls to one agency than its global rate, across both processes', async () => {
    // Both processes create their fns limiter first (one call each, in turn): see the note on the limiter start-up
    // burst in the gateway report; the measurement below is of the steady state.
    for (const [i, g] of gateways.entries()) await postFacts(g.url, { ...VASILIEV, groups: ['income'], asOf: `2024-0${i + 1}-01` });
    sims.engine.reset();
    // Distinct periods: distinct cache keys, so every request is an agency call.
    const requests = Array.from({ length: 10 }, (_, i) => ({ ...VASILIEV, groups: ['income'], period: { from: `2025-${String(i + 1).padStart(2, '0')}-01`, to: '2025-12-31' }, wait: { maxMs: 30_000 } }));
    const answers = await Promise.all(requests.map((r, i) => postFacts(gateways[i % 2]!.url, r)));
    expect(answers.map((a) => a.status)).toEqual(requests.map(() => 200));
    const times = sims.engine.journal.query({ agency: 'fns', limit: 1000 }).map((e) => Date.parse(e.time)).sort((x, y) => x - y);
    expect(times).toHaveLength(10);
    // The journal stamps a call when the simulator has handled it, not when our limiter started it; the transit in
    // between (signing, verifying, two gateway processes and the simulators sharing the CPU) varies, measured up to
    // a few hundred ms on a loaded machine; below one spacing (1000 / rate = 500 ms) it can put at most one call more
    // into a journal window than the limiter started in it.
    // On a machine busy with other work the transit jitter can exceed one spacing, so the per-window bound keeps a
    // second call of headroom; uncoordinated limiters would still put twice the rate into a window.
    const busiestSecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
    expect(busiestSecond).toBeLessThanOrEqual(FNS_RATE + 2);
    // Over the whole run the rate is the agency's: two uncoordinated limiters would each run at the full rate and
    // finish in about half this time.
    const spanMs = times.at(-1)! - times[0]!;
    expect(spanMs).toBeGreaterThanOrEqual(((times.length - 1) * 1000) / FNS_RATE - 4 * JITTER_MS);
  }, 30_000);
});
