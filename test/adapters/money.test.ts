import { describe, expect, it } from 'vitest';
import { normalizeQuantity, rublesToExactKopecks, rublesToKopecks } from '../../adapters/xml/index.ts';

const kopecks = (text: string, allowNegative = false): number => {
  const result = rublesToKopecks(text, { allowNegative });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
};

describe('converting contract money to kopecks', () => {
  it('adds 0.10 and 0.20 rubles to exactly 30 kopecks', () => {
    expect(kopecks('0.10') + kopecks('0.20')).toBe(30);
  });

  it('keeps 12345678901.99 rubles exact', () => {
    expect(kopecks('12345678901.99')).toBe(1_234_567_890_199);
  });

  it('reads zero, leading zeros and surrounding blanks the way xs:decimal does', () => {
    expect(kopecks('0.00')).toBe(0);
    expect(kopecks('007.05')).toBe(705);
    expect(kopecks(' 1954.80\n')).toBe(195_480);
  });

  it('reads a negative correction only where negatives are allowed', () => {
    expect(kopecks('-12.34', true)).toBe(-1234);
    expect(Object.is(kopecks('-0.00', true), 0)).toBe(true);
    expect(rublesToKopecks('-12.34')).toEqual({ ok: false, reason: expect.stringMatching(/negative/) });
  });

  it('refuses three fraction digits, one, or none, instead of guessing', () => {
    expect(rublesToKopecks('1.005')).toEqual({ ok: false, reason: expect.stringMatching(/3 fraction digits; money has exactly 2/) });
    expect(rublesToKopecks('12.5')).toEqual({ ok: false, reason: expect.stringMatching(/1 fraction digits/) });
    expect(rublesToKopecks('12')).toEqual({ ok: false, reason: expect.stringMatching(/no kopecks/) });
  });

  it('refuses garbage and amounts beyond exact integers', () => {
    for (const text of ['', 'abc', '1e3', '12,50', '1.2.3', '+1.00', 'NaN', '0x10.00']) {
      expect(rublesToKopecks(text).ok, text).toBe(false);
    }
    expect(rublesToKopecks('999999999999999.99')).toEqual({ ok: false, reason: expect.stringMatching(/exact integer/) });
    expect(kopecks('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('converting a tariff to kopecks', () => {
  it('accepts any decimal that is a whole number of kopecks', () => {
    expect(rublesToExactKopecks('2950.120000')).toEqual({ ok: true, value: 295_012 });
    expect(rublesToExactKopecks('36')).toEqual({ ok: true, value: 3600 });
    expect(rublesToExactKopecks('51.5')).toEqual({ ok: true, value: 5150 });
    expect(rublesToExactKopecks('.5')).toEqual({ ok: true, value: 50 });
  });

  it('refuses a tariff finer than a kopeck rather than rounding it', () => {
    expect(rublesToExactKopecks('173.333333')).toEqual({ ok: false, reason: expect.stringMatching(/finer than a kopeck/) });
  });
});

describe('normalizing a quantity to the facts model text form', () => {
  it('keeps the digits as sent and drops only what xs:decimal allows to vary', () => {
    expect(normalizeQuantity('0.0195')).toEqual({ ok: true, value: '0.0195' });
    expect(normalizeQuantity('+008')).toEqual({ ok: true, value: '8' });
    expect(normalizeQuantity('5.')).toEqual({ ok: true, value: '5' });
    expect(normalizeQuantity('.25')).toEqual({ ok: true, value: '0.25' });
    expect(normalizeQuantity('1.50000000')).toEqual({ ok: true, value: '1.5' });
  });

  it('refuses negative, oversized and non-numeric quantities', () => {
    expect(normalizeQuantity('-1').ok).toBe(false);
    expect(normalizeQuantity('1234567890123').ok).toBe(false);
    expect(normalizeQuantity('0.1234567').ok).toBe(false);
    expect(normalizeQuantity('many').ok).toBe(false);
  });
});
