/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so retries of many applications
 * after one gateway outage spread out instead of arriving together, yet never come back sooner than half the step.
 */
export function backoffMs(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const step = Math.min(maxMs, minMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(step / 2 + (random() * step) / 2);
}
