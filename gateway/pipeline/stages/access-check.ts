/**
 * @module access-check
 * First stage: a call the consumer has no right to never reaches the cache (a cached answer is still the
 * agency's data) nor the agency. The refusal is logged and becomes the agency's `failed` outcome with
 * ERR_AGENCY_ACCESS_DENIED; the route turns "everything refused" into a 403 before the pipeline runs.
 */
import { KitError } from '../../../core/errors/index.ts';
import { callVerdict } from '../../auth/access-policy.ts';
import type { Stage } from '../call-context.ts';

export function accessCheck(): Stage {
  return async function accessCheck(ctx, next) {
    const verdict = callVerdict(ctx.consumer, ctx.purpose, ctx.call.agency, ctx.call.groups);
    if (verdict.allowed) return next();
    ctx.log.warn({ consumer: ctx.consumer.id, agency: ctx.call.agency, groups: ctx.call.groups, reason: verdict.reason }, 'call refused by access policy');
    return {
      kind: 'error',
      error: new KitError('ERR_AGENCY_ACCESS_DENIED', `The gateway refused the call: ${verdict.reason}`, { agency: ctx.call.agency, refusedBy: 'gateway' }),
    };
  };
}
