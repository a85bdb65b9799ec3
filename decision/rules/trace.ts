import type { IsoDate } from '../../core/facts/index.ts';
import type { DatedParameter } from '../parameters/index.ts';
import type { FactReference, MeasureId } from './decision.ts';

/**
 * The decision trace: enough for a person to redo the decision by hand. Each step is one rule: its id and
 * version, the parameters it read (with the date each took effect), the facts it read (agency, message id,
 * received-at), the intermediate values, and its result.
 */
export interface ParameterUse {
  readonly id: string;
  /** As a person reads it: "22 102.00 ₽", "18 years", "50 / 75 / 100 %". */
  readonly value: string;
  readonly effectiveFrom: IsoDate;
  readonly verified: boolean;
  readonly verification: string;
}

export interface FactUse {
  readonly ref: FactReference;
  /** What the fact says, briefly: "death record № 170… of 2026-06-03, died 2026-06-01". */
  readonly summary: string;
}

export type StepResult = 'passed' | 'failed' | 'manual-review' | 'computed' | 'not-applicable';

export interface TraceStep {
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly description: string;
  readonly parameters: readonly ParameterUse[];
  readonly facts: readonly FactUse[];
  /** Ordered name → value lines ("per-capita income" → "15 000.00 ₽"). */
  readonly values: readonly { readonly name: string; readonly value: string }[];
  readonly result: StepResult;
  readonly note?: string;
}

export interface Trace {
  readonly measure: MeasureId;
  readonly ruleVersion: string;
  readonly decisionDate: IsoDate;
  readonly regionCode: string;
  readonly steps: readonly TraceStep[];
  /** Final line: "granted 1 660 275 kopecks monthly from …", "refused: NOT_RESIDENT, …". */
  readonly outcome: string;
}

export interface StepInput {
  ruleId: string;
  description: string;
  parameters?: readonly ParameterUse[];
  facts?: readonly FactUse[];
  values?: readonly { name: string; value: string }[];
  result: StepResult;
  note?: string;
}

/** Collects the steps of one decision; rule modules add a step per condition or computation. */
export class TraceRecorder {
  readonly #steps: TraceStep[] = [];

  constructor(
    readonly measure: MeasureId,
    readonly ruleVersion: string,
    readonly decisionDate: IsoDate,
    readonly regionCode: string,
  ) {}

  step(input: StepInput): void {
    this.#steps.push({
      ruleId: input.ruleId,
      ruleVersion: this.ruleVersion,
      description: input.description,
      parameters: input.parameters ?? [],
      facts: input.facts ?? [],
      values: input.values ?? [],
      result: input.result,
      ...(input.note === undefined ? {} : { note: input.note }),
    });
  }

  finish(outcome: string): Trace {
    return {
      measure: this.measure,
      ruleVersion: this.ruleVersion,
      decisionDate: this.decisionDate,
      regionCode: this.regionCode,
      steps: [...this.#steps],
      outcome,
    };
  }
}

/** A parameter as the trace cites it; `show` turns the value into text a person reads. */
export function useParameter<T>(parameter: DatedParameter<T>, show: (value: T) => string = String): ParameterUse {
  return {
    id: parameter.id,
    value: show(parameter.value),
    effectiveFrom: parameter.effectiveFrom,
    verified: parameter.verified,
    verification: parameter.verification,
  };
}
