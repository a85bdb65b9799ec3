import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenApi } from '../../gateway/api/openapi.ts';

describe('gateway/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every route', () => {
    const document = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual(['/healthz', '/metrics', '/openapi.json', '/readyz', '/v1/facts', '/v1/facts/batch', '/v1/facts/requests/{id}']);
    expect(Object.keys(document.components.schemas).sort()).toEqual(['ApplicantFacts', 'FactsBatchRequest', 'FactsBatchResponse', 'FactsRequest', 'PendingFacts', 'Problem']);
  });

  it('matches what the generator produces from the zod schemas (run `npx tsx gateway/api/openapi.ts` after a change)', () => {
    expect(readFileSync(OPENAPI_PATH, 'utf8')).toBe(renderOpenApi());
  });
});
