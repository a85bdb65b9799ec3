/**
 * @module simulators/xml-writing/periods
 * Period arithmetic on ISO text. "YYYY-MM-DD" and "YYYY-MM" compare correctly as strings, so no Date objects (and
 * no time zones) are involved in deciding what falls inside a requested period.
 */

/** Inclusive date range; either end may be open (undefined). */
export interface DateRange {
  readonly from: string;
  readonly to?: string | undefined;
}

/** True when [a.from, a.to] and [b.from, b.to] share at least one day (open ends reach forever). */
export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  const aEndsBeforeB = a.to !== undefined && a.to < b.from;
  const bEndsBeforeA = b.to !== undefined && b.to < a.from;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** True when the day lies in the (possibly open-ended) range. */
export function rangeContains(range: DateRange, day: string): boolean {
  return range.from <= day && (range.to === undefined || day <= range.to);
}

/** The month ("YYYY-MM") of an ISO date. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** "Today" of the simulated agency as an ISO date (UTC: the simulators run on a fixed clock in tests). */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
