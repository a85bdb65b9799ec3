/**
 * Exact decimal arithmetic on the agencies' money and quantity strings. Everything goes through BigInt on the
 * digits, never parseFloat: 0.10 + 0.20 must be 30 kopecks, and 12345678901.99 rubles must stay exact.
 * Functions return a result instead of throwing so callers can name the element the bad value came from.
 */

export type DecimalResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): DecimalResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): DecimalResult<T> => ({ ok: false, reason });

// xs:decimal lexical space: optional sign, digits with an optional fraction, at least one digit somewhere.
const XS_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

interface DecimalParts {
  readonly negative: boolean;
  readonly whole: string;
  readonly fraction: string;
}

function splitDecimal(text: string): DecimalParts | undefined {
  // xs:decimal collapses whitespace, so surrounding blanks are not an error.
  const match = XS_DECIMAL.exec(text.trim());
  if (!match) return undefined;
  const whole = match[2] ?? '';
  const fraction = match[3] ?? '';
  if (whole === '' && fraction === '') return undefined;
  return { negative: match[1] === '-', whole: whole === '' ? '0' : whole, fraction };
}

function toSafeNumber(value: bigint): DecimalResult<number> {
  const asNumber = Number(value);
  if (!Number.isSafeInteger(asNumber)) return fail('exceeds the range of exact integer kopecks');
  return ok(asNumber);
}

export interface MoneyOptions {
  /** Corrections and recalculations may be negative; the current contracts allow only non-negative money. */
  readonly allowNegative?: boolean;
}

/**
 * Contract money ("12345.60": rubles, exactly two fraction digits) → integer kopecks. Exactly two digits is the
 * contracts' rule (MoneyType pattern), so "12.5" and "1.005" are refused rather than guessed at.
 */
export function rublesToKopecks(text: string, options: MoneyOptions = {}): DecimalResult<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('is empty; expected rubles like 1234.50');
  const match = /^(-?)(\d+)\.(\d+)$/.exec(trimmed);
  if (!match) {
    if (/^-?\d+$/.test(trimmed)) return fail(`"${trimmed}" has no kopecks; money is written with exactly 2 fraction digits`);
    return fail(`"${trimmed}" is not an amount of rubles like 1234.50`);
  }
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length !== 2) {
    return fail(`"${trimmed}" has ${fraction.length} fraction digits; money has exactly 2`);
  }
  if (sign === '-' && !options.allowNegative) return fail(`"${trimmed}" is negative; this amount cannot be`);
  const magnitude = BigInt(whole) * 100n + BigInt(fraction);
  return toSafeNumber(sign === '-' ? -magnitude : magnitude);
}

/**
 * A price per unit in rubles with up to six fraction digits (a tariff) → kopecks, only when it is a whole number
 * of kopecks ("36.00", "2950.120000"). A finer tariff ("173.333333") has no exact kopeck value and is refused so
 * the caller can leave it out instead of storing a rounded price that no longer multiplies out to the charge.
 */
export function rublesToExactKopecks(text: string): DecimalResult<number> {
  const parts = splitDecimal(text);
  if (!parts) return fail(`"${text.trim()}" is not a decimal number`);
  if (parts.negative && /[1-9]/.test(parts.whole + parts.fraction)) return fail(`"${text.trim()}" is negative`);
  const kopecksDigits = parts.fraction.slice(0, 2).padEnd(2, '0');
  const finer = parts.fraction.slice(2);
  if (/[1-9]/.test(finer)) return fail(`"${text.trim()}" is finer than a kopeck`);
  return toSafeNumber(BigInt(parts.whole) * 100n + BigInt(kopecksDigits));
}

/** Largest integer part and fraction the facts model's DecimalQuantity (`^\d{1,12}(\.\d{1,6})?$`) can hold. */
const QUANTITY_MAX_WHOLE_DIGITS = 12;
const QUANTITY_MAX_FRACTION_DIGITS = 6;

/**
 * An xs:decimal quantity (norm, volume) → the facts model's exact text form: no sign, no redundant leading zeros,
 * the fraction as sent ("0.0195", "8", "2950.120000"). Trailing zeros are dropped only when needed to fit.
 */
export function normalizeQuantity(text: string): DecimalResult<string> {
  const parts = splitDecimal(text);
  if (!parts) return fail(`"${text.trim()}" is not a decimal number`);
  if (parts.negative && /[1-9]/.test(parts.whole + parts.fraction)) return fail(`"${text.trim()}" is negative`);
  const whole = parts.whole.replace(/^0+(?=\d)/, '');
  let fraction = parts.fraction;
  if (fraction.length > QUANTITY_MAX_FRACTION_DIGITS) fraction = fraction.replace(/0+$/, '');
  if (whole.length > QUANTITY_MAX_WHOLE_DIGITS) return fail(`"${text.trim()}" has more than ${QUANTITY_MAX_WHOLE_DIGITS} integer digits`);
  if (fraction.length > QUANTITY_MAX_FRACTION_DIGITS) {
    return fail(`"${text.trim()}" has more than ${QUANTITY_MAX_FRACTION_DIGITS} fraction digits`);
  }
  return ok(fraction === '' ? whole : `${whole}.${fraction}`);
}
