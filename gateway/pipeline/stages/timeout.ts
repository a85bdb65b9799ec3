/**
 * @module timeout
 * A deadline on one attempt of everything below it (the transport: sending, the agency's answer, reading it,
 * verifying it, polling the hub). The transport gets the same deadline and normally reports its own typed
 * timeout first; this stage is the guarantee that no attempt outlives it, whatever the transport does.
 */
import { KitError } from '../../../core/errors/index.ts';
import type { CallResult, Stage } from '../call-context.ts';

export function timeoutStage(timeoutMs: number): Stage {
  return async function timeout(ctx, next) {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<CallResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ kind: 'error', error: new KitError('ERR_AGENCY_TIMEOUT', `Agency ${ctx.call.agency} did not answer within ${timeoutMs} ms`, { agency: ctx.call.agency, timeoutMs, stage: 'timeout' }) }),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
