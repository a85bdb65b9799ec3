import { describe, expect, it } from 'vitest';
import {
  datePeriodSchema,
  formatAreaM2,
  isIsoDate,
  isIsoMonth,
  isoDateSchema,
  isoDateTimeSchema,
  isoMonthSchema,
  kopecksSchema,
  parseAreaM2,
  serviceAccrualSchema,
} from '../../core/facts/index.ts';

describe('dates', () => {
  it('rejects days that do not exist in the month', () => {
    for (const text of ['2023-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00']) {
      expect(isIsoDate(text), text).toBe(false);
      expect(isoDateSchema.safeParse(text).success, text).toBe(false);
    }
  });

  it('accepts real dates including leap days', () => {
    for (const text of ['2024-02-29', '2000-02-29', '2023-12-31', '1988-02-29']) {
      expect(isIsoDate(text), text).toBe(true);
      expect(isoDateSchema.safeParse(text).success, text).toBe(true);
    }
    expect(isIsoDate('1900-02-29')).toBe(false);
  });

  it('rejects dates with a time, other separators or short parts', () => {
    for (const text of ['2024-02-01T00:00:00Z', '2024/02/01', '2024-2-1', '01.02.2024']) {
      expect(isoDateSchema.safeParse(text).success, text).toBe(false);
    }
  });

  it('accepts months as YYYY-MM only', () => {
    expect(isIsoMonth('2025-12')).toBe(true);
    expect(isoMonthSchema.safeParse('2025-13').success).toBe(false);
    expect(isoMonthSchema.safeParse('2025-1').success).toBe(false);
    expect(isoMonthSchema.safeParse('2025-01-01').success).toBe(false);
  });

  it('requires a zone on date-times', () => {
    expect(isoDateTimeSchema.safeParse('2026-03-02T09:15:04Z').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2026-03-02T09:15:04+05:00').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('2026-03-02T09:15:04').success).toBe(false);
  });

  it('rejects a period that ends before it starts', () => {
    expect(datePeriodSchema.safeParse({ from: '2025-01-01', to: '2025-01-01' }).success).toBe(true);
    const result = datePeriodSchema.safeParse({ from: '2025-02-01', to: '2025-01-31' });
    expect(result.error?.issues[0]?.path).toEqual(['to']);
  });
});

describe('money', () => {
  it('accepts integer kopecks', () => {
    expect(kopecksSchema.parse(1_660_275)).toBe(1_660_275);
    expect(kopecksSchema.parse(-500)).toBe(-500);
  });

  it('rejects floats, rubles as strings and non-finite numbers', () => {
    for (const value of [16602.75, 0.1, '1660275', Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(kopecksSchema.safeParse(value).success, String(value)).toBe(false);
    }
  });

  it('rejects a float accrual amount inside a larger object, naming the field', () => {
    const result = serviceAccrualSchema.safeParse({
      serviceCode: 'COLD',
      serviceKind: 'utility',
      amountKopecks: 543.21,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['amountKopecks']);
  });
});

describe('living area', () => {
  it('parses decimal square metres into exact hundredths', () => {
    expect(parseAreaM2('54.35')).toBe(5435);
    expect(parseAreaM2('54.3')).toBe(5430);
    expect(parseAreaM2('54')).toBe(5400);
    expect(parseAreaM2('54,350')).toBe(5435);
    expect(formatAreaM2(5435)).toBe('54.35');
    expect(formatAreaM2(3305)).toBe('33.05');
  });

  it('refuses to round an area given more precisely than hundredths', () => {
    expect(parseAreaM2('54.355')).toBeUndefined();
    expect(parseAreaM2('-1')).toBeUndefined();
    expect(parseAreaM2('abc')).toBeUndefined();
  });
});
