/**
 * Shared vocabulary of the oracles: what an agency call should produce for a persona, written from the persona
 * schema and the facts model only. Money is parsed from its decimal text to integer kopecks without floats.
 */
import type { FactGroup, FactsByGroup } from '../../../core/facts/index.ts';

export type ExpectedData<G extends FactGroup> = FactsByGroup[G][number]['data'];

export type Expected<G extends FactGroup = FactGroup> =
  | { readonly kind: 'facts'; readonly group: G; readonly data: readonly ExpectedData<G>[] }
  | { readonly kind: 'no-data' };

export const noData = { kind: 'no-data' } as const;

export function facts<G extends FactGroup>(group: G, data: readonly ExpectedData<G>[]): Expected<G> {
  return data.length === 0 ? noData : { kind: 'facts', group, data };
}

/** "1234.56" → 123456, "-0.10" → -10; exact, no binary floating point. */
export function kopecks(amount: string): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!match) throw new Error(`oracle: "${amount}" is not money with two fraction digits`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

/** "46.8" → 4680, "64.25" → 6425 (hundredths of m²). */
export function hundredths(area: string): number {
  const [whole, fraction = ''] = area.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const snilsDigits = (snils: string): string => snils.replace(/\D/g, '');

/** "Optional field present only when known" — the facts model never carries undefined values. */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const days = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** Inclusive ranges sharing at least a day; an absent end is open. */
export function overlaps(a: { from: string; to?: string | undefined }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && (a.to === undefined || a.to >= b.from);
}

export function contains(range: { from: string; to?: string | undefined }, day: string): boolean {
  return range.from <= day && (range.to === undefined || day <= range.to);
}
