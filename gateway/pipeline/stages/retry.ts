/**
 * @module retry
 * Retries with p-retry: exponential backoff with full jitter (`randomize`), capped per delay and by an overall
 * time budget (`maxRetryTime`). Only outcomes that may succeed on a second try are retried: retryable KitErrors
 * (timeouts, 5xx, connection failures, the exchange's retry-later faults) and the agency's "not ready". Never
 * "no data", refusals, validation or unreadable answers; never a call the breaker refused. SMEV's
 * MessageIsAlreadySent means the first send got through, so it ends the retries like a success would.
 * Every retry is counted in metrics by the code that caused it.
 */
import pRetry from 'p-retry';
import type { CallResult, Stage } from '../call-context.ts';
import type { PipelineMetrics } from '../metrics-port.ts';

export interface RetryOptions {
  readonly retries: number;
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
  readonly budgetMs: number;
  readonly metrics: PipelineMetrics;
}

/** Carries a retryable outcome through p-retry, which retries on throw. */
class RetryableOutcome extends Error {
  constructor(readonly result: CallResult) {
    super(`retryable outcome ${codeOf(result)}`);
  }
}

export function codeOf(result: CallResult): string {
  return result.kind === 'error' ? result.error.code : result.kind === 'not-ready' ? 'ERR_AGENCY_NOT_READY' : result.kind;
}

export function isAlreadySent(result: CallResult): boolean {
  return result.kind === 'error' && result.error.details['fault'] === 'MessageIsAlreadySent';
}

export function isRetryable(result: CallResult): boolean {
  if (result.kind === 'not-ready') return true;
  if (result.kind !== 'error' || isAlreadySent(result)) return false;
  return result.error.retryable && result.error.details['breaker'] !== 'open';
}

export function retryStage(options: RetryOptions): Stage {
  return async function retry(ctx, next) {
    let previous: CallResult | undefined;
    try {
      return await pRetry(
        async (attempt) => {
          ctx.trace.attempts = attempt;
          if (previous !== undefined) options.metrics.recordRetry(ctx.call.agency);
          const result = await next();
          previous = result;
          if (isRetryable(result)) throw new RetryableOutcome(result);
          return result;
        },
        {
          retries: options.retries,
          factor: 2,
          minTimeout: options.minDelayMs,
          maxTimeout: options.maxDelayMs,
          randomize: true,
          maxRetryTime: options.budgetMs,
          onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
            ctx.log.info({ agency: ctx.call.agency, attempt: attemptNumber, retriesLeft, code: error instanceof RetryableOutcome ? codeOf(error.result) : error.name }, 'agency call attempt failed');
          },
        },
      );
    } catch (error) {
      if (error instanceof RetryableOutcome) return error.result;
      throw error;
    }
  };
}
