import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACTS_JSON_SCHEMA_PATH, renderFactsJsonSchema } from '../../core/facts/export-json-schema.ts';

describe('the applicant-facts JSON Schema', () => {
  it('checked into core/facts matches the zod model', () => {
    const checkedIn = readFileSync(FACTS_JSON_SCHEMA_PATH, 'utf8');
    const current = renderFactsJsonSchema();
    // toBe on two large strings prints an unreadable diff; say what to do instead.
    if (checkedIn !== current) {
      expect.fail(
        'core/facts/applicant-facts.schema.json is stale: the zod model changed. Run `npm run schema:facts` and commit the result.',
      );
    }
  });

  it('renders the same text every time, as 2020-12 with a trailing newline', () => {
    const text = renderFactsJsonSchema();
    expect(renderFactsJsonSchema()).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    const schema = JSON.parse(text) as Record<string, unknown>;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$ref']).toBe('#/$defs/ApplicantFacts');
  });

  it('describes money as integers and identifiers with their patterns', () => {
    const defs = (JSON.parse(renderFactsJsonSchema()) as { $defs: Record<string, Record<string, unknown>> }).$defs;
    expect(defs['Kopecks']?.['type']).toBe('integer');
    expect(defs['Snils']?.['pattern']).toBe('^(?:\\d{3}-\\d{3}-\\d{3} \\d{2}|\\d{11})$');
    expect(defs['IsoDate']?.['format']).toBe('date');
  });
});
