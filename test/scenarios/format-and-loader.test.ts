import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { collectScenarioFiles, loadScenarios, parseScenario, personaIdsIn } from '../../scenarios/load-scenarios.ts';
import { renderScenarioJsonSchema, SCENARIO_SCHEMA_PATH } from '../../scenarios/scenario-json-schema.ts';
import { needsIsolation } from '../../scenarios/scenario-schema.ts';

const SCENARIOS_DIR = fileURLToPath(new URL('../../fixtures/scenarios/', import.meta.url));
const PERSONAS_DIR = fileURLToPath(new URL('../../fixtures/personas/', import.meta.url));
const personas = personaIdsIn(PERSONAS_DIR);
const golden = JSON.parse(readFileSync(join(SCENARIOS_DIR, 'children-3-7-sergeeva-golden-75.json'), 'utf8')) as Record<string, unknown>;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function problemsOf(file: string, value: unknown): readonly string[] {
  const result = parseScenario(file, typeof value === 'string' ? value : JSON.stringify(value), personas);
  return 'problems' in result ? result.problems : [];
}

describe('the scenario format', () => {
  it('matches the committed fixtures/scenarios/scenario.schema.json (run npx tsx scenarios/scenario-json-schema.ts when this fails)', () => {
    expect(readFileSync(SCENARIO_SCHEMA_PATH, 'utf8')).toBe(renderScenarioJsonSchema());
  });

  it('accepts every committed scenario, at least 40 of them, each named by its id', () => {
    const { scenarios, invalid } = loadScenarios([SCENARIOS_DIR], PERSONAS_DIR);
    expect(invalid, invalid.map((f) => `${f.file}: ${f.problems.join('; ')}`).join('\n')).toEqual([]);
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  it('covers every measure granted and the golden 3–7 case at 75 % = 16 602.75 ₽ per child', () => {
    const { scenarios } = loadScenarios([SCENARIOS_DIR], PERSONAS_DIR);
    const granted = new Set(scenarios.filter((s) => s.scenario.steps.some((st) => st.expect.decision === 'granted')).map((s) => s.scenario.measure));
    expect([...granted].sort()).toEqual(['birth-gift', 'children-3-to-7', 'disabled-child-allowance', 'survivor-allowance', 'utility-compensation']);
    const goldenSteps = scenarios.flatMap((s) => s.scenario.steps).filter((st) => JSON.stringify(st.expect.paymentsKopecks) === '[1660275,1660275]');
    expect(goldenSteps.length).toBeGreaterThan(0);
  });

  it('reports a wrong field with the file and the JSON path of the problem', () => {
    const broken = structuredClone(golden) as { steps: { expect: Record<string, unknown> }[] };
    const step = broken.steps[0];
    if (step === undefined) throw new Error('fixture changed');
    step.expect['finalStatus'] = 'done';
    const result = parseScenario('/x/children-3-7-sergeeva-golden-75.json', JSON.stringify(broken), personas);
    expect(result).toMatchObject({ file: '/x/children-3-7-sergeeva-golden-75.json' });
    expect('problems' in result ? result.problems.join('\n') : '').toMatch(/^steps\[0\]\.expect\.finalStatus: /);
  });

  it('reports a body the decision service would refuse, with its path inside the step', () => {
    const broken = structuredClone(golden) as { steps: { submit: { applicant: Record<string, unknown> } }[] };
    const applicant = broken.steps[0]?.submit.applicant;
    if (applicant === undefined) throw new Error('fixture changed');
    applicant['snils'] = '12345678900';
    expect(problemsOf('/x/children-3-7-sergeeva-golden-75.json', broken).join('\n')).toContain('steps[0].submit.applicant.snils: ');
  });

  it('reports an id that differs from the file name, an unknown persona, another measure in a body and invalid JSON', () => {
    expect(problemsOf('/x/other-name.json', golden)).toContain('id: "children-3-7-sergeeva-golden-75" differs from the file name "other-name"');
    expect(problemsOf('/x/children-3-7-sergeeva-golden-75.json', { ...golden, personas: ['nobody'] })).toContain('personas[0]: no persona "nobody" in the personas folder');
    expect(problemsOf('/x/children-3-7-sergeeva-golden-75.json', { ...golden, measure: 'birth-gift' }).join('\n')).toContain('steps[0].submit.measure: "children-3-to-7" differs');
    expect(problemsOf('/x/a.json', '{ "id": ')[0]).toMatch(/^\(root\): not valid JSON/);
  });

  it('refuses an expectation that contradicts itself (an amount on a refusal, a decision the status cannot have)', () => {
    const withExpect = (expectation: unknown) => ({ ...golden, steps: [{ submit: (golden['steps'] as { submit: unknown }[])[0]?.submit, expect: expectation }] });
    expect(problemsOf('/x/children-3-7-sergeeva-golden-75.json', withExpect({ finalStatus: 'decided', decision: 'refused', amountKopecks: 1 })).join('\n')).toContain('steps[0].expect.amountKopecks: amountKopecks only apply to decision "granted"');
    expect(problemsOf('/x/children-3-7-sergeeva-golden-75.json', withExpect({ finalStatus: 'decided', decision: 'manual-review' })).join('\n')).toContain('steps[0].expect.decision: ');
  });

  it('isolates scenarios that inject faults, latency or limits, and shares the rest', () => {
    const { scenarios } = loadScenarios([SCENARIOS_DIR], PERSONAS_DIR);
    const byId = new Map(scenarios.map((s) => [s.scenario.id, s.scenario]));
    expect(needsIsolation(byId.get('fault-fns-not-ready-twice-golden-75')!)).toBe(true);
    expect(needsIsolation(byId.get('burst-children-3-7-through-gateway-limits')!)).toBe(true);
    expect(needsIsolation(byId.get('children-3-7-sergeeva-golden-75')!)).toBe(false);
  });

  it('collects files from folders (skipping *.schema.json) and refuses a path that does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    temps.push(dir);
    writeFileSync(join(dir, 'b.json'), '{}');
    writeFileSync(join(dir, 'a.json'), '{}');
    writeFileSync(join(dir, 'x.schema.json'), '{}');
    writeFileSync(join(dir, 'notes.md'), '');
    expect(collectScenarioFiles([dir]).map((f) => f.slice(dir.length + 1))).toEqual(['a.json', 'b.json']);
    expect(() => collectScenarioFiles([join(dir, 'missing')])).toThrow(/missing: no such file or folder/);
  });
});
