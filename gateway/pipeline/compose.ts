/**
 * @module compose
 * Hono/koa-style dispatch of the call pipeline: each stage gets `next`, which runs the rest of the list and then
 * the terminal (the transport). The order is the array's order, so reordering the pipeline is editing one list
 * (create-pipeline.ts). Unlike koa, `next` may be called more than once: the retry stage re-runs everything below
 * it (breaker, limit, timeout, transport) for each attempt, which is the point of putting it there.
 */
import type { CallContext, CallResult, Stage } from './call-context.ts';

export type Terminal = (ctx: CallContext) => Promise<CallResult>;

export function compose(stages: readonly Stage[], terminal: Terminal): (ctx: CallContext) => Promise<CallResult> {
  const run = (i: number, ctx: CallContext): Promise<CallResult> => {
    const stage = stages[i];
    return stage === undefined ? terminal(ctx) : stage(ctx, () => run(i + 1, ctx));
  };
  return function pipeline(ctx) {
    return run(0, ctx);
  };
}
