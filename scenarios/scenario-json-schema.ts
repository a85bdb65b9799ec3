/**
 * @module scenario-json-schema
 * The scenario file format as JSON Schema (fixtures/scenarios/scenario.schema.json), generated from the zod schema,
 * the single source. A test fails when the committed file is stale. Regenerate: npx tsx scenarios/scenario-json-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from './scenario-schema.ts';

export const SCENARIO_SCHEMA_PATH = fileURLToPath(new URL('../fixtures/scenarios/scenario.schema.json', import.meta.url));

export function generateScenarioJsonSchema(): Record<string, unknown> {
  // io: 'input': fields with defaults (copies, tags, isolated …) may be left out of a file.
  const generated = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, $id: 'urn:agency-kit:fixtures:scenario', description: 'One QA scenario: personas, faults, the applications submitted and the outcome each must reach.' };
}

/** The exact text on disk, so the staleness test and this script cannot disagree on formatting. */
export function renderScenarioJsonSchema(): string {
  return JSON.stringify(generateScenarioJsonSchema(), null, 2) + '\n';
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCENARIO_SCHEMA_PATH, renderScenarioJsonSchema());
  console.log(`wrote ${SCENARIO_SCHEMA_PATH}`);
}
