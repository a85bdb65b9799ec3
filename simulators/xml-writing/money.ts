/**
 * @module simulators/xml-writing/money
 * Exact money for answers: persona amounts are decimal strings ("1234.50"), sums are integer kopecks in bigint,
 * so 0.10 + 0.20 is 0.30 to the kopeck and no amount ever passes through a binary float.
 */
import { KitError } from '../../core/errors/index.ts';

const MONEY = /^(-?)(\d{1,15})\.(\d{2})$/;

/** "1234.50" → 123450n. `where` names the fixture field in the error. */
export function kopecksOf(amount: string, where: string): bigint {
  const parts = MONEY.exec(amount);
  if (parts === null) throw new KitError('ERR_CONFIG_INVALID', `${where}: "${amount}" is not money with two fraction digits`, { path: where });
  const [, sign, rubles, kopecks] = parts as unknown as [string, string, string, string];
  const value = BigInt(rubles) * 100n + BigInt(kopecks);
  return sign === '-' ? -value : value;
}

/** 123450n → "1234.50". */
export function formatKopecks(kopecks: bigint): string {
  const sign = kopecks < 0n ? '-' : '';
  const magnitude = kopecks < 0n ? -kopecks : kopecks;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

/**
 * Every contract's MoneyType is non-negative; a negative amount (a correction in a fixture) cannot be written,
 * so it is refused with the fixture field named rather than sent as an answer the client's XSD check rejects.
 */
export function contractMoney(kopecks: bigint, where: string): string {
  if (kopecks < 0n) {
    throw new KitError('ERR_CONFIG_INVALID', `${where}: ${formatKopecks(kopecks)} is negative; the contract's MoneyType cannot carry it`, { path: where });
  }
  return formatKopecks(kopecks);
}

/** A persona money string re-checked for the contract (also normalises nothing: the fixture value goes out as is). */
export function contractMoneyText(amount: string, where: string): string {
  return contractMoney(kopecksOf(amount, where), where);
}

export function sumKopecks(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const value of values) total += value;
  return total;
}
