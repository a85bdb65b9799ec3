/**
 * @module openapi
 * The OpenAPI 3.1 document of the decision service, with the request body generated from the same zod schemas
 * the intake validates with. `npx tsx decision/api/openapi.ts` rewrites decision/openapi.json; a test checks the
 * checked-in file equals `renderOpenApi()`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MEASURE_IDS } from '../rules/index.ts';
import { APPLICATION_STATUSES } from '../store/statuses.ts';
import { intakeDocumentationSchema } from './intake.ts';
import { PROBLEM_JSON_SCHEMA, problemResponse } from '../../core/errors/index.ts';

export const OPENAPI_PATH = fileURLToPath(new URL('../openapi.json', import.meta.url));

const links = { type: 'object', properties: { self: { type: 'string' }, list: { type: 'string' } } };
const status = { type: 'string', enum: [...APPLICATION_STATUSES] };
const decisionKind = { type: 'string', enum: ['granted', 'refused', 'manual-review'] };

const summary = {
  type: 'object',
  required: ['id', 'measure', 'applicationDate', 'receivedAt', 'status', 'decision', 'links'],
  properties: {
    id: { type: 'string', format: 'uuid' }, measure: { type: 'string', enum: [...MEASURE_IDS] }, applicationDate: { type: 'string', format: 'date' },
    receivedAt: { type: 'string', format: 'date-time' }, status, decision: { oneOf: [decisionKind, { type: 'null' }] }, links,
  },
};

const application = {
  type: 'object',
  required: ['id', 'measure', 'status', 'timeline', 'processing', 'application', 'decision', 'trace', 'notifications', 'links'],
  properties: {
    ...summary.properties,
    timeline: { type: 'array', items: { type: 'object', required: ['status', 'at'], properties: { status, at: { type: 'string', format: 'date-time' } } } },
    processing: { type: 'object', properties: { stage: { enum: ['pending', 'done'] }, attempts: { type: 'integer' }, nextAttemptAt: { type: 'string' }, lastError: { type: 'string' } } },
    application: { type: 'object', description: 'The application as received (with its id and application date)' },
    decision: {
      oneOf: [{ type: 'null' }, {
        type: 'object',
        required: ['kind', 'measure', 'decisionDate', 'decidedAt'],
        description: 'granted: amountKopecks, amount, period, payments, notGranted; refused: reasons (each with the facts behind it); manual-review: reasons',
        properties: {
          kind: decisionKind, measure: { type: 'string' }, decisionDate: { type: 'string', format: 'date' }, decidedAt: { type: 'string', format: 'date-time' },
          amountKopecks: { type: 'integer' }, amount: { type: 'string' }, period: { type: 'object' }, payments: { type: 'array' }, notGranted: { type: 'array' },
          reasons: { type: 'array', items: { type: 'object', required: ['code', 'message', 'facts'], properties: { code: { type: 'string' }, message: { type: 'string' }, facts: { type: 'array', items: { type: 'object' } } } } },
        },
      }],
    },
    trace: { oneOf: [{ type: 'null' }, { type: 'object', description: 'Structured trace (rule steps with parameters, facts and values) and `text`, the rendered trace', properties: { steps: { type: 'array' }, outcome: { type: 'string' }, text: { type: 'string' } } }] },
    notifications: { type: 'array', items: { type: 'object' } },
  },
};

export function openApiDocument(): Record<string, unknown> {
  const body = z.toJSONSchema(intakeDocumentationSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
  return {
    openapi: '3.1.0',
    info: { title: 'agency-kit decision service', version: '1.0.0', description: 'Applications for the five social-benefit measures, decided automatically from agency facts (through the gateway), with a status timeline, a decision and its trace. Errors are RFC 9457 problem documents.' },
    paths: {
      '/v1/applications': {
        post: {
          operationId: 'submitApplication',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Resubmitting with the same key returns the same application; the same key with another body answers 422', schema: { type: 'string', maxLength: 255 } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApplicationRequest' } } } },
          responses: {
            '202': { description: 'Received; processing continues in the background', headers: { Location: { schema: { type: 'string' } }, 'Idempotent-Replayed': { schema: { enum: ['true', 'false'] } } }, content: { 'application/json': { schema: { type: 'object', required: ['id', 'status', 'links'], properties: { id: { type: 'string', format: 'uuid' }, status, receivedAt: { type: 'string' }, links } } } } },
            '400': problemResponse('Validation failed: every problem listed in details.issues'),
            '422': problemResponse('ERR_IDEMPOTENCY_KEY_REUSED: the key was used with another body'),
          },
        },
        get: {
          operationId: 'listApplications',
          parameters: [
            { name: 'status', in: 'query', schema: status, description: 'Current status' },
            { name: 'measure', in: 'query', schema: { type: 'string', enum: [...MEASURE_IDS] } },
            { name: 'decision', in: 'query', schema: decisionKind },
            { name: 'from', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Application date on or after' },
            { name: 'to', in: 'query', schema: { type: 'string', format: 'date' }, description: 'Application date on or before' },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
          ],
          responses: {
            '200': { description: 'Newest first', content: { 'application/json': { schema: { type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/ApplicationSummary' } }, nextCursor: { type: ['string', 'null'] } } } } } },
            '400': problemResponse('A query parameter is invalid'),
          },
        },
      },
      '/v1/applications/{id}': {
        get: {
          operationId: 'getApplication',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'Timeline, decision and trace', content: { 'application/json': { schema: { $ref: '#/components/schemas/Application' } } } }, '404': problemResponse('No such application') },
        },
      },
      '/healthz': { get: { operationId: 'health', responses: { '200': { description: 'The process answers' } } } },
      '/readyz': { get: { operationId: 'ready', responses: { '200': { description: 'Store open and worker running; pending counts' }, '503': { description: 'Not ready' } } } },
      '/openapi.json': { get: { operationId: 'openapi', responses: { '200': { description: 'This document' } } } },
    },
    components: {
      schemas: { ApplicationRequest: body, ApplicationSummary: summary, Application: application, Problem: PROBLEM_JSON_SCHEMA },
    },
  };
}

export function renderOpenApi(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OPENAPI_PATH, renderOpenApi());
  process.stdout.write(`wrote ${OPENAPI_PATH}\n`);
}
