/**
 * The RFC 9457 problem document (problem.ts) as OpenAPI 3.1 describes it, for every service's API document, so
 * the schema of an error answer is written once next to the code that renders it.
 */
export const PROBLEM_JSON_SCHEMA = Object.freeze({
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code', 'retryable'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', pattern: '^ERR_[A-Z0-9_]+$' },
    retryable: { type: 'boolean' },
    details: { type: 'object', description: 'Machine-readable specifics, e.g. `issues` (path, message, code) for ERR_VALIDATION: every problem found' },
  },
});

/** An OpenAPI response whose body is a problem document; the API document must define `components.schemas.Problem`. */
export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
}
