/**
 * @module identity-keys
 * How a query and a fixture are brought to the same spelling before comparison. Clients write SNILS with or
 * without separators, names in any case, and "ё" is routinely typed as "е" in agency databases, so lookups fold
 * all of these; explanations still quote the values as they were written.
 */

/** Lower-cases, trims, collapses inner spaces and folds ё to е. */
export function foldName(value: string): string {
  return value.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е').replace(/\s+/g, ' ');
}

/** Only the digits: "112-233-445 95" and "11223344595" are the same SNILS. */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, '');
}

/** Series and number of a document as one comparable token (spaces and dashes vary between systems). */
export function documentKey(series: string | undefined, number: string): string {
  return foldName(`${series ?? ''}${number}`).replace(/[\s-]/g, '');
}

/** The index key for "family name + first name + birth date". */
export function nameBirthKey(family: string, first: string, birthDate: string): string {
  return `${foldName(family)}|${foldName(first)}|${birthDate}`;
}

/** Levenshtein distance; names and identifiers are short, so the quadratic table is cheap. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** 1 for equal strings, falling towards 0 as the edit distance approaches the longer length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}
