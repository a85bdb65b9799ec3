/**
 * Writes core/facts/applicant-facts.schema.json from the zod model, for integrators who do not use TypeScript.
 * Run `npm run schema:facts` after changing the model; a test compares the checked-in file with `renderFactsJsonSchema()`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { applicantFactsSchema } from './applicant-facts.ts';
import { factsSchemaRegistry } from './schema-registry.ts';

export const FACTS_JSON_SCHEMA_PATH = fileURLToPath(new URL('./applicant-facts.schema.json', import.meta.url));

export const FACTS_JSON_SCHEMA_ID = 'urn:agency-kit:schema:applicant-facts';

/** The JSON Schema (2020-12) text: keys sorted for stable diffs, two-space indent, trailing newline. */
export function renderFactsJsonSchema(): string {
  const generated = z.toJSONSchema(applicantFactsSchema, {
    target: 'draft-2020-12',
    // The file describes what a producer may send (SNILS in either spelling), i.e. the parser's input.
    io: 'input',
    metadata: factsSchemaRegistry,
    unrepresentable: 'throw',
  });
  const document = { ...generated, $id: FACTS_JSON_SCHEMA_ID, title: 'ApplicantFacts' };
  return JSON.stringify(sortKeys(document), null, 2) + '\n';
}

/** Object keys sorted recursively; array order is meaning (enum, required, items) and is kept. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
  }
  return value;
}

function isRunDirectly(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && fileURLToPath(import.meta.url) === entry;
}

if (isRunDirectly()) {
  writeFileSync(FACTS_JSON_SCHEMA_PATH, renderFactsJsonSchema());
  process.stdout.write(`wrote ${FACTS_JSON_SCHEMA_PATH}\n`);
}
