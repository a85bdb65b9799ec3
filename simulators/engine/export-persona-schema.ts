/**
 * Writes fixtures/personas/persona.schema.json from the zod persona schema.
 * Run: npx tsx simulators/engine/export-persona-schema.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPersonaJsonSchema } from './persona-json-schema.ts';

export const PERSONA_SCHEMA_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/personas/persona.schema.json');

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(dirname(PERSONA_SCHEMA_PATH), { recursive: true });
  writeFileSync(PERSONA_SCHEMA_PATH, renderPersonaJsonSchema());
  console.log(`wrote ${PERSONA_SCHEMA_PATH}`);
}
