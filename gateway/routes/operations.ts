/**
 * @module routes/operations
 * The routes operators and tools use: /healthz (the process answers), /readyz (per agency: breaker state and
 * last outcome; 503 only when every agency's breaker is open, since a partial answer is still an answer),
 * /metrics (Prometheus text) and /openapi.json (the checked-in document).
 */
import { readFileSync } from 'node:fs';
import { Router } from 'express';
import { OPENAPI_PATH } from '../api/openapi.ts';
import { CALLED_AGENCIES } from '../config/config.ts';
import type { AgencyStatusBoard } from '../facts/agency-status.ts';
import type { BreakerRegistry } from '../pipeline/circuit-breaker.ts';

export interface OperationsDeps {
  readonly breakers: BreakerRegistry;
  readonly status: AgencyStatusBoard;
  readonly mode: 'direct' | 'hub';
  readonly renderMetrics: () => Promise<{ contentType: string; body: string }>;
}

export function operationsRoutes(deps: OperationsDeps): Router {
  const router = Router();
  const openapi = readFileSync(OPENAPI_PATH, 'utf8');

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', (_req, res) => {
    const agencies = Object.fromEntries(
      CALLED_AGENCIES.map((agency) => [agency, { breaker: deps.breakers.for(agency).snapshot(), lastOutcome: deps.status.last(agency) ?? null }]),
    );
    const allOpen = CALLED_AGENCIES.every((a) => deps.breakers.for(a).snapshot().state === 'open');
    res.status(allOpen ? 503 : 200).json({ status: allOpen ? 'unavailable' : 'ready', mode: deps.mode, agencies });
  });

  router.get('/metrics', async (_req, res) => {
    const { contentType, body } = await deps.renderMetrics();
    res.type(contentType).send(body);
  });

  router.get('/openapi.json', (_req, res) => {
    res.type('application/json').send(openapi);
  });

  return router;
}
