/**
 * CallLimits as two levels of SlotLimiter: one per agency (its quota) and one per consumer (fairness). A call first passes
 * its consumer's limiter and only then queues at the agency's, so a consumer held back by its own share never
 * occupies an agency slot that another consumer could use; the consumer's slot stays held until the task ends, so
 * `maxConcurrent` per consumer counts calls in flight.
 *
 * Waiting is bounded here, the same way for both limiter kinds: after `maxWaitMs` the caller gets
 * ERR_AGENCY_UNAVAILABLE and the job, when its turn comes, does nothing (the in-process limiter drops it without
 * using a slot; bottleneck cannot remove a queued job, so there it still takes one). Abandoned jobs that use up
 * slots could, under sustained overload, leave the agency's whole quota to calls nobody waits for; calls whose
 * queue ahead cannot clear within `maxWaitMs` are therefore refused at once.
 */
import { KitError } from '../../core/errors/index.ts';
import type { AgencyCode } from '../../core/facts/index.ts';
import type { CallLimits } from '../ports.ts';
import type { LimiterFactory } from './limiter-factory.ts';
import { ANY_CONSUMER, isSingleLimit, type CallLimit, type ParsedCallLimitsConfig } from './limits-config.ts';
import type { SlotLimiter } from './slot-limiter.ts';

type CallState = 'waiting' | 'started' | 'abandoned';

export class TwoLevelCallLimits implements CallLimits {
  readonly #config: ParsedCallLimitsConfig;
  readonly #factory: LimiterFactory;
  readonly #limiters = new Map<string, SlotLimiter>();
  #closing: Promise<void> | undefined;

  constructor(config: ParsedCallLimitsConfig, factory: LimiterFactory) {
    this.#config = config;
    this.#factory = factory;
  }

  schedule<T>(scope: { agency: AgencyCode; consumer: string }, task: () => Promise<T>, maxWaitMs: number): Promise<T> {
    if (this.#closing) return Promise.reject(unavailable(scope, 'closing', 'The gateway is shutting down'));
    let agency: SlotLimiter;
    let consumer: SlotLimiter;
    try {
      agency = this.#agencyLimiter(scope.agency);
      consumer = this.#consumerLimiter(scope.consumer);
    } catch (error) {
      return Promise.reject(error);
    }
    for (const named of [consumer, agency]) {
      const estimatedWaitMs = named.pendingAhead() * named.minTimeMs;
      if (estimatedWaitMs > maxWaitMs) {
        return Promise.reject(
          rateLimited(scope, named.name, `The queue at ${named.name} needs about ${estimatedWaitMs} ms, more than ${maxWaitMs} ms`, { estimatedWaitMs }),
        );
      }
    }

    return new Promise<T>((resolve, reject) => {
      let state: CallState = 'waiting';
      const timer = setTimeout(() => {
        if (state !== 'waiting') return;
        state = 'abandoned';
        reject(rateLimited(scope, undefined, `Waited ${maxWaitMs} ms for a call slot`, { waitedMs: maxWaitMs }));
      }, maxWaitMs);
      const waiting = (): boolean => state === 'waiting';

      // Runs inside the agency limiter. It never rejects: the task's own outcome goes straight to the caller, so a
      // failing agency call is not a limiter error, and a late lease expiry cannot reject an answer already given.
      const runTask = async (): Promise<void> => {
        if (state !== 'waiting') return;
        state = 'started';
        clearTimeout(timer);
        try {
          resolve(await task());
        } catch (error) {
          reject(error);
        }
      };
      const passConsumer = (): Promise<void> =>
        state === 'waiting' ? agency.schedule(runTask, waiting) : Promise.resolve();

      consumer.schedule(passConsumer, waiting).catch((error: unknown) => {
        // Dropped on close(), or a Redis failure before the task started; after the start it can only be the
        // lease expiring, and the task's outcome still reaches the caller through runTask.
        if (state !== 'waiting') return;
        state = 'abandoned';
        clearTimeout(timer);
        reject(this.#closing ? unavailable(scope, 'closing', 'The gateway is shutting down', error) : unavailable(scope, 'limiter-failed', 'The call limiter failed', error));
      });
    });
  }

  async queueDepths(): Promise<Record<string, number>> {
    const depths: Record<string, number> = {};
    for (const [name, limiter] of this.#limiters) depths[name] = limiter.pendingAhead();
    return depths;
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      // Waiting callers are rejected now; calls already running are let finish (graceful shutdown).
      await Promise.allSettled([...this.#limiters.values()].map((limiter) => limiter.close()));
      await this.#factory.close();
    })();
    return this.#closing;
  }

  #agencyLimiter(agency: AgencyCode): SlotLimiter {
    const limit = this.#config.perAgency[agency];
    if (limit === undefined) {
      throw new KitError('ERR_CONFIG_INVALID', `No call limit is configured for agency ${agency}`, { agency });
    }
    return this.#limiter(`agency:${agency}`, limit);
  }

  #consumerLimiter(consumer: string): SlotLimiter {
    const perConsumer = this.#config.perConsumer;
    const limit = isSingleLimit(perConsumer) ? perConsumer : (perConsumer[consumer] ?? perConsumer[ANY_CONSUMER]);
    if (limit === undefined) {
      throw new KitError('ERR_CONFIG_INVALID', `No call limit is configured for consumer ${consumer}`, { consumer });
    }
    return this.#limiter(`consumer:${consumer}`, limit);
  }

  /** Limiters are made on first use: consumers are known only from their API keys, agencies only when called. */
  #limiter(name: string, limit: CallLimit): SlotLimiter {
    let limiter = this.#limiters.get(name);
    if (limiter === undefined) {
      limiter = this.#factory.create(name, limit, this.#config.slotLeaseMs);
      this.#limiters.set(name, limiter);
    }
    return limiter;
  }
}

function rateLimited(
  scope: { agency: AgencyCode; consumer: string },
  limiter: string | undefined,
  message: string,
  extra: Record<string, unknown>,
): KitError {
  return new KitError('ERR_AGENCY_UNAVAILABLE', message, {
    reason: 'rate-limited',
    agency: scope.agency,
    consumer: scope.consumer,
    ...(limiter === undefined ? {} : { limiter }),
    ...extra,
  });
}

function unavailable(scope: { agency: AgencyCode; consumer: string }, reason: string, message: string, cause?: unknown): KitError {
  return new KitError('ERR_AGENCY_UNAVAILABLE', message, { reason, agency: scope.agency, consumer: scope.consumer }, { cause });
}
