/**
 * @module gather-facts
 * Runs every planned call of one facts request through the pipeline at once and keeps their results as they
 * settle, so the route can answer with the finished document, or with a snapshot (pending outcomes) when the
 * consumer's wait runs out while slow agencies keep going in the background.
 */
import { KitError } from '../../core/errors/index.ts';
import type { Consumer } from '../config/consumers.ts';
import { newTrace, type AgencyCall, type CallContext, type CallLogger, type CallResult, type CallTrace } from '../pipeline/call-context.ts';
import type { PipelineMetrics } from '../pipeline/metrics-port.ts';
import type { FactsRequest } from '../api/facts-request.ts';
import type { AgencyCallOutcome } from '../pipeline/metrics-port.ts';
import type { SettledCall } from './assemble-facts.ts';

export interface GatherArgs {
  readonly request: FactsRequest;
  readonly calls: readonly AgencyCall[];
  readonly consumer: Consumer;
  readonly correlationId: string;
  readonly log: CallLogger;
  readonly pipeline: (ctx: CallContext) => Promise<CallResult>;
  readonly metrics: PipelineMetrics;
}

export interface CallRecord extends SettledCall {
  readonly trace: CallTrace;
}

export interface Gathering {
  /** Resolves when every call has settled; never rejects (a thrown call becomes a hidden ERR_INTERNAL outcome). */
  readonly done: Promise<readonly CallRecord[]>;
  /** The calls as they stand now. */
  snapshot(): readonly CallRecord[];
}

export function gatherFacts(args: GatherArgs): Gathering {
  const records: { call: AgencyCall; trace: CallTrace; result: CallResult | undefined }[] = args.calls.map((call) => ({ call, trace: newTrace(), result: undefined }));
  const done = Promise.all(
    records.map(async (record) => {
      const started = performance.now();
      const ctx: CallContext = { call: record.call, consumer: args.consumer, purpose: args.request.purpose, correlationId: args.correlationId, log: args.log, trace: record.trace };
      try {
        record.result = await args.pipeline(ctx);
      } catch (error) {
        // A bug in a stage or adapter must not turn the whole answer into a 500: this agency fails, opaquely.
        args.log.warn({ agency: record.call.agency, err: error instanceof Error ? error.message : String(error) }, 'agency call threw');
        record.result = { kind: 'error', error: new KitError('ERR_INTERNAL', `The call to agency ${record.call.agency} failed unexpectedly`, { agency: record.call.agency }) };
      }
      args.metrics.recordAgencyCall(record.call.agency, meteredOutcome(record.result, record.trace), (performance.now() - started) / 1000);
    }),
  ).then(() => records.map((r) => ({ ...r })));
  return { done, snapshot: () => records.map((r) => ({ ...r })) };
}

/** The metric label for how a call ended; the gateway's own short-cuts (breaker, limiter) are told apart. */
function meteredOutcome(result: CallResult, trace: CallTrace): AgencyCallOutcome {
  if (trace.cache === 'stale') return 'failed';
  switch (result.kind) {
    case 'facts':
      return 'answered';
    case 'no-data':
      return 'no-data';
    case 'not-ready':
      return 'failed';
    case 'error':
      if (result.error.details['breaker'] === 'open') return 'breaker-open';
      if (result.error.details['reason'] === 'rate-limited') return 'rate-limited';
      return 'failed';
  }
}
