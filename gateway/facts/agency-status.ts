/**
 * @module agency-status
 * The last outcome of each agency, for /readyz next to its breaker state: operators see "fns failed 20 s ago
 * with ERR_AGENCY_TIMEOUT" without digging in logs.
 */
import type { CalledAgency } from '../config/config.ts';
import type { CallResult } from '../pipeline/call-context.ts';

export interface LastOutcome {
  readonly outcome: string;
  readonly code?: string;
  readonly at: string;
}

export class AgencyStatusBoard {
  readonly #last = new Map<CalledAgency, LastOutcome>();

  /** `staleServed`: the agency failed and a stale cached answer stood in for it; that is still a failure here. */
  record(agency: CalledAgency, result: CallResult, staleServed = false): void {
    const outcome = staleServed || result.kind === 'error' ? 'failed' : result.kind === 'facts' ? 'answered' : result.kind;
    const code = result.kind === 'error' ? result.error.code : staleServed ? 'ERR_AGENCY_UNAVAILABLE' : undefined;
    this.#last.set(agency, { outcome, ...(code === undefined ? {} : { code }), at: new Date().toISOString() });
  }

  last(agency: CalledAgency): LastOutcome | undefined {
    return this.#last.get(agency);
  }
}
