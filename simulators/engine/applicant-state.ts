/**
 * @module applicant-state
 * State kept per applicant (keyed by "persona/member", or "snils:…" for strangers), so that scripted faults such
 * as "fail the first two calls" mean the first two calls *for this person*, independent of what parallel tests do
 * for other people. Holds call counters, per-rule match counters, not-ready countdowns and scripted sequences.
 */
import type { FaultAction } from './fault-profile-schema.ts';

/** One step of a scripted sequence: the real answer or a fault. */
export type SequenceStep = 'answer' | FaultAction;

interface MutableApplicantState {
  readonly calls: Map<string, number>;
  readonly ruleMatches: Map<string, number>;
  readonly notReady: Map<string, { ruleId: string; remaining: number }>;
  /** "ruleId@agency/operation": a not-ready rule that has run its course here and must not fire again. */
  readonly spentRules: Set<string>;
  readonly sequences: Map<string, SequenceStep[]>;
}

/** JSON view for /__admin/state. */
export interface ApplicantStateSnapshot {
  readonly key: string;
  readonly calls: Readonly<Record<string, number>>;
  readonly ruleMatches: Readonly<Record<string, number>>;
  readonly notReady: Readonly<Record<string, { ruleId: string; remaining: number }>>;
  readonly spentRules: readonly string[];
  readonly sequences: Readonly<Record<string, readonly SequenceStep[]>>;
}

/** Counters are per agency and operation: "fns/GetIncome". A sequence may use "*" for every operation. */
export function operationKey(agency: string, operation: string): string {
  return `${agency}/${operation}`;
}

export class ApplicantStateStore {
  readonly #states = new Map<string, MutableApplicantState>();

  #state(key: string): MutableApplicantState {
    let state = this.#states.get(key);
    if (state === undefined) {
      state = { calls: new Map(), ruleMatches: new Map(), notReady: new Map(), spentRules: new Set(), sequences: new Map() };
      this.#states.set(key, state);
    }
    return state;
  }

  /** Counts the call and returns its 1-based number for (agency, operation, key). */
  nextCallNumber(key: string, agency: string, operation: string): number {
    const calls = this.#state(key).calls;
    const id = operationKey(agency, operation);
    const n = (calls.get(id) ?? 0) + 1;
    calls.set(id, n);
    return n;
  }

  /** Counts a call that matched a rule's `when`, returning the 1-based number that firstCalls/calls refer to. */
  nextRuleMatch(key: string, ruleId: string): number {
    const matches = this.#state(key).ruleMatches;
    const n = (matches.get(ruleId) ?? 0) + 1;
    matches.set(ruleId, n);
    return n;
  }

  /** Starts a not-ready countdown: `times` answers in all, this call being the first. */
  armNotReady(key: string, agency: string, operation: string, ruleId: string, times: number): void {
    const state = this.#state(key);
    const id = operationKey(agency, operation);
    state.spentRules.add(`${ruleId}@${id}`);
    if (times > 1) state.notReady.set(id, { ruleId, remaining: times - 1 });
  }

  isRuleSpent(key: string, agency: string, operation: string, ruleId: string): boolean {
    return this.#states.get(key)?.spentRules.has(`${ruleId}@${operationKey(agency, operation)}`) ?? false;
  }

  /** Consumes one pending not-ready answer, if a countdown is running. */
  takeNotReady(key: string, agency: string, operation: string): { ruleId: string; remaining: number } | undefined {
    const state = this.#states.get(key);
    const id = operationKey(agency, operation);
    const pending = state?.notReady.get(id);
    if (state === undefined || pending === undefined) return undefined;
    const remaining = pending.remaining - 1;
    if (remaining <= 0) state.notReady.delete(id);
    else state.notReady.set(id, { ruleId: pending.ruleId, remaining });
    return { ruleId: pending.ruleId, remaining };
  }

  /** Scripts the next answers for this applicant (operation "*" = any operation of the agency); replaces a previous script. */
  setSequence(key: string, agency: string, operation: string, steps: readonly SequenceStep[]): void {
    this.#state(key).sequences.set(operationKey(agency, operation), [...steps]);
  }

  /** The next scripted step, most specific script first; undefined when nothing is scripted or the script is used up. */
  takeSequenceStep(key: string, agency: string, operation: string): SequenceStep | undefined {
    const sequences = this.#states.get(key)?.sequences;
    if (sequences === undefined) return undefined;
    for (const id of [operationKey(agency, operation), operationKey(agency, '*')]) {
      const steps = sequences.get(id);
      if (steps !== undefined && steps.length > 0) return steps.shift();
    }
    return undefined;
  }

  /** Forgets rule counters and countdowns (a new fault profile starts counting afresh); call counters stay. */
  forgetRuleProgress(): void {
    for (const state of this.#states.values()) {
      state.ruleMatches.clear();
      state.notReady.clear();
      state.spentRules.clear();
    }
  }

  keys(): string[] {
    return [...this.#states.keys()].sort();
  }

  inspect(key: string): ApplicantStateSnapshot | undefined {
    const state = this.#states.get(key);
    if (state === undefined) return undefined;
    return {
      key,
      calls: Object.fromEntries(state.calls),
      ruleMatches: Object.fromEntries(state.ruleMatches),
      notReady: Object.fromEntries([...state.notReady].map(([id, v]) => [id, { ...v }])),
      spentRules: [...state.spentRules].sort(),
      sequences: Object.fromEntries([...state.sequences].map(([id, steps]) => [id, [...steps]])),
    };
  }

  list(): ApplicantStateSnapshot[] {
    return this.keys().flatMap((key) => this.inspect(key) ?? []);
  }

  /** Resets one applicant (returns whether it existed) or, without a key, everybody. */
  reset(key?: string): boolean {
    if (key === undefined) {
      const had = this.#states.size > 0;
      this.#states.clear();
      return had;
    }
    return this.#states.delete(key);
  }
}
