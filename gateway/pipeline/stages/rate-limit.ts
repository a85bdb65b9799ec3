/**
 * @module rate-limit
 * Inside the retry stage, so every attempt spends the agency's quota (the agency counts attempts, not our
 * intentions), and after the breaker, so an open breaker never queues. The limiter rejects a call that waited
 * longer than `maxWaitMs`; that becomes a retryable ERR_AGENCY_UNAVAILABLE outcome like any other overload.
 */
import { KitError, isKitError } from '../../../core/errors/index.ts';
import type { CallLimits } from '../../ports.ts';
import type { Stage } from '../call-context.ts';

export function rateLimitStage(limits: CallLimits, maxWaitMs: number): Stage {
  return async function rateLimit(ctx, next) {
    try {
      return await limits.schedule({ agency: ctx.call.agency, consumer: ctx.consumer.id }, next, maxWaitMs);
    } catch (error) {
      if (isKitError(error)) return { kind: 'error', error };
      throw new KitError('ERR_AGENCY_UNAVAILABLE', `The call limiter for ${ctx.call.agency} failed`, { agency: ctx.call.agency }, { cause: error });
    }
  };
}
