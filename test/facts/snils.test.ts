import { describe, expect, it } from 'vitest';
import { formatSnils, isValidSnils, normalizeSnils, snilsCheckDigits, snilsSchema } from '../../core/facts/index.ts';

describe('SNILS', () => {
  it('accepts the classic valid number in both spellings and normalizes them to the same 11 digits', () => {
    expect(isValidSnils('112-233-445 95')).toBe(true);
    expect(isValidSnils('11223344595')).toBe(true);
    expect(normalizeSnils('112-233-445 95')).toBe('11223344595');
    expect(snilsSchema.parse('112-233-445 95')).toBe('11223344595');
    expect(snilsSchema.parse('11223344595')).toBe('11223344595');
  });

  it('formats the canonical digits back to NNN-NNN-NNN NN', () => {
    expect(formatSnils('11223344595')).toBe('112-233-445 95');
  });

  it('rejects a wrong check number', () => {
    expect(isValidSnils('112-233-445 96')).toBe(false);
    expect(snilsSchema.safeParse('11223344596').success).toBe(false);
  });

  it('rejects other spellings: missing space, extra separators, wrong length, letters', () => {
    for (const text of ['112-233-44595', '112 233 445 95', '1122334459', '112233445950', '112-233-445 9a', ' 11223344595']) {
      expect(isValidSnils(text), text).toBe(false);
      expect(normalizeSnils(text), text).toBeUndefined();
    }
  });

  it('uses the sum itself as check number when the sum is below 100', () => {
    // 1·9+1·8+2·7+2·6+3·5+3·4+4·3+4·2+5·1 = 95
    expect(snilsCheckDigits('112233445')).toBe('95');
  });

  it('gives 00 when the sum is exactly 100 or 101', () => {
    // 001-508-815: 1·7+5·6+8·4+8·3+1·2+5·1 = 100; 001-437-544: 1·7+4·6+3·5+7·4+5·3+4·2+4·1 = 101
    expect(snilsCheckDigits('001508815')).toBe('00');
    expect(isValidSnils('001-508-815 00')).toBe(true);
    expect(isValidSnils('001-508-815 01')).toBe(false);
    expect(snilsCheckDigits('001437544')).toBe('00');
    expect(isValidSnils('00143754400')).toBe(true);
  });

  it('takes the sum modulo 101 above 101, turning a remainder of 100 into 00', () => {
    // 123456789: sum 165 → 64; 006996682: sum 201 → 201 mod 101 = 100 → 00; 999999999: sum 405 → 1 → 01
    expect(snilsCheckDigits('123456789')).toBe('64');
    expect(isValidSnils('123-456-789 64')).toBe(true);
    expect(snilsCheckDigits('006996682')).toBe('00');
    expect(isValidSnils('006-996-682 00')).toBe(true);
    expect(snilsCheckDigits('999999999')).toBe('01');
  });

  it('does not check the checksum of numbers up to 001-001-998, which predate it', () => {
    expect(isValidSnils('001-001-998 00')).toBe(true);
    expect(isValidSnils('001-001-998 77')).toBe(true);
    expect(isValidSnils('000-000-001 42')).toBe(true);
  });

  it('checks the checksum from 001-001-999 on', () => {
    expect(snilsCheckDigits('001001999')).toBe('65');
    expect(isValidSnils('001-001-999 65')).toBe(true);
    expect(isValidSnils('001-001-999 00')).toBe(false);
  });

  it('reports a malformed SNILS once, not also as a checksum failure', () => {
    const result = snilsSchema.safeParse('12345');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
  });
});
