/**
 * @module compare-outcome
 * What an application actually ended in, reduced to the fields a scenario can expect, and the list of
 * differences against the expectation. Reason codes compare as sets (a reason may be listed once per person,
 * e.g. NOT_RESIDENT for the applicant and the child), periods by the fields the scenario gives.
 */
import type { ApplicationView } from './application-client.ts';
import type { Expectation } from './scenario-schema.ts';

export interface ActualOutcome {
  /** decided / manual-review, or the status it got stuck in. */
  readonly finalStatus: string;
  readonly decision?: string;
  readonly amountKopecks?: number;
  readonly paymentsKopecks?: readonly number[];
  readonly period?: Readonly<Record<string, unknown>>;
  readonly reasons: readonly string[];
}

export interface Difference {
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

const FINAL = ['decided', 'manual-review'] as const;

export function actualOutcome(view: ApplicationView): ActualOutcome {
  const reached = view.timeline.map((t) => t.status);
  const finalStatus = [...reached].reverse().find((s): s is (typeof FINAL)[number] => (FINAL as readonly string[]).includes(s)) ?? view.status;
  const d = view.decision;
  if (d === null) return { finalStatus, reasons: [] };
  if (d.kind === 'granted') {
    return { finalStatus, decision: d.kind, amountKopecks: d.amountKopecks, paymentsKopecks: d.payments.map((p) => p.amountKopecks), period: d.period, reasons: uniqueSorted(d.notGranted.map((r) => r.code)) };
  }
  return { finalStatus, decision: d.kind, reasons: uniqueSorted(d.reasons.map((r) => r.code)) };
}

function uniqueSorted(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort();
}

export function compareOutcome(expected: Expectation, actual: ActualOutcome): Difference[] {
  const diffs: Difference[] = [];
  const check = (field: string, want: unknown, got: unknown): void => {
    if (JSON.stringify(want) !== JSON.stringify(got)) diffs.push({ field, expected: want, actual: got });
  };
  check('finalStatus', expected.finalStatus, actual.finalStatus);
  if (expected.decision !== undefined) check('decision', expected.decision, actual.decision);
  if (expected.amountKopecks !== undefined) check('amountKopecks', expected.amountKopecks, actual.amountKopecks);
  if (expected.paymentsKopecks !== undefined) check('paymentsKopecks', expected.paymentsKopecks, actual.paymentsKopecks);
  if (expected.reasons !== undefined) check('reasons', uniqueSorted(expected.reasons), actual.reasons);
  if (expected.period !== undefined) {
    for (const [key, want] of Object.entries(expected.period)) {
      // `to: null` expects an open-ended grant: no `to` at all.
      check(`period.${key}`, want, actual.period?.[key] ?? (want === null ? null : undefined));
    }
  }
  return diffs;
}

/** "field: expected X, got Y" lines, for the console and the JUnit failure body. */
export function formatDifferences(diffs: readonly Difference[]): string[] {
  return diffs.map((d) => `${d.field}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual) ?? 'nothing'}`);
}

/** A short "granted 3 320 550" / "refused [A,B]" for the summary table. */
export function describeOutcome(o: { finalStatus?: string; decision?: string | undefined; amountKopecks?: number | undefined; reasons?: readonly string[] | undefined }): string {
  const kind = o.decision ?? o.finalStatus ?? '?';
  const amount = o.amountKopecks === undefined ? '' : ` ${o.amountKopecks}`;
  const reasons = o.reasons === undefined || o.reasons.length === 0 ? '' : ` [${[...o.reasons].sort().join(',')}]`;
  return `${kind}${amount}${reasons}`;
}
