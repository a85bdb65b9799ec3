/**
 * The serialization a record's hash is computed over. JSON.stringify keeps insertion order, which differs between
 * writers (and after a round trip through another tool), so keys are sorted at every level; arrays keep their
 * order; strings and numbers are written as JSON.stringify writes them. Input must already be plain JSON data.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
}

/**
 * Plain JSON data from any value the way JSON.stringify sees it (dates become ISO strings, undefined fields
 * disappear), so that what is hashed is exactly what is written and read back. Throws on what JSON cannot hold
 * (BigInt, cycles).
 */
export function toJsonData(value: unknown): JsonValue {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError('The value has no JSON form');
  return JSON.parse(text) as JsonValue;
}
