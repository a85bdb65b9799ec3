import { z } from 'zod';
import { factsSchemaRegistry } from './schema-registry.ts';

/**
 * INN, the taxpayer number: 10 digits for an organisation, 12 for a person. Both end in check digits computed as
 * a weighted sum mod 11 mod 10 (tax-service rule). KPP, the organisation's registration-reason code, rides along
 * with a legal INN for paying agents.
 */

const LEGAL_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const PERSONAL_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const PERSONAL_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

function checkDigit(digits: string, weights: readonly number[]): number {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight * Number(digits[i]);
  });
  return (sum % 11) % 10;
}

/** 10-digit INN of an organisation. */
export function isValidLegalInn(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return checkDigit(value, LEGAL_WEIGHTS) === Number(value[9]);
}

/** 12-digit INN of a person (or an individual entrepreneur). */
export function isValidPersonalInn(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  return (
    checkDigit(value, PERSONAL_WEIGHTS_11) === Number(value[10]) &&
    checkDigit(value, PERSONAL_WEIGHTS_12) === Number(value[11])
  );
}

/** Either kind. */
export function isValidInn(value: string): boolean {
  return isValidLegalInn(value) || isValidPersonalInn(value);
}

/** KPP: 4 digits of tax office, 2 reason characters (digits or A–Z), 3 digits of sequence. */
export function isValidKpp(value: string): boolean {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(value);
}

export const innSchema = z
  .string()
  .regex(/^(?:\d{10}|\d{12})$/, { message: 'INN must be 10 or 12 digits', abort: true })
  .refine(isValidInn, { message: 'INN check digits do not match' })
  .register(factsSchemaRegistry, { id: 'Inn', description: 'INN, 10 digits (organisation) or 12 (person), checksum-valid' });

export const personalInnSchema = z
  .string()
  .regex(/^\d{12}$/, { message: 'A personal INN is 12 digits', abort: true })
  .refine(isValidPersonalInn, { message: 'INN check digits do not match' })
  .register(factsSchemaRegistry, { id: 'PersonalInn', description: 'INN of a person, 12 digits, checksum-valid' });

export const kppSchema = z
  .string()
  .regex(/^\d{4}[\dA-Z]{2}\d{3}$/, { message: 'KPP must be 9 characters: NNNN XX NNN' })
  .register(factsSchemaRegistry, { id: 'Kpp', description: 'KPP of an organisation, 9 characters' });

export type Inn = z.infer<typeof innSchema>;
export type PersonalInn = z.infer<typeof personalInnSchema>;
export type Kpp = z.infer<typeof kppSchema>;
