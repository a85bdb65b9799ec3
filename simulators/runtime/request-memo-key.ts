/**
 * @module request-memo-key
 * The key under which a request's checks are remembered (hot-path-memo.ts). Callers send the same payload again
 * and again with a fresh kit:MessageID each time, so the key leaves out the text of the first `MessageID`
 * element when that text is a plain token (UUID characters only): two such bodies differ only in one text node,
 * and parse to the same tree apart from that text. The memo stores an entry under such a "slotted" key only when
 * the parser confirmed that the slot is the message id (soap-call.ts), and then reads each call's id from its slot.
 * Bodies without such a slot are keyed by all their bytes. Keys are exact (latin1 maps byte to char one to one),
 * so two different requests can never share an entry; V8's string hash is the "fast hash".
 */

export interface RequestMemoKey {
  readonly key: string;
  /** The message id text when the key left it out (`slotted`); then each call's id is this, not the entry's. */
  readonly slot: string | undefined;
  /** Where the slot's text sits in the body (byte offsets), for slotProbe. */
  readonly slotStart: number;
  readonly slotEnd: number;
}

const OPEN_END = Buffer.from('MessageID>', 'latin1');
const LT = 0x3c;
const SLASH = 0x2f;
const MAX_SLOT = 64;

/** Letters, digits and '-': a message id that parses to exactly these characters, no entity, no markup. */
function isTokenByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2d;
}

/** Bytes between '<' and 'MessageID>' of an opening tag without attributes: empty, or an NCName-ish prefix and ':'. */
function prefixOf(body: Buffer, lt: number, nameAt: number): string | undefined {
  if (nameAt === lt + 1) return '';
  if (body[nameAt - 1] !== 0x3a) return undefined;
  for (let i = lt + 1; i < nameAt - 1; i += 1) {
    const byte = body[i]!;
    if (!(isTokenByte(byte) || byte === 0x5f || byte === 0x2e)) return undefined;
  }
  return body.toString('latin1', lt + 1, nameAt);
}

/**
 * The memo key of one request: content type, SOAPAction and the body bytes with the message id slot left out.
 * undefined when the body is larger than `maxBodyBytes` (not worth remembering, and it would crowd out others).
 */
export function requestMemoKey(body: Uint8Array, contentType: string, soapAction: string, maxBodyBytes: number): RequestMemoKey | undefined {
  if (body.byteLength > maxBodyBytes) return undefined;
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const head = `${contentType}\n${soapAction}\n`;
  const slot = findSlot(bytes);
  if (slot === undefined) return { key: `F${head}${bytes.toString('latin1', 0, bytes.length)}`, slot: undefined, slotStart: -1, slotEnd: -1 };
  return {
    key: `S${head}${bytes.toString('latin1', 0, slot.start)}\u0000${bytes.toString('latin1', slot.end, bytes.length)}`,
    slot: bytes.toString('latin1', slot.start, slot.end),
    slotStart: slot.start,
    slotEnd: slot.end,
  };
}

/**
 * The body with another token of the same length in the slot. Before a slotted key is trusted, the caller parses
 * this probe too: when the parser reads exactly the new token as the message id and everything else the same, the
 * slot is the message id's whole text node, so any token in it changes the message id and nothing else.
 */
export function slotProbe(body: Uint8Array, key: RequestMemoKey): { readonly body: Buffer; readonly token: string } {
  const probe = Buffer.from(body);
  for (let i = key.slotStart; i < key.slotEnd; i += 1) probe[i] = probe[i] === 0x61 ? 0x62 : 0x61; // 'a', or 'b' where it was 'a'
  return { body: probe, token: probe.toString('latin1', key.slotStart, key.slotEnd) };
}

/** The text span of the first `<p:MessageID>token</p:MessageID>`, if the body has one of that exact shape. */
function findSlot(bytes: Buffer): { start: number; end: number } | undefined {
  const nameEnd = bytes.indexOf(OPEN_END);
  if (nameEnd < 0) return undefined;
  const nameAt = nameEnd;
  let lt = nameAt - 1;
  while (lt >= 0 && nameAt - lt <= MAX_SLOT && bytes[lt] !== LT) lt -= 1;
  if (lt < 0 || bytes[lt] !== LT || bytes[lt + 1] === SLASH) return undefined;
  const prefix = prefixOf(bytes, lt, nameAt);
  if (prefix === undefined) return undefined;
  const start = nameAt + OPEN_END.length;
  let end = start;
  while (end < bytes.length && end - start <= MAX_SLOT && isTokenByte(bytes[end]!)) end += 1;
  if (end === start || end - start > MAX_SLOT) return undefined;
  const close = `</${prefix}MessageID>`;
  if (bytes.toString('latin1', end, end + close.length) !== close) return undefined;
  return { start, end };
}
