/**
 * @module scenario-stack
 * What a scenario needs from a stack: the decision service's URL and a way to set the simulators' faults and
 * latency. Two implementations: an in-process stack (stack/start-stack.ts), driving its engine directly, and a
 * stack already running elsewhere, driven through the simulators' admin APIs (/__admin).
 */
import type { FaultProfile } from '../simulators/engine/fault-profile-schema.ts';
import type { LatencyConfig } from '../simulators/engine/latency.ts';
import type { SimulatorEngine } from '../simulators/index.ts';

export interface ScenarioStack {
  readonly decisionUrl: string;
  /** Back to the persona data alone: no faults, no latency, fresh per-applicant call counters. */
  reset(): Promise<void>;
  setFaults(profile: FaultProfile): Promise<void>;
  setLatency(latency: LatencyConfig): Promise<void>;
  close(): Promise<void>;
}

/** Limits a scenario may ask of a stack of its own (scenario.stack), as component environment variables. */
export interface StackEnv {
  readonly gatewayEnv: Readonly<Record<string, string>>;
  readonly decisionEnv: Readonly<Record<string, string>>;
}

/** Starts stacks: the shared one for fault-free scenarios, and one per isolated scenario. */
export interface StackProvider {
  /** May be called once per run. */
  shared(): Promise<ScenarioStack>;
  /** A fresh stack of its own; absent when the runner targets running URLs (isolated scenarios then run serially on the shared one). */
  readonly fresh?: (env: StackEnv) => Promise<ScenarioStack>;
}

/** The slice of stack/start-stack.ts's RunningStack the runner uses (kept structural so tests can fake it). */
export interface EngineStack {
  readonly urls: { readonly decision: string };
  readonly engine: Pick<SimulatorEngine, 'reset' | 'setFaults' | 'setLatency'>;
  close(): Promise<void>;
}

export function fromEngineStack(stack: EngineStack): ScenarioStack {
  return {
    decisionUrl: stack.urls.decision,
    // engine.reset() rewinds state, journal and random streams but keeps faults and latency: clear those too.
    reset: async () => {
      stack.engine.reset();
      stack.engine.setFaults({ rules: [] });
      stack.engine.setLatency({});
    },
    setFaults: async (profile) => void stack.engine.setFaults(profile),
    setLatency: async (latency) => void stack.engine.setLatency(latency),
    close: () => stack.close(),
  };
}

async function adminCall(adminUrl: string, method: 'PUT' | 'POST', path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${adminUrl.replace(/\/$/, '')}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${adminUrl}${path}: HTTP ${response.status} ${await response.text()}`);
}

/**
 * A running stack. Each admin URL is called (an `npm start` shares one engine across the six simulators, so one
 * would do, but separately started simulators each have their own). Closing leaves the stack running: the runner
 * did not start it.
 */
export function fromUrls(decisionUrl: string, adminUrls: readonly string[]): ScenarioStack {
  const all = (method: 'PUT' | 'POST', path: string, body?: unknown) => Promise.all(adminUrls.map((u) => adminCall(u, method, path, body))).then(() => undefined);
  return {
    decisionUrl: decisionUrl.replace(/\/$/, ''),
    reset: async () => {
      await all('POST', '/reset');
      await all('PUT', '/faults', { rules: [] });
      await all('PUT', '/latency', {});
    },
    setFaults: (profile) => all('PUT', '/faults', profile),
    setLatency: (latency) => all('PUT', '/latency', latency),
    close: async () => undefined,
  };
}
