/**
 * Gateway throughput and overhead (issue 5's benchmark), everything in this process on 127.0.0.1 (ports picked at
 * run time, all stopped at the end, also on error):
 * - facts requests per second with p50/p95/p99 for cache hits and for misses: one POST /v1/facts for a demo persona
 *   asking every group the six agencies serve (8 agency operations), signed both ways (the gateway signs each
 *   request, the simulators require and verify that signature, sign their answers, and the gateway verifies them);
 * - the gateway's own cost per agency call: one-group requests (fri, cache off) against callAgencyDirect to the
 *   same simulator with the same signing, one at a time, so the difference is the HTTP hop, the JSON and the
 *   pipeline stages (access, cache lookup, retry, breaker, limiter, timeout), not queueing; once more with a
 *   pass-through CallLimits, to separate what the limiter's scheduling costs.
 * The simulators share this event loop with the gateway and the load loop, so the figures are relative: compare
 * rows of one run.
 */
import { fileURLToPath } from 'node:url';
import { friDisabilityAdapter } from '../adapters/index.ts';
import { callAgencyDirect } from '../adapters/transport/direct-soap-client.ts';
import { friContract } from '../core/contracts/index.ts';
import { MemoryAuditLog } from '../gateway/audit/index.ts';
import { CALLED_AGENCIES, loadGatewayConfig, type CalledAgency } from '../gateway/config/config.ts';
import { DEMO_CONSUMER_KEY } from '../gateway/config/consumers.ts';
import { createLogger } from '../gateway/observability/index.ts';
import type { CallLimits } from '../gateway/ports.ts';
import { startGateway, type RunningGateway } from '../gateway/server.ts';
import { createAgencySimulators, fixtureSigningFor, fixtureTrustList, SimulatorEngine, startAgencySimulator, type RunningAgencySimulator } from '../simulators/index.ts';

const PERSONAS_DIR = fileURLToPath(new URL('../fixtures/personas/', import.meta.url));
const SUBJECT = {
  snils: '22747739803',
  name: { family: 'Васильев', first: 'Николай', patronymic: 'Петрович' },
  birthDate: '1964-03-09',
  gender: 'male',
  identityDocument: { kindCode: '21', series: '6709', number: '966969', issueDate: '2009-03-26' },
} as const;
const BODY = {
  subject: { ...SUBJECT, dwelling: { fiasHouseGuid: 'bad6d232-4fde-43de-9cec-6a5050382111' } },
  groups: ['income', 'pensions', 'assignedBenefits', 'disability', 'housing', 'residence', 'births', 'deaths'],
  period: { from: '2026-05-01', to: '2026-10-31' },
  asOf: '2026-11-16',
  purpose: { measure: 'utility-compensation' },
};
const ONE_AGENCY = { ...BODY, groups: ['disability'] };

interface Row {
  readonly name: string;
  readonly perSecond: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly n: number;
  /** CPU of this whole process (gateway, simulators and load loop) per operation: steadier than wall time on a busy machine. */
  readonly cpuMs: number;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** Runs `op` from `workers` concurrent loops for `runMs` after a warm-up; latencies in ms. */
async function load(name: string, op: () => Promise<void>, options: { workers: number; runMs: number }): Promise<Row> {
  const warmEnd = performance.now() + Math.min(500, options.runMs / 4);
  while (performance.now() < warmEnd) await op();
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const end = start + options.runMs;
  await Promise.all(
    Array.from({ length: options.workers }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return { name, perSecond: latencies.length / seconds, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), p99: quantile(latencies, 0.99), n: latencies.length, cpuMs: (cpu.user + cpu.system) / 1000 / latencies.length };
}

function table(rows: readonly Row[]): string {
  const header = ['case', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/req', 'n'];
  const lines = rows.map((r) => [r.name, r.perSecond.toFixed(0), r.p50.toFixed(2), r.p95.toFixed(2), r.p99.toFixed(2), r.cpuMs.toFixed(2), String(r.n)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [render(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(render)].join('\n');
}

async function post(gateway: RunningGateway, body: unknown): Promise<void> {
  const response = await fetch(`${gateway.url}/v1/facts`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': DEMO_CONSUMER_KEY }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`gateway answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

export async function runGatewayBench(options: { runMs: number }): Promise<string> {
  const engine = new SimulatorEngine({ seed: 1, personasDir: PERSONAS_DIR, watchPersonas: false, journal: { maxEntries: 1000, maxBytes: 8 << 20 } });
  const trust = fixtureTrustList();
  const sims = new Map<CalledAgency, RunningAgencySimulator>();
  const gateways: RunningGateway[] = [];
  try {
    for (const simulator of createAgencySimulators(engine)) {
      sims.set(simulator.agency as CalledAgency, await startAgencySimulator({ simulator, engine, signing: fixtureSigningFor(simulator.agency), trust, requireSignedRequests: true }));
    }
    const env = {
      ...Object.fromEntries(CALLED_AGENCIES.map((a) => [`AGENCY_URL_${a.toUpperCase().replace(/-/g, '_')}`, sims.get(a)!.url])),
      GATEWAY_PORT: '0', LOG_LEVEL: 'silent', GATEWAY_AGENCY_RATE_PER_SEC: '100000', GATEWAY_CONSUMER_RATE_PER_SEC: '100000', GATEWAY_AGENCY_CONCURRENCY: '64',
    };
    const start = async (extra: Record<string, string>, limits?: CallLimits): Promise<RunningGateway> => {
      const g = await startGateway(loadGatewayConfig({ ...env, ...extra }), { audit: new MemoryAuditLog(), logger: createLogger({ level: 'silent' }), ...(limits === undefined ? {} : { limits }) });
      gateways.push(g);
      return g;
    };
    const cached = await start({ GATEWAY_CACHE_TTL_MS: '3600000' });
    const uncached = await start({ GATEWAY_CACHE_TTL_MS: '0' });
    const config = loadGatewayConfig(env);
    // The same gateway without rate limiting, to show what the limiter's scheduling adds to one call.
    const unlimited = await start({ GATEWAY_CACHE_TTL_MS: '0' }, { schedule: (_scope, task) => task(), queueDepths: async () => ({}), close: async () => undefined });
    const rows: Row[] = [];
    rows.push(await load('facts, 6 agencies, cache hits (8 workers)', () => post(cached, BODY), { workers: 8, runMs: options.runMs }));
    rows.push(await load('facts, 6 agencies, cache misses (8 workers)', () => post(uncached, BODY), { workers: 8, runMs: options.runMs }));
    const direct = await load('one agency call: callAgencyDirect → fri (1 worker)', async () => {
      const outcome = await callAgencyDirect({ url: sims.get('fri')!.url, contract: friContract, operation: friContract.operations[0]!, adapter: friDisabilityAdapter, query: { subject: SUBJECT, asOf: BODY.asOf, purpose: BODY.purpose }, signing: config.signing, trust: config.trust, timeoutMs: 5000 });
      if (outcome.kind !== 'facts') throw new Error(`direct call: ${outcome.kind}`);
    }, { workers: 1, runMs: options.runMs });
    const viaGateway = await load('one agency call: gateway → fri, cache off (1 worker)', () => post(uncached, ONE_AGENCY), { workers: 1, runMs: options.runMs });
    const noLimiter = await load('one agency call: gateway → fri, cache off, no limiter (1 worker)', () => post(unlimited, ONE_AGENCY), { workers: 1, runMs: options.runMs });
    rows.push(direct, viaGateway, noLimiter);
    engine.journal.clear();
    const overhead =
      `Gateway overhead per agency call: p50 ${(viaGateway.p50 - direct.p50).toFixed(2)} ms wall (${direct.p50.toFixed(2)} direct, ${viaGateway.p50.toFixed(2)} through the gateway), ` +
      `${(viaGateway.cpuMs - direct.cpuMs).toFixed(2)} ms CPU (${direct.cpuMs.toFixed(2)} direct, ${viaGateway.cpuMs.toFixed(2)} through the gateway); ` +
      `without the limiter: p50 ${(noLimiter.p50 - direct.p50).toFixed(2)} ms wall, ${(noLimiter.cpuMs - direct.cpuMs).toFixed(2)} ms CPU`;
    return `${table(rows)}\n\n${overhead}`;
  } finally {
    await Promise.allSettled(gateways.map((g) => g.close()));
    await Promise.allSettled([...sims.values()].map((s) => s.close()));
    engine.close();
  }
}
