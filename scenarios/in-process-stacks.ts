/**
 * @module in-process-stacks
 * Stacks started in this process by stack/start-stack.ts: direct SOAP to the six simulators (no hub: scenarios
 * test decisions, not the exchange), free ports, throw-away data directories, silent logs. The gateway retries
 * quickly so an agency that stays down gives up in seconds rather than the production 15 s budget: the outcome
 * (manual review once retries are exhausted) is the same, only sooner.
 */
import { startStack } from '../stack/start-stack.ts';
import { fromEngineStack, type StackEnv, type StackProvider } from './scenario-stack.ts';

export const SCENARIO_GATEWAY_ENV: Readonly<Record<string, string>> = {
  GATEWAY_RETRY_MIN_DELAY_MS: '20',
  GATEWAY_RETRY_MAX_DELAY_MS: '250',
  GATEWAY_RETRY_BUDGET_MS: '4000',
  GATEWAY_AGENCY_TIMEOUT_MS: '2000',
};

export const SCENARIO_DECISION_ENV: Readonly<Record<string, string>> = {
  DECISION_POLL_INTERVAL_MS: '20',
  DECISION_RETRY_MIN_MS: '100',
  DECISION_RETRY_MAX_MS: '2000',
};

export interface InProcessOptions {
  readonly personasDir: string;
  readonly seed?: number | string;
  readonly host?: string;
}

export function inProcessStacks(options: InProcessOptions): StackProvider {
  const start = async (env: StackEnv) =>
    fromEngineStack(
      await startStack({
        host: options.host ?? '127.0.0.1',
        ports: 'auto',
        personasDir: options.personasDir,
        watchPersonas: false,
        dataDir: { temp: true },
        gatewayMode: 'direct',
        hub: false,
        seed: options.seed ?? 1,
        logLevel: 'silent',
        gatewayEnv: { ...SCENARIO_GATEWAY_ENV, ...env.gatewayEnv },
        decisionEnv: { ...SCENARIO_DECISION_ENV, ...env.decisionEnv },
      }),
    );
  return { shared: () => start({ gatewayEnv: {}, decisionEnv: {} }), fresh: start };
}
