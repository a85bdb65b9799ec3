import type { IsoDate } from '../../core/facts/index.ts';
import type { Decision, ManualReviewCode, MeasureId, MonthlyPeriod, OneOffPayment, PaymentLine, Reason, RefusalCode } from './decision.ts';
import { formatRubles } from './exact-money.ts';
import type { TraceRecorder } from './trace.ts';

/**
 * One place decides which outcome the findings make, so every measure follows the same precedence:
 * 1. a fact that could not be obtained → manual review (never a refusal: the missing fact might have granted);
 * 2. a failed condition (or nobody left to grant) → refusal listing every failed condition;
 * 3. a condition that needs an official (debt, unconfirmable claim) → manual review;
 * 4. otherwise granted, with the children not granted listed beside the grant.
 */
export interface Findings {
  readonly measure: MeasureId;
  readonly decisionDate: IsoDate;
  readonly recorder: TraceRecorder;
  readonly unavailable: readonly Reason<ManualReviewCode>[];
  /** Conditions of the whole application that failed. */
  readonly failed: readonly Reason<RefusalCode>[];
  /** Conditions of one beneficiary that failed (others may still be granted). */
  readonly notGranted: readonly Reason<RefusalCode>[];
  readonly review: readonly Reason<ManualReviewCode>[];
  readonly payments: readonly PaymentLine[];
}

export function conclude(f: Findings): Decision {
  const base = { measure: f.measure, decisionDate: f.decisionDate };
  if (f.unavailable.length > 0) {
    const reasons = [...f.unavailable, ...f.review, ...f.failed, ...f.notGranted];
    return { ...base, kind: 'manual-review', reasons, trace: f.recorder.finish(`manual review: ${codes(reasons)}`) };
  }
  if (f.failed.length > 0 || (f.payments.length === 0 && f.review.length === 0)) {
    const reasons = [...f.failed, ...f.notGranted];
    return { ...base, kind: 'refused', reasons, trace: f.recorder.finish(`refused: ${codes(reasons)}`) };
  }
  if (f.review.length > 0) {
    const reasons = [...f.review, ...f.notGranted];
    return { ...base, kind: 'manual-review', reasons, trace: f.recorder.finish(`manual review: ${codes(reasons)}`) };
  }
  const amountKopecks = f.payments.reduce((sum, line) => sum + line.amountKopecks, 0);
  const period = overallPeriod(f.payments);
  const when = 'oneOff' in period ? `one-off on ${period.on}` : `monthly from ${period.from}${period.to === undefined ? '' : ` to ${period.to}`}`;
  const partly = f.notGranted.length > 0 ? `; not granted: ${codes(f.notGranted)}` : '';
  return {
    ...base,
    kind: 'granted',
    amountKopecks,
    period,
    payments: f.payments,
    notGranted: f.notGranted,
    trace: f.recorder.finish(`granted ${formatRubles(amountKopecks)} (${amountKopecks} kopecks) ${when}${partly}`),
  };
}

function codes(reasons: readonly Reason[]): string {
  return reasons.map((r) => r.code).join(', ');
}

function overallPeriod(lines: readonly PaymentLine[]): MonthlyPeriod | OneOffPayment {
  const first = lines[0]?.period;
  if (first === undefined || 'oneOff' in first) return first ?? { oneOff: true, on: '' };
  let from = first.from;
  let to: string | undefined = first.to;
  let openEnded = first.to === undefined;
  for (const line of lines) {
    if ('oneOff' in line.period) continue;
    if (line.period.from < from) from = line.period.from;
    if (line.period.to === undefined) openEnded = true;
    else if (to === undefined || line.period.to > to) to = line.period.to;
  }
  return openEnded || to === undefined ? { from } : { from, to };
}
