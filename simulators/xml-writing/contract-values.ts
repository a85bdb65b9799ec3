/**
 * @module simulators/xml-writing/contract-values
 * Persona fields are looser than the contracts (a free-text code, an optional value the schema requires). Values
 * are checked here against the contract's pattern before writing, so a fixture that the contract cannot carry
 * fails with the persona field named, not with an XSD error on the client side that hides where it came from.
 */
import { KitError } from '../../core/errors/index.ts';

export function requirePattern(value: string, pattern: RegExp, where: string, contractType: string): string {
  if (!pattern.test(value)) {
    throw new KitError('ERR_CONFIG_INVALID', `${where}: "${value}" does not fit the contract's ${contractType}`, { path: where, value });
  }
  return value;
}

export function requirePresent<T>(value: T | undefined, where: string, why: string): T {
  if (value === undefined) throw new KitError('ERR_CONFIG_INVALID', `${where} is missing: ${why}`, { path: where });
  return value;
}

/** Persona gender → the contracts' GenderType. */
export function genderCode(gender: 'male' | 'female'): 'M' | 'F' {
  return gender === 'male' ? 'M' : 'F';
}

/** "persona-id/member-key.agencies.fns.incomes[2]": how errors point into a fixture. */
export function fixturePath(personaId: string, memberKey: string, rest: string): string {
  return `${personaId}/${memberKey}.${rest}`;
}
