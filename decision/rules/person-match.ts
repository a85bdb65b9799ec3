import type { FullName, IsoDate } from '../../core/facts/index.ts';

/**
 * Whether two records name the same person. SNILS decides when both carry it; otherwise the full name (case and
 * ё/е insensitive) and, when both carry it, the birth date. Records from different agencies spell names the same
 * way in practice, but not always the letter ё.
 */
export interface PersonKeys {
  readonly snils?: string | undefined;
  readonly name: FullName;
  readonly birthDate?: IsoDate | undefined;
}

function normalise(text: string | undefined): string {
  return (text ?? '').trim().toLocaleLowerCase('ru-RU').replaceAll('ё', 'е');
}

export function isSamePerson(a: PersonKeys, b: PersonKeys): boolean {
  if (a.snils !== undefined && b.snils !== undefined) return a.snils === b.snils;
  const sameName =
    normalise(a.name.family) === normalise(b.name.family) &&
    normalise(a.name.first) === normalise(b.name.first) &&
    normalise(a.name.patronymic) === normalise(b.name.patronymic);
  if (!sameName) return false;
  return a.birthDate === undefined || b.birthDate === undefined || a.birthDate === b.birthDate;
}

export function displayName(name: FullName): string {
  return [name.family, name.first, name.patronymic].filter((part) => part !== undefined).join(' ');
}
