import { z } from 'zod';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * Dates, months and date-times as strings. Agencies send dates without time zones and the decision rules compare
 * calendar days, so a date is a `YYYY-MM-DD` string rather than a JS Date (which would drag a time zone in).
 */

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in `YYYY-MM-DD` form (2024-02-29 yes, 2023-02-29 and 2023-02-30 no). */
export function isIsoDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** True for `YYYY-MM` with a month 01–12. */
export function isIsoMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// z.iso.date() already rejects impossible days (its pattern knows month lengths and leap years) and documents
// itself as `format: date` in JSON Schema; the explicit refine keeps the rule visible and tested in one place.
export const isoDateSchema = z.iso
  .date({ message: 'Not a real calendar date (expected YYYY-MM-DD)', abort: true })
  .refine(isIsoDate, { message: 'Not a real calendar date (expected YYYY-MM-DD)' })
  .register(factsSchemaRegistry, { id: 'IsoDate', description: 'A calendar date, YYYY-MM-DD' });

export const isoMonthSchema = z
  .string()
  .regex(MONTH_PATTERN, { message: 'Expected a month as YYYY-MM' })
  .register(factsSchemaRegistry, { id: 'IsoMonth', description: 'A calendar month, YYYY-MM' });

export const isoDateTimeSchema = z.iso
  .datetime({ offset: true })
  .register(factsSchemaRegistry, {
    id: 'IsoDateTime',
    description: 'An instant, ISO 8601 with seconds and a zone (Z or ±hh:mm)',
  });

/** Inclusive date range. `from` after `to` is a mistake somebody made, never a meaningful empty range. */
export const datePeriodSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((p) => p.from <= p.to, { message: '`from` is after `to`', path: ['to'] })
  .register(factsSchemaRegistry, { id: 'DatePeriod', description: 'Inclusive range of calendar dates' });

/** Inclusive month range, the unit income is reported in. */
export const monthPeriodSchema = z
  .strictObject({ from: isoMonthSchema, to: isoMonthSchema })
  .refine((p) => p.from <= p.to, { message: '`from` is after `to`', path: ['to'] })
  .register(factsSchemaRegistry, { id: 'MonthPeriod', description: 'Inclusive range of calendar months' });

export type IsoDate = z.infer<typeof isoDateSchema>;
export type IsoMonth = z.infer<typeof isoMonthSchema>;
export type IsoDateTime = z.infer<typeof isoDateTimeSchema>;
export type DatePeriod = z.infer<typeof datePeriodSchema>;
export type MonthPeriod = z.infer<typeof monthPeriodSchema>;
