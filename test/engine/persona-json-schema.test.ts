import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSONA_SCHEMA_PATH } from '../../simulators/engine/export-persona-schema.ts';
import { generatePersonaJsonSchema, renderPersonaJsonSchema } from '../../simulators/engine/persona-json-schema.ts';

describe('generatePersonaJsonSchema', () => {
  it('matches the committed fixtures/personas/persona.schema.json (run simulators/engine/export-persona-schema.ts when this fails)', () => {
    expect(readFileSync(PERSONA_SCHEMA_PATH, 'utf8')).toBe(renderPersonaJsonSchema());
  });

  it('describes a file as one persona or an array of personas', () => {
    const schema = generatePersonaJsonSchema();
    expect(schema['$id']).toBe('urn:agency-kit:fixtures:persona');
    expect(schema['anyOf']).toHaveLength(2);
  });
});
