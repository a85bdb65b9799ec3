/**
 * @module run-scenarios
 * The runner's programmatic API: runs loaded scenarios against stacks from a provider and reports each result as
 * it finishes. Faults and latency are engine-wide, and the gateway keeps caches and circuit breakers, so a fault
 * scenario would leak into anything running beside or after it on the same stack. Hence: fault-free scenarios
 * share one stack and run in parallel; every isolated scenario (faults, latency, own limits) gets a fresh stack
 * of its own when the provider can start one, and otherwise runs alone on the shared stack after the others,
 * between two resets.
 */
import { executeScenario, type ScenarioResult } from './execute-scenario.ts';
import type { LoadedScenario } from './load-scenarios.ts';
import { needsIsolation, type Scenario } from './scenario-schema.ts';
import type { ScenarioStack, StackEnv, StackProvider } from './scenario-stack.ts';

export interface RunScenariosOptions {
  readonly scenarios: readonly LoadedScenario[];
  readonly provider: StackProvider;
  /** Fault-free scenarios in flight at once on the shared stack. */
  readonly concurrency?: number;
  /** Isolated scenarios (each with a stack of its own) in flight at once. */
  readonly isolatedConcurrency?: number;
  readonly onResult?: (result: ScenarioResult, finished: number, total: number) => void;
}

/** A scenario's `stack` limits as component environment variables (stack/start-stack.ts passes them through). */
export function stackEnvOf(scenario: Scenario): StackEnv {
  const s = scenario.stack ?? {};
  const gatewayEnv: Record<string, string> = {};
  const decisionEnv: Record<string, string> = {};
  if (s.gatewayAgencyRatePerSec !== undefined) gatewayEnv['GATEWAY_AGENCY_RATE_PER_SEC'] = String(s.gatewayAgencyRatePerSec);
  if (s.gatewayConsumerRatePerSec !== undefined) gatewayEnv['GATEWAY_CONSUMER_RATE_PER_SEC'] = String(s.gatewayConsumerRatePerSec);
  if (s.gatewayAgencyConcurrency !== undefined) gatewayEnv['GATEWAY_AGENCY_CONCURRENCY'] = String(s.gatewayAgencyConcurrency);
  if (s.gatewayCacheTtlMs !== undefined) gatewayEnv['GATEWAY_CACHE_TTL_MS'] = String(s.gatewayCacheTtlMs);
  if (s.decisionWorkerConcurrency !== undefined) decisionEnv['DECISION_WORKER_CONCURRENCY'] = String(s.decisionWorkerConcurrency);
  return { gatewayEnv, decisionEnv };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

async function applyEnvironment(stack: ScenarioStack, scenario: Scenario): Promise<void> {
  await stack.reset();
  if (scenario.faults !== undefined) await stack.setFaults(scenario.faults);
  if (scenario.latency !== undefined) await stack.setLatency(scenario.latency);
}

function crashed(loaded: LoadedScenario, error: unknown, startedAt: number): ScenarioResult {
  const { scenario, file } = loaded;
  return {
    id: scenario.id,
    file,
    title: scenario.title,
    measure: scenario.measure,
    status: 'failed',
    expected: '',
    actual: 'error',
    durationMs: performance.now() - startedAt,
    problems: [`the run failed: ${error instanceof Error ? error.message : String(error)}`],
    copies: [],
  };
}

export async function runScenarios(options: RunScenariosOptions): Promise<ScenarioResult[]> {
  const { scenarios, provider } = options;
  const results = new Map<string, ScenarioResult>();
  const record = (result: ScenarioResult): void => {
    results.set(result.id, result);
    options.onResult?.(result, results.size, scenarios.length);
  };
  const guarded = async (loaded: LoadedScenario, run: () => Promise<ScenarioResult>): Promise<void> => {
    const startedAt = performance.now();
    try {
      record(await run());
    } catch (error) {
      record(crashed(loaded, error, startedAt));
    }
  };

  const isolated = scenarios.filter((s) => needsIsolation(s.scenario));
  const shareable = scenarios.filter((s) => !needsIsolation(s.scenario));
  const shared = await provider.shared();
  try {
    await shared.reset();
    const sharedRun = pool(shareable, options.concurrency ?? 8, (loaded) => guarded(loaded, () => executeScenario(shared, loaded.scenario, loaded.file)));
    const { fresh } = provider;
    if (fresh !== undefined) {
      const ownRun = pool(isolated, options.isolatedConcurrency ?? 2, (loaded) =>
        guarded(loaded, async () => {
          const stack = await fresh(stackEnvOf(loaded.scenario));
          try {
            await applyEnvironment(stack, loaded.scenario);
            return await executeScenario(stack, loaded.scenario, loaded.file);
          } finally {
            await stack.close();
          }
        }),
      );
      await Promise.all([sharedRun, ownRun]);
    } else {
      await sharedRun;
      // One at a time, after everything else: the faults hold the whole (shared) engine.
      await pool(isolated, 1, (loaded) =>
        guarded(loaded, async () => {
          try {
            await applyEnvironment(shared, loaded.scenario);
            return await executeScenario(shared, loaded.scenario, loaded.file);
          } finally {
            await shared.reset();
          }
        }),
      );
    }
  } finally {
    await shared.close();
  }
  return scenarios.map((s) => results.get(s.scenario.id)).filter((r): r is ScenarioResult => r !== undefined);
}
