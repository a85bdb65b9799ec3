/**
 * @module call-context
 * What every stage of the per-agency call pipeline sees: the call (agency, adapter, query), who asked and why,
 * the correlation id, a logger, and a trace the stages write to (cache verdict, attempts) so the route can report
 * and meter one call without each stage knowing about HTTP.
 */
import type { AdapterOutcome, AgencyAdapter, FactsQuery } from '../../core/adapter/index.ts';
import type { FactGroup } from '../../core/facts/index.ts';
import type { CalledAgency } from '../config/config.ts';
import type { Consumer } from '../config/consumers.ts';

/** One request to one agency operation (sfr answers two groups through two operations: two calls). */
export interface AgencyCall {
  readonly agency: CalledAgency;
  /** Names the operation and search variant, e.g. "zags.births.by-parent": cache keys and logs use it. */
  readonly operation: string;
  readonly adapter: AgencyAdapter;
  /** The requested groups this call fills. */
  readonly groups: readonly FactGroup[];
  /** A FactsQuery, plus `dwelling` for the housing system (see adapters/gis-zhkh HousingFactsQuery). */
  readonly query: FactsQuery;
}

export interface CallLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export type CacheVerdict = 'hit' | 'miss' | 'stale' | 'coalesced' | 'bypass';

/** Written by stages while the call runs; read by the route for metrics, headers and the audit record. */
export interface CallTrace {
  cache: CacheVerdict;
  /** When the served answer was stored, for hits and stale answers. */
  storedAt?: string;
  attempts: number;
}

export interface CallContext {
  readonly call: AgencyCall;
  readonly consumer: Consumer;
  readonly purpose: FactsQuery['purpose'];
  readonly correlationId: string;
  readonly log: CallLogger;
  readonly trace: CallTrace;
}

/** What a call yields: the adapter's outcome kinds, so stages and transports share one vocabulary. */
export type CallResult = AdapterOutcome;

export type Next = () => Promise<CallResult>;

/** A pipeline stage, hono-style: do something around `next()`, or answer without calling it. */
export type Stage = (ctx: CallContext, next: Next) => Promise<CallResult>;

export function newTrace(): CallTrace {
  return { cache: 'bypass', attempts: 0 };
}
