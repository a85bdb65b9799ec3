import type { IsoDate, IsoMonth } from '../../core/facts/index.ts';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, no time zones. Ages count whole birthdays; adding months keeps
 * the day of month and clamps to the month's last day (Civil Code art. 192: a period ending in a month without
 * that day ends on its last day), so someone born on 29 February turns 18 on 28 February in a common year.
 */

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 0, d ?? 0];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus whole months, clamped to the end of the target month. Negative months go back. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole years completed on `on`: the birthday itself counts (turns 18 on the 18th birthday). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by] = parts(birthDate);
  const [oy] = parts(on);
  let age = oy - by;
  if (addYears(birthDate, age) > on) age -= 1;
  return age;
}

/** The day someone born on `birthDate` reaches `years`. */
export function birthdayAt(birthDate: IsoDate, years: number): IsoDate {
  return addYears(birthDate, years);
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function firstDayOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** `month` shifted by whole months. */
export function addMonthsToMonth(month: IsoMonth, months: number): IsoMonth {
  return addMonths(`${month}-01`, months).slice(0, 7);
}

export function isWithin(date: IsoDate, since: IsoDate, until: IsoDate | undefined): boolean {
  return since <= date && (until === undefined || date <= until);
}

/** Months from `from` to `to` inclusive, in order. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const out: IsoMonth[] = [];
  for (let month = from; month <= to; month = addMonthsToMonth(month, 1)) out.push(month);
  return out;
}
