/**
 * Exact money arithmetic. Amounts are integer kopecks; shares (½, area norm ÷ area, ÷ residents) make fractions,
 * which are kept as exact bigint ratios and rounded half up to a kopeck only once, at the end.
 */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/** Always in lowest terms with a positive denominator, so a trace shows 33/40, not 3300/4000 (or worse, products). */
export function ratio(numerator: bigint | number, denominator: bigint | number = 1n): Ratio {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new RangeError('Division by zero');
  const divisor = gcd(n < 0n ? -n : n, d < 0n ? -d : d);
  const sign = d < 0n ? -1n : 1n;
  return { numerator: (sign * n) / divisor, denominator: (sign * d) / divisor };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

export function multiplyRatios(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.numerator, a.denominator * b.denominator);
}

/** Negative a < b, zero equal, positive a > b; exact. */
export function compareRatios(a: Ratio, b: Ratio): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Round half up (away from zero for halves of negative amounts, the usual reading of "half up" for money). */
export function roundHalfUp(value: Ratio): number {
  const { numerator, denominator } = value;
  const sign = numerator < 0n ? -1n : 1n;
  const absolute = numerator * sign;
  const rounded = (absolute * 2n + denominator) / (denominator * 2n);
  const result = Number(rounded * sign);
  if (!Number.isSafeInteger(result)) throw new RangeError('Amount exceeds the exact integer range');
  return result;
}

/** 1660275 → "16 602.75 ₽" (thin grouping by spaces, two decimals). */
export function formatRubles(kopecks: number): string {
  const sign = kopecks < 0 ? '-' : '';
  const absolute = Math.abs(kopecks);
  const rubles = Math.trunc(absolute / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${rubles}.${String(absolute % 100).padStart(2, '0')} ₽`;
}

/** An exact ratio of kopecks shown to the kopeck and, when not whole, with its exact value too. */
export function formatRatioRubles(value: Ratio): string {
  const rounded = formatRubles(roundHalfUp(value));
  if (value.numerator % value.denominator === 0n) return rounded;
  return `${rounded} (exactly ${value.numerator}/${value.denominator} kopecks)`;
}
