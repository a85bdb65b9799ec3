import { z } from 'zod';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * SNILS, the pension-insurance account number that identifies an applicant. Accepted as `NNN-NNN-NNN NN` (how
 * people and the disability registry write it) or as 11 bare digits; the canonical form is 11 bare digits, so two
 * spellings of one number compare equal. `formatSnils` gives the dashed form for agencies that want it.
 */

const SNILS_INPUT_PATTERN = /^(?:\d{3}-\d{3}-\d{3} \d{2}|\d{11})$/;

/** Numbers up to 001-001-998 were issued before the checksum rule existed, so their check digits are arbitrary. */
const LAST_NUMBER_WITHOUT_CHECKSUM = 1_001_998;

/** Check digits for the 9-digit body: weights 9..1, then the official reduction of the sum to two digits. */
export function snilsCheckDigits(body: string): string {
  if (!/^\d{9}$/.test(body)) throw new RangeError('A SNILS body is exactly 9 digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (9 - i);
  let check: number;
  if (sum < 100) check = sum;
  else if (sum === 100 || sum === 101) check = 0;
  else check = sum % 101 === 100 ? 0 : sum % 101;
  return String(check).padStart(2, '0');
}

/** The canonical 11 digits, or undefined when the text is in neither accepted spelling. Checksum not checked. */
export function normalizeSnils(value: string): string | undefined {
  if (!SNILS_INPUT_PATTERN.test(value)) return undefined;
  return value.replace(/[- ]/g, '');
}

/** Format, then checksum (for numbers above 001-001-998). */
export function isValidSnils(value: string): boolean {
  const digits = normalizeSnils(value);
  if (digits === undefined) return false;
  const body = digits.slice(0, 9);
  if (Number(body) <= LAST_NUMBER_WITHOUT_CHECKSUM) return true;
  return snilsCheckDigits(body) === digits.slice(9);
}

/** `NNN-NNN-NNN NN` from either accepted spelling; throws on text that is not a SNILS at all. */
export function formatSnils(value: string): string {
  const d = normalizeSnils(value);
  if (d === undefined) throw new RangeError('Not a SNILS');
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
}

export const snilsSchema = z
  .string()
  .regex(SNILS_INPUT_PATTERN, { message: 'SNILS must be NNN-NNN-NNN NN or 11 digits', abort: true })
  .refine(isValidSnils, { message: 'SNILS check digits do not match' })
  .transform((value) => normalizeSnils(value) ?? value)
  .register(factsSchemaRegistry, {
    id: 'Snils',
    description: 'SNILS as NNN-NNN-NNN NN or 11 digits, checksum-valid; parsed to 11 bare digits',
  });

/** Canonical SNILS: 11 digits. */
export type Snils = z.output<typeof snilsSchema>;
