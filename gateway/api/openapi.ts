/**
 * @module openapi
 * The OpenAPI 3.1 document of the gateway, generated from the same zod schemas the routes validate with, so the
 * document cannot drift from the code. `npx tsx gateway/api/openapi.ts` rewrites gateway/openapi.json; a test
 * checks the checked-in file equals `renderOpenApi()`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { agencyOutcomeSchema, applicantFactsSchema, factsSchemaRegistry } from '../../core/facts/index.ts';
import { factsRequestSchema } from './facts-request.ts';
import { factsBatchRequestSchema, MAX_BATCH_REQUESTS } from './facts-batch-request.ts';
import { PROBLEM_JSON_SCHEMA, problemResponse } from '../../core/errors/index.ts';

export const OPENAPI_PATH = fileURLToPath(new URL('../openapi.json', import.meta.url));

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output', metadata?: typeof factsSchemaRegistry) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'throw', ...(metadata ? { metadata } : {}) });

const pending = {
  type: 'object',
  required: ['requestId', 'status', 'poll'],
  properties: {
    requestId: { type: 'string', format: 'uuid' },
    status: { const: 'pending' },
    poll: { type: 'string', description: 'Path to GET for the result' },
    outcomes: { type: 'array', items: jsonSchema(agencyOutcomeSchema, 'input', factsSchemaRegistry) },
  },
};
const headers = {
  'X-Correlation-Id': { description: 'The correlation id of the request (given or minted); it is in the logs, the audit record and the agency calls', schema: { type: 'string' } },
  'X-Facts-Cache': { description: 'Per agency operation: hit, miss, coalesced, stale (agency failed, cached answer served) or bypass, with stored-at for cached answers', schema: { type: 'string' } },
};
const batchResponse = {
  type: 'object',
  required: ['results'],
  properties: {
    results: {
      type: 'array',
      maxItems: MAX_BATCH_REQUESTS,
      description: 'One entry per request, in order: what POST /v1/facts would have answered for it',
      items: {
        type: 'object',
        required: ['status', 'headers', 'body'],
        properties: {
          status: { type: 'integer', description: '200 facts, 202 still running (poll body.poll), or the problem\'s status (403, 500)' },
          headers: { type: 'object', additionalProperties: { type: 'string' }, description: 'X-Facts-Cache (200), Location and Retry-After (202), Content-Type (problems)' },
          body: { oneOf: [{ $ref: '#/components/schemas/ApplicantFacts' }, { $ref: '#/components/schemas/PendingFacts' }, { $ref: '#/components/schemas/Problem' }] },
        },
      },
    },
  },
};
const correlationParameter = { name: 'X-Correlation-Id', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' }, description: 'Kept when 8–128 of these characters and not a personal number; otherwise a fresh id is minted' };
const security = [{ apiKey: [] }];

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'agency-kit gateway', version: '1.0.0', description: 'Normalized applicant facts from the agencies (SMEV 3), with provenance and per-agency outcomes. Errors are RFC 9457 problem documents.' },
    paths: {
      '/v1/facts': {
        post: {
          operationId: 'requestFacts', security,
          parameters: [correlationParameter],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/FactsRequest' } } } },
          responses: {
            '200': { description: 'The facts (complete or partial: see outcomes)', headers, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApplicantFacts' } } } },
            '202': { description: 'Still running after wait.maxMs: poll the given path', content: { 'application/json': { schema: { $ref: '#/components/schemas/PendingFacts' } } } },
            '400': problemResponse('The request failed validation (every issue listed)'),
            '401': problemResponse('Missing or unknown API key'),
            '403': problemResponse('The consumer may not request any of this, or not for this purpose'),
            '500': problemResponse('Unexpected error (details hidden, logged)'),
          },
        },
      },
      '/v1/facts/batch': {
        post: {
          operationId: 'requestFactsBatch', security,
          description: `Up to ${MAX_BATCH_REQUESTS} facts requests (one per person) in one round trip, sharing one wait. Each is run, access-checked and audited as POST /v1/facts would, and answered in order; a pending one is polled at its own path.`,
          parameters: [correlationParameter],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/FactsBatchRequest' } } } },
          responses: {
            '200': { description: 'One answer per request, in order', content: { 'application/json': { schema: { $ref: '#/components/schemas/FactsBatchResponse' } } } },
            '400': problemResponse('The batch or one of its requests failed validation (every issue listed, with the request\'s index); nothing ran'),
            '401': problemResponse('Missing or unknown API key'),
            '500': problemResponse('Unexpected error (details hidden, logged)'),
          },
        },
      },
      '/v1/facts/requests/{id}': {
        get: {
          operationId: 'pollFacts', security,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            '200': { description: 'The finished facts', headers, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApplicantFacts' } } } },
            '202': { description: 'Still running', content: { 'application/json': { schema: { $ref: '#/components/schemas/PendingFacts' } } } },
            '401': problemResponse('Missing or unknown API key'),
            '404': problemResponse('Unknown, expired, or another consumer\'s request'),
          },
        },
      },
      '/healthz': { get: { operationId: 'health', responses: { '200': { description: 'The process is up' } } } },
      '/readyz': { get: { operationId: 'ready', responses: { '200': { description: 'Per-agency breaker state and last outcome' }, '503': { description: 'Every agency breaker is open' } } } },
      '/metrics': { get: { operationId: 'metrics', responses: { '200': { description: 'Prometheus text exposition', content: { 'text/plain': { schema: { type: 'string' } } } } } } },
      '/openapi.json': { get: { operationId: 'openapi', responses: { '200': { description: 'This document' } } } },
    },
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' } },
      schemas: {
        FactsRequest: jsonSchema(factsRequestSchema, 'input'),
        ApplicantFacts: jsonSchema(applicantFactsSchema, 'input', factsSchemaRegistry),
        FactsBatchRequest: jsonSchema(factsBatchRequestSchema, 'input'),
        FactsBatchResponse: batchResponse,
        PendingFacts: pending,
        Problem: PROBLEM_JSON_SCHEMA,
      },
    },
  };
}

export function renderOpenApi(): string {
  return JSON.stringify(openApiDocument(), null, 2) + '\n';
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_PATH, renderOpenApi());
  process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
}
