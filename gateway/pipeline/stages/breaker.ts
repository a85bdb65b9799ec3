/**
 * @module breaker
 * Inside the retry stage, so every attempt asks the breaker: once it opens mid-retry, the remaining attempts are
 * refused at once instead of waiting out their timeouts. The refusal is ERR_AGENCY_UNAVAILABLE marked
 * `breaker: "open"`, which the retry stage does not retry and the breaker itself does not count.
 */
import { KitError } from '../../../core/errors/index.ts';
import { isAgencyFailure, type BreakerRegistry } from '../circuit-breaker.ts';
import type { Stage } from '../call-context.ts';

export function breakerStage(breakers: BreakerRegistry): Stage {
  return async function breaker(ctx, next) {
    const circuit = breakers.for(ctx.call.agency);
    if (!circuit.tryAcquire()) {
      return {
        kind: 'error',
        error: new KitError('ERR_AGENCY_UNAVAILABLE', `Agency ${ctx.call.agency} is not called for now: its circuit breaker is open after repeated failures`, { agency: ctx.call.agency, breaker: 'open' }),
      };
    }
    let result;
    try {
      result = await next();
    } catch (error) {
      circuit.record(true);
      throw error;
    }
    circuit.record(isAgencyFailure(result));
    return result;
  };
}
