/**
 * @module circuit-breaker
 * One breaker per agency: closed (calls flow, consecutive failures counted) → open after `failureThreshold`
 * failures in a row (calls refused at once, so a dead agency costs no sockets, no limiter slots and no retry
 * budget) → half-open after `cooldownMs` (one probe call allowed) → closed on the probe's success, open again on
 * its failure. Only failures that say the agency is unwell count: retryable errors (timeouts, 5xx, connection
 * failures, retry-later faults). "No data", refusals and unreadable answers are answers, not outages.
 */
import type { CalledAgency } from '../config/config.ts';
import type { CallResult } from './call-context.ts';
import type { BreakerState, PipelineMetrics } from './metrics-port.ts';

export interface BreakerOptions {
  readonly failureThreshold: number;
  readonly cooldownMs: number;
  readonly now?: () => number;
}

export interface BreakerSnapshot {
  readonly state: BreakerState;
  readonly consecutiveFailures: number;
  readonly openedAt?: string;
}

export class CircuitBreaker {
  #state: BreakerState = 'closed';
  #failures = 0;
  #openedAt = 0;
  #probeInFlight = false;
  readonly #options: BreakerOptions;
  readonly #onChange: (state: BreakerState) => void;

  constructor(options: BreakerOptions, onChange: (state: BreakerState) => void = () => undefined) {
    this.#options = options;
    this.#onChange = onChange;
  }

  /** Whether a call may go out now; in half-open, only one probe at a time. */
  tryAcquire(): boolean {
    if (this.#state === 'open') {
      if (this.#now() - this.#openedAt < this.#options.cooldownMs) return false;
      this.#set('half-open');
    }
    if (this.#state === 'half-open') {
      if (this.#probeInFlight) return false;
      this.#probeInFlight = true;
    }
    return true;
  }

  /** Reports how an acquired call went. */
  record(failed: boolean): void {
    this.#probeInFlight = false;
    if (!failed) {
      this.#failures = 0;
      if (this.#state !== 'closed') this.#set('closed');
      return;
    }
    this.#failures += 1;
    if (this.#state === 'half-open' || this.#failures >= this.#options.failureThreshold) {
      this.#openedAt = this.#now();
      if (this.#state !== 'open') this.#set('open');
    }
  }

  snapshot(): BreakerSnapshot {
    // An open breaker whose cool-down is over reports half-open: the next call will be its probe.
    const state = this.#state === 'open' && this.#now() - this.#openedAt >= this.#options.cooldownMs ? 'half-open' : this.#state;
    return { state, consecutiveFailures: this.#failures, ...(this.#state === 'closed' ? {} : { openedAt: new Date(this.#openedAt).toISOString() }) };
  }

  #set(state: BreakerState): void {
    this.#state = state;
    this.#onChange(state);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }
}

/** A result that says the agency is unwell (what the breaker counts). */
export function isAgencyFailure(result: CallResult): boolean {
  return result.kind === 'error' && result.error.retryable && result.error.details['breaker'] !== 'open';
}

export class BreakerRegistry {
  readonly #breakers = new Map<CalledAgency, CircuitBreaker>();
  constructor(
    private readonly options: BreakerOptions,
    private readonly metrics: PipelineMetrics,
  ) {}

  for(agency: CalledAgency): CircuitBreaker {
    let breaker = this.#breakers.get(agency);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(this.options, (state) => this.metrics.setBreakerState(agency, state));
      this.#breakers.set(agency, breaker);
      this.metrics.setBreakerState(agency, 'closed');
    }
    return breaker;
  }
}
