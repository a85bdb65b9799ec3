/** Call limits per agency (quota) and per consumer (fairness), in-process or global through Redis. */
export { createCallLimits, type CallLimitsOptions } from './create-call-limits.ts';
export { BottleneckCallLimits } from './bottleneck-call-limits.ts';
export { callLimitsConfigSchema, callLimitSchema, ANY_CONSUMER, type CallLimit, type CallLimitsConfig } from './limits-config.ts';
