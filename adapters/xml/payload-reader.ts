import { z } from 'zod';
import { childrenNamed, textOf } from '../../core/xml/index.ts';
import { isIsoDate, isValidSnils, normalizeSnils, parseAreaM2, type FullName, type Gender } from '../../core/facts/index.ts';
import { AnswerProblem } from './answer-problem.ts';
import { normalizeQuantity, rublesToExactKopecks, rublesToKopecks, type DecimalResult, type MoneyOptions } from './decimal.ts';
import { childPath, elementPath } from './element-path.ts';

// The same check the facts model applies to FIAS GUIDs, so a GUID the model would refuse is spotted here.
const modelUuid = z.uuid();

// XML Schema date-like types may carry a time zone; the calendar day is what the facts model keeps.
const ZONE_SUFFIX = /(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;

/**
 * Typed reading of one contract's payload: every accessor names the element it wanted when it is missing,
 * repeated or malformed (as an AnswerProblem with the element path). Names are matched by the contract's
 * namespace URI and local name, never by prefix. Required/optional follows the contract's XSD.
 */
export class PayloadReader {
  constructor(readonly namespaceUri: string) {}

  /** Exactly one child named `name`. */
  child(parent: Element, name: string): Element {
    const found = this.optionalChild(parent, name);
    if (!found) throw new AnswerProblem(childPath(parent, name), 'required element is missing');
    return found;
  }

  /** At most one child named `name`. */
  optionalChild(parent: Element, name: string): Element | undefined {
    const found = childrenNamed(parent, this.namespaceUri, name);
    if (found.length > 1) throw new AnswerProblem(childPath(parent, name), `appears ${found.length} times; expected once`);
    return found[0];
  }

  /** All children named `name`; at least `min`. */
  children(parent: Element, name: string, min = 0): Element[] {
    const found = childrenNamed(parent, this.namespaceUri, name);
    if (found.length < min) throw new AnswerProblem(childPath(parent, name), `expected at least ${min}, found ${found.length}`);
    return found;
  }

  /** Trimmed, non-blank text of a required child. */
  text(parent: Element, name: string): string {
    return this.valueOf(this.child(parent, name));
  }

  optionalText(parent: Element, name: string): string | undefined {
    const el = this.optionalChild(parent, name);
    return el ? this.valueOf(el) : undefined;
  }

  /** Text of an element that must not be blank. */
  valueOf(element: Element): string {
    const value = textOf(element).trim();
    if (value === '') throw new AnswerProblem(elementPath(element), 'is empty');
    return value;
  }

  date(parent: Element, name: string): string {
    return this.parse(this.child(parent, name), readDate);
  }

  optionalDate(parent: Element, name: string): string | undefined {
    return this.optional(parent, name, readDate);
  }

  /** xs:gYearMonth → YYYY-MM. */
  month(parent: Element, name: string): string {
    return this.parse(this.child(parent, name), readMonth);
  }

  /** xs:gYear → YYYY. */
  year(parent: Element, name: string): string {
    return this.parse(this.child(parent, name), (text) => {
      const value = text.replace(ZONE_SUFFIX, '');
      return /^\d{4}$/.test(value) ? { ok: true, value } : { ok: false, reason: `"${text}" is not a year YYYY` };
    });
  }

  /** Contract money (rubles, two decimals) → integer kopecks. */
  kopecks(parent: Element, name: string, options?: MoneyOptions): number {
    return this.parse(this.child(parent, name), (text) => rublesToKopecks(text, options));
  }

  optionalKopecks(parent: Element, name: string, options?: MoneyOptions): number | undefined {
    return this.optional(parent, name, (text) => rublesToKopecks(text, options));
  }

  /** A per-unit price in kopecks, or undefined when absent or finer than a kopeck (see rublesToExactKopecks). */
  optionalWholeKopecks(parent: Element, name: string): number | undefined {
    const el = this.optionalChild(parent, name);
    if (!el) return undefined;
    const result = rublesToExactKopecks(this.valueOf(el));
    if (result.ok) return result.value;
    // Finer than a kopeck is legal in the contract but has no exact kopeck value; anything else is garbage.
    if (result.reason.endsWith('finer than a kopeck')) return undefined;
    throw new AnswerProblem(elementPath(el), result.reason);
  }

  optionalQuantity(parent: Element, name: string): string | undefined {
    return this.optional(parent, name, normalizeQuantity);
  }

  /** Area in m² → integer hundredths of m². */
  area(parent: Element, name: string): number {
    return this.parse(this.child(parent, name), readArea);
  }

  optionalArea(parent: Element, name: string): number | undefined {
    return this.optional(parent, name, readArea);
  }

  /** xs:nonNegativeInteger → number. */
  count(parent: Element, name: string): number {
    return this.parse(this.child(parent, name), (text) => {
      const value = Number(text.replace(/^\+/, ''));
      return /^\+?\d+$/.test(text) && Number.isSafeInteger(value)
        ? { ok: true, value }
        : { ok: false, reason: `"${text}" is not a non-negative integer` };
    });
  }

  optionalBoolean(parent: Element, name: string): boolean | undefined {
    return this.optional(parent, name, (text) => {
      if (text === 'true' || text === '1') return { ok: true, value: true };
      if (text === 'false' || text === '0') return { ok: true, value: false };
      return { ok: false, reason: `"${text}" is not a boolean` };
    });
  }

  /** SNILS as the contracts write it (NNN-NNN-NNN NN) → canonical 11 digits, checksum verified. */
  snils(parent: Element, name: string): string {
    return this.parse(this.child(parent, name), readSnils);
  }

  optionalSnils(parent: Element, name: string): string | undefined {
    return this.optional(parent, name, readSnils);
  }

  optionalGender(parent: Element, name: string): Gender | undefined {
    return this.optional(parent, name, readGender);
  }

  /** One of the listed codes, as sent. */
  oneOf<T extends string>(parent: Element, name: string, allowed: readonly T[]): T {
    return this.parse(this.child(parent, name), (text) =>
      (allowed as readonly string[]).includes(text)
        ? { ok: true, value: text as T }
        : { ok: false, reason: `"${text}" is not one of ${allowed.join(', ')}` },
    );
  }

  /**
   * A FIAS GUID, lower-cased; undefined when absent or when it is not an RFC 4122 UUID the facts model accepts
   * (the contracts allow any 8-4-4-4-12 hex, the model only RFC variants; it is optional in the model).
   */
  optionalGuid(parent: Element, name: string): string | undefined {
    const el = this.optionalChild(parent, name);
    if (!el) return undefined;
    const value = this.valueOf(el).toLowerCase();
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
      throw new AnswerProblem(elementPath(el), `"${value}" is not a GUID`);
    }
    return modelUuid.safeParse(value).success ? value : undefined;
  }

  /** PersonNameType (FamilyName, FirstName, Patronymic?) → FullName. */
  personName(parent: Element, name = 'Person'): FullName {
    const person = this.child(parent, name);
    const patronymic = this.optionalText(person, 'Patronymic');
    return {
      family: this.text(person, 'FamilyName'),
      first: this.text(person, 'FirstName'),
      ...(patronymic === undefined ? {} : { patronymic }),
    };
  }

  private parse<T>(element: Element, read: (text: string) => DecimalResult<T>): T {
    const result = read(this.valueOf(element));
    if (!result.ok) throw new AnswerProblem(elementPath(element), result.reason);
    return result.value;
  }

  private optional<T>(parent: Element, name: string, read: (text: string) => DecimalResult<T>): T | undefined {
    const el = this.optionalChild(parent, name);
    return el ? this.parse(el, read) : undefined;
  }
}

function readDate(text: string): DecimalResult<string> {
  const value = text.replace(ZONE_SUFFIX, '');
  return isIsoDate(value) ? { ok: true, value } : { ok: false, reason: `"${text}" is not a calendar date YYYY-MM-DD` };
}

function readMonth(text: string): DecimalResult<string> {
  const value = text.replace(ZONE_SUFFIX, '');
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? { ok: true, value } : { ok: false, reason: `"${text}" is not a month YYYY-MM` };
}

function readArea(text: string): DecimalResult<number> {
  const quantity = normalizeQuantity(text);
  const value = quantity.ok ? parseAreaM2(quantity.value) : undefined;
  return value === undefined ? { ok: false, reason: `"${text}" is not an area in m² with at most 2 decimals` } : { ok: true, value };
}

function readSnils(text: string): DecimalResult<string> {
  const digits = /^\d{3}-\d{3}-\d{3} \d{2}$/.test(text) ? normalizeSnils(text) : undefined;
  if (digits === undefined) return { ok: false, reason: `"${text}" is not a SNILS written NNN-NNN-NNN NN` };
  if (!isValidSnils(digits)) return { ok: false, reason: `SNILS "${text}" fails its check digits` };
  return { ok: true, value: digits };
}

function readGender(text: string): DecimalResult<Gender> {
  if (text === 'M') return { ok: true, value: 'male' };
  if (text === 'F') return { ok: true, value: 'female' };
  return { ok: false, reason: `"${text}" is not a gender code M or F` };
}
