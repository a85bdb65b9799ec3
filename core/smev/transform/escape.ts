/**
 * Escaping exactly as Woodstox 6.x (the StAX writer behind the reference signer and the SMEV server) writes text
 * and attribute values. The digest covers these bytes, so "equivalent" XML is not good enough: every `&gt;` that
 * Woodstox writes or leaves raw must be reproduced (reference notes §2.2 step 10, measured on Woodstox).
 */

const AMP = 0x26;
const LT = 0x3c;
const GT = 0x3e;
const QUOT = 0x22;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const RIGHT_BRACKET = 0x5d;

/** Texts up to this many UTF-16 units take Woodstox's short-write path, where `>` is escaped less often. */
export const SHORT_TEXT_MAX = 11;
/** Longer texts are written in chunks of this many UTF-16 units; a `>` opening a chunk is always escaped. */
export const TEXT_SEGMENT = 512;

// A native regex test over the whole string is far cheaper than a per-character loop, and most text has nothing
// to escape at all.
const TEXT_NEEDS_WORK = /[&<>\r]/;
const ATTRIBUTE_NEEDS_WORK = /[&<"\t\n\r]/;

/**
 * Text content: `&`, `<`, CR always become entities; `"` and `'` stay raw; `>` becomes `&gt;` only where Woodstox's
 * scanner would see it as a possible `]]>` or has just restarted its scan:
 * - short text (≤ 11): at offset 0, or right after `]`;
 * - long text (≥ 12): at the start of each 512-unit segment, right after `]`, or right after a character that was
 *   itself written as an entity (the scan restarts after every entity, and a `>` at a scan start is escaped).
 * Offsets count UTF-16 code units, as Java's char[] does. Control characters other than CR are written raw: the
 * notes do not cover them and a well-formed XML 1.0 input cannot carry them.
 */
export function escapeText(text: string): string {
  if (!TEXT_NEEDS_WORK.test(text)) return text;
  const long = text.length > SHORT_TEXT_MAX;
  let out = '';
  let last = 0;
  let previousWasEntity = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entity: string | undefined;
    if (c === AMP) entity = '&amp;';
    else if (c === LT) entity = '&lt;';
    else if (c === CR) entity = '&#xd;';
    else if (c === GT && escapesGreaterThan(text, i, long, previousWasEntity)) entity = '&gt;';
    if (entity === undefined) {
      previousWasEntity = false;
      continue;
    }
    out += text.slice(last, i) + entity;
    last = i + 1;
    previousWasEntity = true;
  }
  return out + text.slice(last);
}

function escapesGreaterThan(text: string, i: number, long: boolean, previousWasEntity: boolean): boolean {
  if (i === 0 || text.charCodeAt(i - 1) === RIGHT_BRACKET) return true;
  return long && (i % TEXT_SEGMENT === 0 || previousWasEntity);
}

/** Attribute values (always double-quoted): `&`, `<`, `"`, TAB, LF, CR become entities; `>` and `'` stay raw. */
export function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_NEEDS_WORK.test(value)) return value;
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const entity = attributeEntity(value.charCodeAt(i));
    if (entity === undefined) continue;
    out += value.slice(last, i) + entity;
    last = i + 1;
  }
  return out + value.slice(last);
}

function attributeEntity(c: number): string | undefined {
  switch (c) {
    case AMP:
      return '&amp;';
    case LT:
      return '&lt;';
    case QUOT:
      return '&quot;';
    case TAB:
      return '&#x9;';
    case LF:
      return '&#xa;';
    case CR:
      return '&#xd;';
    default:
      return undefined;
  }
}

/** Java `String.trim().isEmpty()`: blank means every unit is ≤ U+0020, so NBSP (U+00A0) makes a text non-blank. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x20) return false;
  }
  return true;
}
