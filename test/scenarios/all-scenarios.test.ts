import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inProcessStacks } from '../../scenarios/in-process-stacks.ts';
import { loadScenarios } from '../../scenarios/load-scenarios.ts';
import { runScenarios } from '../../scenarios/run-scenarios.ts';
import { failureDetails } from '../../scenarios/summary-table.ts';

const SCENARIOS_DIR = fileURLToPath(new URL('../../fixtures/scenarios/', import.meta.url));
const PERSONAS_DIR = fileURLToPath(new URL('../../fixtures/personas/', import.meta.url));

describe('the QA scenarios (fixtures/scenarios) against the whole stack in this process', () => {
  it('every scenario reaches the outcome its file expects', async () => {
    const { scenarios, invalid } = loadScenarios([SCENARIOS_DIR], PERSONAS_DIR);
    expect(invalid).toEqual([]);
    // Two isolated stacks beside the shared one: the test runs in a fork next to another test file on two cores.
    const results = await runScenarios({ scenarios, provider: inProcessStacks({ personasDir: PERSONAS_DIR }), concurrency: 6, isolatedConcurrency: 2 });
    expect(results).toHaveLength(scenarios.length);
    const failed = results.filter((r) => r.status !== 'passed');
    expect(failed.map((r) => r.id), `\n${failureDetails(failed, [])}`).toEqual([]);
  }, 240_000);
});
