/**
 * Masks personal data before it reaches ordinary logs. The audit log is the one place where a subject's
 * identifiers are kept whole; everywhere else a support engineer needs to see *that* a SNILS was sent and its
 * last digits (to match a complaint), never the number itself.
 *
 * Two mechanisms, because neither alone is enough:
 * - by field name, at any depth: `snils`, `inn`, person names, birth dates, identity documents and whole
 *   `subject` objects are masked whatever their spelling;
 * - by pattern, in every string: SNILS (dashed, spaced or 11 bare digits), INN (10 or 12 digits) and passport
 *   series/number written into free text such as error messages and SOAP fault strings.
 *
 * Every masker is idempotent (masking a masked value changes nothing), so the logger may apply it twice.
 */

const NAME_KEYS = new Set(['name', 'fullname', 'familyname', 'firstname', 'lastname', 'middlename', 'patronymic', 'surname', 'givenname', 'fio']);
const BIRTH_DATE_KEYS = new Set(['birthdate', 'dateofbirth', 'dob', 'birthday']);
const DOCUMENT_KEYS = new Set(['document', 'documents', 'identitydocument', 'identitydocuments', 'passport']);
const SUBJECT_KEYS = new Set(['subject', 'person', 'applicant']);
/** Document fields that say what kind of document it is, not whose: kept for diagnostics. */
const DOCUMENT_PUBLIC_KEYS = new Set(['kindcode', 'kind', 'type']);
const MAX_DEPTH = 20;

/** Which rule applies to the strings below a key; `free` means only the free-text scan. */
type Context = 'free' | 'snils' | 'inn' | 'name' | 'birthDate' | 'document' | 'subject';

/** Field names compare without case, dashes or underscores: `familyName`, `family_name`, `FAMILY-NAME`. */
function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

function contextForKey(key: string, parent: Context): Context {
  const k = normalizeKey(key);
  if (k === 'snils') return 'snils';
  if (k === 'inn') return 'inn';
  if (NAME_KEYS.has(k)) return 'name';
  if (BIRTH_DATE_KEYS.has(k)) return 'birthDate';
  if (DOCUMENT_KEYS.has(k)) return 'document';
  if (SUBJECT_KEYS.has(k)) return 'subject';
  // Inside a name, `family`/`first` are name parts; inside a document, everything but its kind is personal.
  if (parent === 'name' || parent === 'snils' || parent === 'inn' || parent === 'birthDate') return parent;
  if (parent === 'document') return DOCUMENT_PUBLIC_KEYS.has(k) ? 'free' : 'document';
  return parent === 'subject' ? 'subject' : 'free';
}

export function maskSnils(value: string): string {
  if (/^\*\*\*-\*\*\*-\*\*\* \d{2}$/.test(value)) return value;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 2 ? `***-***-*** ${digits.slice(-2)}` : '***';
}

export function maskInn(value: string): string {
  if (/^\*+\d{2}$/.test(value)) return value;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 4 ? '*'.repeat(digits.length - 2) + digits.slice(-2) : '***';
}

/** First letter and three stars: enough to tell two log lines apart, not enough to identify anyone. */
export function maskName(value: string): string {
  if (/^.?\*\*\*$/u.test(value)) return value;
  const first = Array.from(value.trim())[0];
  return first === undefined ? '***' : `${first}***`;
}

const MASKED_DATE = '****-**-**';

/** A document number keeps its last two characters so a support engineer can match it to a complaint. */
function maskDocumentPart(value: string): string {
  if (/^\*+.{0,2}$/u.test(value)) return value;
  const chars = Array.from(value.replace(/\s/g, ''));
  return chars.length <= 4 ? '****' : '****' + chars.slice(-2).join('');
}

// SNILS spelled with separators: NNN-NNN-NNN NN, NNN NNN NNN NN, NNN-NNN-NNN-NN.
const SEPARATED_SNILS = /(?<!\d)\d{3}[- ]\d{3}[- ]\d{3}[- ]\d{2}(?!\d)/g;
// Passport series and number: "4509 123456", "45 09 123456" (bare "4509123456" is caught by the digit runs).
const PASSPORT = /(?<!\d)\d{2} ?\d{2} \d{6}(?!\d)/g;
// 10-12 bare digits: INN (10 or 12) or SNILS (11). The UUID guard keeps correlation ids intact, since a UUID's
// last group may by chance be all digits.
const DIGIT_RUN = /(?<!\d)(?<![0-9A-Fa-f]-)\d{10,12}(?!\d)(?!-[0-9A-Fa-f])/g;

/** Masks SNILS, INN and passport numbers wherever they occur in free text. */
export function maskFreeText(text: string): string {
  return text
    .replace(SEPARATED_SNILS, (m) => maskSnils(m))
    .replace(PASSPORT, () => '**** ******')
    .replace(DIGIT_RUN, (m) => (m.length === 11 ? maskSnils(m) : maskInn(m)));
}

function maskString(value: string, context: Context): string {
  switch (context) {
    case 'snils':
      return maskSnils(value);
    case 'inn':
      return maskInn(value);
    case 'name':
      return maskName(value);
    case 'birthDate':
      return MASKED_DATE;
    case 'document':
      return maskDocumentPart(value);
    case 'subject':
      // An unknown field of the person asked about: personal by default.
      return /^\*+/.test(value) ? value : '***';
    case 'free':
      return maskFreeText(value);
  }
}

function maskScalar(value: number | bigint, context: Context): number | bigint | string {
  if (context === 'free') return value;
  // A SNILS or INN given as a number (a JSON client dropping the quotes) is still personal.
  return maskString(String(value), context);
}

function maskError(error: Error, context: Context, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  // The same shape pino's error serializer produces, with message and stack scanned for identifiers.
  const out: Record<string, unknown> = { type: error.name, message: maskFreeText(error.message) };
  if (error.stack !== undefined) out.stack = maskFreeText(error.stack);
  for (const [key, inner] of Object.entries(error)) out[key] = walk(inner, contextForKey(key, context), seen, depth + 1);
  if (error.cause !== undefined) out.cause = walk(error.cause, context, seen, depth + 1);
  return out;
}

function walk(value: unknown, context: Context, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return maskString(value, context);
  if (typeof value === 'number' || typeof value === 'bigint') return maskScalar(value, context);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[Depth limit]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (value instanceof Date) return context === 'free' ? value : maskString(value.toISOString(), context);
    if (value instanceof Error) return maskError(value, context, seen, depth);
    if (Array.isArray(value)) return value.map((item: unknown) => walk(item, context, seen, depth + 1));
    const withToJson = value as { toJSON?: () => unknown };
    if (typeof withToJson.toJSON === 'function') return walk(withToJson.toJSON(), context, seen, depth + 1);
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = walk(inner, contextForKey(key, context), seen, depth + 1);
    return out;
  } finally {
    // Only ancestors count as cycles; the same object referenced twice side by side is masked twice.
    seen.delete(value);
  }
}

/**
 * A masked deep copy of `value`: the input is never mutated. Plain objects and arrays are copied, errors become
 * `{ type, message, stack, ... }`, objects with `toJSON` are masked in their JSON form, cycles become "[Circular]".
 */
export function maskPersonalData(value: string): string;
export function maskPersonalData(value: unknown): unknown;
export function maskPersonalData(value: unknown): unknown {
  return walk(value, 'free', new WeakSet(), 0);
}

/** Masking for one field by its name, for pino's `redact` censor (which sees one value and its path). */
export function maskField(key: string, value: unknown): unknown {
  return walk(value, contextForKey(key, 'free'), new WeakSet(), 0);
}
