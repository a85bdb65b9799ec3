/** Builds CallLimits from configuration: in-process limiters, or global ones shared through Redis. */
import { z } from 'zod';
import { KitError } from '../../core/errors/index.ts';
import type { CallLimits } from '../ports.ts';
import { TwoLevelCallLimits } from './two-level-call-limits.ts';
import { clusteredLimiterFactory, localLimiterFactory } from './limiter-factory.ts';
import { callLimitsConfigSchema, type CallLimitsConfig } from './limits-config.ts';

export interface CallLimitsOptions {
  /** Redis connection and script errors (bottleneck retries on its own); for logs and metrics. */
  readonly onError?: (error: unknown) => void;
}

export function createCallLimits(config: CallLimitsConfig, options: CallLimitsOptions = {}): CallLimits {
  const parsed = callLimitsConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new KitError('ERR_CONFIG_INVALID', `Call limits configuration: ${z.prettifyError(parsed.error)}`, {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const onError = options.onError ?? (() => {});
  const factory = parsed.data.redis ? clusteredLimiterFactory(parsed.data.redis, onError) : localLimiterFactory();
  return new TwoLevelCallLimits(parsed.data, factory);
}
