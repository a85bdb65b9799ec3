/**
 * @module persona-json-schema
 * The persona file format as JSON Schema, for editors and for teams that write fixtures outside TypeScript.
 * Generated from the zod schema (the single source); a test fails when fixtures/personas/persona.schema.json is stale.
 */
import { z } from 'zod';
import { personaFileSchema } from './persona-schema.ts';

export const PERSONA_JSON_SCHEMA_ID = 'urn:agency-kit:fixtures:persona';

export function generatePersonaJsonSchema(): Record<string, unknown> {
  // io: 'input' describes what a file may contain: fields with defaults (documents, agencies, tags) are optional.
  const generated = z.toJSONSchema(personaFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: PERSONA_JSON_SCHEMA_ID,
    title: 'Agency-kit persona fixture',
    description: 'One persona (a household and what each simulated agency knows about its members) or an array of personas.',
  };
}

/** The exact text written to disk, so the freshness test and the export script cannot disagree on formatting. */
export function renderPersonaJsonSchema(): string {
  return JSON.stringify(generatePersonaJsonSchema(), null, 2) + '\n';
}
