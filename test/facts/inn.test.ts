import { describe, expect, it } from 'vitest';
import { innSchema, isValidInn, isValidKpp, isValidLegalInn, isValidPersonalInn } from '../../core/facts/index.ts';

describe('INN', () => {
  it('accepts a 10-digit organisation INN whose check digit matches', () => {
    // 7707083893: 2·7+4·7+10·0+3·7+5·0+9·8+4·3+6·8+8·9 = 267; 267 mod 11 = 3 → 3
    expect(isValidLegalInn('7707083893')).toBe(true);
    expect(isValidInn('7707083893')).toBe(true);
    expect(isValidLegalInn('8601001236')).toBe(true);
  });

  it('rejects a 10-digit INN with a wrong check digit', () => {
    expect(isValidLegalInn('7707083894')).toBe(false);
    expect(isValidInn('7707083894')).toBe(false);
  });

  it('accepts a 12-digit personal INN whose two check digits match', () => {
    expect(isValidPersonalInn('500100732259')).toBe(true);
    expect(isValidPersonalInn('860123456756')).toBe(true);
    expect(isValidInn('860123456756')).toBe(true);
  });

  it('rejects a 12-digit INN when either check digit is wrong', () => {
    expect(isValidPersonalInn('860123456757')).toBe(false);
    expect(isValidPersonalInn('860123456746')).toBe(false);
  });

  it('does not take a personal INN for a legal one or the other way round', () => {
    expect(isValidLegalInn('860123456756')).toBe(false);
    expect(isValidPersonalInn('7707083893')).toBe(false);
  });

  it('rejects other lengths and non-digits', () => {
    for (const text of ['', '770708389', '77070838931', '7707O83893', '8601234567560']) {
      expect(isValidInn(text), text).toBe(false);
    }
    expect(innSchema.safeParse('77070838').error?.issues).toHaveLength(1);
  });

  it('accepts a KPP with digits or capital letters in the reason part', () => {
    expect(isValidKpp('860101001')).toBe(true);
    expect(isValidKpp('7701AB001')).toBe(true);
    expect(isValidKpp('86010100')).toBe(false);
    expect(isValidKpp('8601ab001')).toBe(false);
  });
});
