/**
 * @module load-scenarios
 * Finds scenario files (files or folders, `*.json` except `*.schema.json`) and validates each one completely:
 * the format, the id against the file name, the personas against the persona folder, and every submitted body
 * against the decision service's own intake schema. A problem names the file and the JSON path, so a broken
 * scenario is fixed from the message alone instead of surfacing as a 400 or a confusing mismatch at run time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { formatPath } from '../core/facts/index.ts';
import { parseIntake } from '../decision/api/intake.ts';
import { scenarioSchema, type Scenario } from './scenario-schema.ts';

export interface LoadedScenario {
  readonly file: string;
  readonly scenario: Scenario;
}

export interface InvalidScenarioFile {
  readonly file: string;
  /** "path: message", one per problem. */
  readonly problems: readonly string[];
}

export interface LoadResult {
  readonly scenarios: readonly LoadedScenario[];
  readonly invalid: readonly InvalidScenarioFile[];
}

const isScenarioFile = (name: string): boolean => name.endsWith('.json') && !name.endsWith('.schema.json');

/** Every scenario file under the given paths, sorted, each once. A missing path is an error: a typo must not pass as "0 scenarios". */
export function collectScenarioFiles(paths: readonly string[]): string[] {
  const found = new Set<string>();
  const walk = (path: string): void => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat === undefined) throw new Error(`${path}: no such file or folder`);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        const child = join(path, entry);
        if (statSync(child).isDirectory() || isScenarioFile(entry)) walk(child);
      }
    } else found.add(path);
  };
  for (const p of paths) walk(resolve(p));
  return [...found].sort();
}

/** The persona ids a folder provides (file names; the persona test checks each file's id matches its name). */
export function personaIdsIn(personasDir: string): Set<string> {
  return new Set(readdirSync(personasDir).filter(isScenarioFile).map((f) => f.slice(0, -'.json'.length)));
}

export function parseScenario(file: string, text: string, personaIds: ReadonlySet<string>): LoadedScenario | InvalidScenarioFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { file, problems: [`(root): not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) return { file, problems: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  const scenario = parsed.data;
  const problems: string[] = [];
  const expectedId = basename(file).replace(/\.json$/, '');
  if (scenario.id !== expectedId) problems.push(`id: "${scenario.id}" differs from the file name "${expectedId}"`);
  scenario.personas.forEach((id, i) => {
    if (!personaIds.has(id)) problems.push(`personas[${i}]: no persona "${id}" in the personas folder`);
  });
  scenario.faults?.rules.forEach((rule, i) => {
    const id = rule.when.personaId;
    if (id !== undefined && !scenario.personas.includes(id)) problems.push(`faults.rules[${i}].when.personaId: "${id}" is not one of the scenario's personas`);
  });
  scenario.steps.forEach((step, i) => {
    const at = `steps[${i}].submit`;
    if (step.submit['measure'] !== scenario.measure) problems.push(`${at}.measure: "${String(step.submit['measure'])}" differs from the scenario's measure "${scenario.measure}"`);
    // The receipt date only fills a missing applicationDate; a scenario should always pin its decision date.
    if (typeof step.submit['applicationDate'] !== 'string') problems.push(`${at}.applicationDate: required in a scenario (the personas only work on their decision date)`);
    const intake = parseIntake(step.submit, '2000-01-01');
    if (!intake.ok) problems.push(...intake.issues.map((issue) => `${issue.path === '(root)' ? at : `${at}.${issue.path}`}: ${issue.message}`));
  });
  return problems.length > 0 ? { file, problems } : { file, scenario };
}

export function loadScenarios(paths: readonly string[], personasDir: string): LoadResult {
  const personaIds = personaIdsIn(personasDir);
  const scenarios: LoadedScenario[] = [];
  const invalid: InvalidScenarioFile[] = [];
  const fileOfId = new Map<string, string>();
  for (const file of collectScenarioFiles(paths)) {
    const result = parseScenario(file, readFileSync(file, 'utf8'), personaIds);
    if ('problems' in result) {
      invalid.push(result);
      continue;
    }
    const other = fileOfId.get(result.scenario.id);
    if (other !== undefined) {
      invalid.push({ file, problems: [`id: "${result.scenario.id}" is also the id of ${other}`] });
      continue;
    }
    fileOfId.set(result.scenario.id, file);
    scenarios.push(result);
  }
  return { scenarios, invalid };
}
