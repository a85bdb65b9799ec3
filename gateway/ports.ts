/**
 * The gateway's ports: small interfaces between the call pipeline and its pluggable parts (cache, limits, audit,
 * metrics). Each has an embedded implementation (no external server) and, where sharing across instances matters,
 * a Redis one. The pipeline depends on these interfaces only.
 */
import type { AgencyCode } from '../core/facts/index.ts';

/** A cached value and whether it is still fresh; stale values are served only when the agency call fails. */
export interface CacheHit<T> {
  readonly value: T;
  readonly fresh: boolean;
  /** When the value was stored (ISO), for provenance and the cache-age header. */
  readonly storedAt: string;
}

export interface FactsCache {
  get<T>(key: string): Promise<CacheHit<T> | undefined>;
  /** Fresh for `ttlMs`, then kept `staleTtlMs` longer for stale-if-error. */
  set<T>(key: string, value: T, ttlMs: number, staleTtlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface CallLimits {
  /**
   * Runs `task` once both the agency's quota and the consumer's fair share allow it. Rejects with KitError
   * ERR_AGENCY_UNAVAILABLE (retryable) when the task waited longer than `maxWaitMs`.
   */
  schedule<T>(scope: { agency: AgencyCode; consumer: string }, task: () => Promise<T>, maxWaitMs: number): Promise<T>;
  /** Jobs waiting, per limiter name (e.g. "agency:fns", "consumer:decision"), for /metrics. */
  queueDepths(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export interface AuditEntryInput {
  readonly correlationId: string;
  readonly consumer: string;
  readonly purpose: { readonly measure?: string; readonly caseNumber?: string };
  /** Identifiers of the person asked about, as the consumer gave them (the audit log is the one place they are kept whole). */
  readonly subject: Readonly<Record<string, unknown>>;
  readonly agencies: readonly AgencyCode[];
  readonly outcome: 'answered' | 'partial' | 'refused' | 'failed';
  readonly perAgency?: Readonly<Record<string, string>>;
}

export interface AuditLog {
  append(entry: AuditEntryInput): Promise<void>;
  close(): Promise<void>;
}
