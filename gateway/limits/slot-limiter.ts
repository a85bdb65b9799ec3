/**
 * One limit (an agency's quota or a consumer's share) as the call limits use it: starts are spaced `minTimeMs`
 * apart and at most `maxConcurrent` run at once. Two implementations: in-process spacing (spacing-limiter.ts) and
 * bottleneck through Redis for limits shared by several gateway instances (limiter-factory.ts).
 */
export interface SlotLimiter {
  readonly name: string;
  readonly minTimeMs: number;
  /**
   * Runs `task` when the limit allows; the slot is held until its promise settles. `stillWanted` is asked just
   * before the start: a job whose caller gave up is dropped without using a slot where the implementation can.
   */
  schedule(task: () => Promise<void>, stillWanted: () => boolean): Promise<void>;
  /** Jobs accepted but not started yet. */
  pendingAhead(): number;
  /** Rejects the jobs still waiting; running ones finish. */
  close(): Promise<void>;
}
