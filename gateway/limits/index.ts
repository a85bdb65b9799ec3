/** Call limits per agency (quota) and per consumer (fairness), in-process or global through Redis. */
export { createCallLimits, type CallLimitsOptions } from './create-call-limits.ts';
export { TwoLevelCallLimits } from './two-level-call-limits.ts';
export { SpacingLimiter } from './spacing-limiter.ts';
export type { SlotLimiter } from './slot-limiter.ts';
export { callLimitsConfigSchema, callLimitSchema, ANY_CONSUMER, type CallLimit, type CallLimitsConfig } from './limits-config.ts';
