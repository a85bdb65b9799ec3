/**
 * @module execute-scenario
 * Runs one scenario's steps against a stack whose faults are already in place (the scheduler sets them): each
 * step submits its application (copies of it at the same moment for a burst), waits until the applicant is
 * notified, and compares the outcome. Steps run one after another unless the scenario says they are concurrent:
 * a duplicate must only be submitted once the first application is decided.
 */
import { actualOutcome, compareOutcome, describeOutcome, formatDifferences, type ActualOutcome } from './compare-outcome.ts';
import { submitApplication, waitUntilNotified } from './application-client.ts';
import type { ScenarioStack } from './scenario-stack.ts';
import type { Scenario, ScenarioStep } from './scenario-schema.ts';

export const DEFAULT_WITHIN_MS = 30_000;

export interface CopyOutcome {
  readonly step: number;
  readonly copy: number;
  readonly applicationId?: string;
  readonly actual?: ActualOutcome;
  /** "field: expected …, got …" lines, or the error that stopped this copy; empty when it passed. */
  readonly problems: readonly string[];
}

export type ScenarioStatus = 'passed' | 'failed' | 'invalid';

export interface ScenarioResult {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly measure: string;
  readonly status: ScenarioStatus;
  /** One line per step, e.g. "granted 3320550 | refused [ALREADY_GRANTED]". */
  readonly expected: string;
  readonly actual: string;
  readonly durationMs: number;
  /** Every problem, prefixed with its step and copy. */
  readonly problems: readonly string[];
  readonly copies: readonly CopyOutcome[];
}

async function runCopy(stack: ScenarioStack, step: ScenarioStep, index: number, copy: number): Promise<CopyOutcome> {
  let applicationId: string | undefined;
  try {
    applicationId = await submitApplication(stack.decisionUrl, step.submit, step.idempotencyKey);
    const within = step.expect.within ?? DEFAULT_WITHIN_MS;
    const { view, finished } = await waitUntilNotified(stack.decisionUrl, applicationId, within);
    const actual = actualOutcome(view);
    const problems = formatDifferences(compareOutcome(step.expect, actual));
    if (!finished) {
      const lastError = view.processing?.lastError === undefined ? '' : `; last error: ${JSON.stringify(view.processing.lastError)}`;
      problems.unshift(`not notified within ${within} ms: still "${view.status}" (timeline ${view.timeline.map((t) => t.status).join(' → ')})${lastError}`);
    }
    return { step: index, copy, applicationId, actual, problems };
  } catch (error) {
    return { step: index, copy, ...(applicationId === undefined ? {} : { applicationId }), problems: [error instanceof Error ? error.message : String(error)] };
  }
}

async function runStep(stack: ScenarioStack, step: ScenarioStep, index: number): Promise<CopyOutcome[]> {
  return Promise.all(Array.from({ length: step.copies }, (_, copy) => runCopy(stack, step, index, copy)));
}

export async function executeScenario(stack: ScenarioStack, scenario: Scenario, file: string): Promise<ScenarioResult> {
  const started = performance.now();
  let copies: CopyOutcome[];
  if (scenario.concurrentSteps) copies = (await Promise.all(scenario.steps.map((step, i) => runStep(stack, step, i)))).flat();
  else {
    copies = [];
    for (const [i, step] of scenario.steps.entries()) copies.push(...(await runStep(stack, step, i)));
  }
  const multi = scenario.steps.length > 1 || scenario.steps.some((s) => s.copies > 1);
  const problems = copies.flatMap((c) => c.problems.map((p) => (multi ? `step ${c.step + 1}${(scenario.steps[c.step]?.copies ?? 1) > 1 ? ` copy ${c.copy + 1}` : ''}: ${p}` : p)));
  return {
    id: scenario.id,
    file,
    title: scenario.title,
    measure: scenario.measure,
    status: problems.length === 0 ? 'passed' : 'failed',
    expected: scenario.steps.map((s) => `${describeOutcome(s.expect)}${s.copies > 1 ? ` ×${s.copies}` : ''}`).join(' | '),
    actual: summarizeActual(scenario, copies),
    durationMs: performance.now() - started,
    problems,
    copies,
  };
}

/** Per step: the outcome all copies share, or "mixed: a ×n, b ×m" when they differ. */
function summarizeActual(scenario: Scenario, copies: readonly CopyOutcome[]): string {
  return scenario.steps
    .map((_, i) => {
      const counts = new Map<string, number>();
      for (const c of copies.filter((x) => x.step === i)) {
        const text = c.actual === undefined ? 'error' : describeOutcome(c.actual);
        counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      const entries = [...counts];
      if (entries.length === 1 && entries[0] !== undefined) return entries[0][1] > 1 ? `${entries[0][0]} ×${entries[0][1]}` : entries[0][0];
      return `mixed: ${entries.map(([t, n]) => `${t} ×${n}`).join(', ')}`;
    })
    .join(' | ');
}
