/**
 * @module request-context
 * Per-request plumbing for the express app: the correlation id (taken from X-Correlation-Id when it is safe to
 * repeat in logs, minted otherwise, echoed back), a child logger bound to it, and the consumer behind X-Api-Key.
 */
import type { NextFunction, Request, Response } from 'express';
import { findConsumer, type Consumer } from '../config/consumers.ts';
import { CORRELATION_ID_HEADER, correlationIdFrom } from '../observability/index.ts';
import { sendProblem, unauthenticated } from './problems.ts';

export interface GatewayLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): GatewayLogger;
}

export interface RequestLocals {
  correlationId: string;
  log: GatewayLogger;
  consumer?: Consumer;
}

export function locals(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}

export function correlation(logger: GatewayLogger) {
  return function correlation(req: Request, res: Response, next: NextFunction): void {
    // Accepted only when harmless in logs, audit and envelopes (no personal numbers): see correlationIdFrom.
    const correlationId = correlationIdFrom(req.get(CORRELATION_ID_HEADER));
    res.setHeader('X-Correlation-Id', correlationId);
    Object.assign(res.locals, { correlationId, log: logger.child({ correlationId }) } satisfies RequestLocals);
    next();
  };
}

export function apiKeyAuth(consumers: readonly Consumer[]) {
  return function apiKeyAuth(req: Request, res: Response, next: NextFunction): void {
    const key = req.get('x-api-key');
    const consumer = key === undefined || key === '' ? undefined : findConsumer(consumers, key);
    if (consumer === undefined) {
      locals(res).log.warn({ path: req.path, keyGiven: key !== undefined }, 'request refused: missing or unknown API key');
      sendProblem(res, unauthenticated(req.originalUrl));
      return;
    }
    locals(res).consumer = consumer;
    next();
  };
}
