/**
 * MIME multipart/related (MTOM/XOP) bodies: the exchange (Apache CXF) answers that way even for an empty queue, so
 * clients take the root part as the SOAP envelope and keep the other parts by Content-ID for xop:Include lookups.
 */
import { KitError } from '../../errors/index.ts';

export interface MimePart {
  readonly headers: Readonly<Record<string, string>>;
  readonly contentType?: string;
  /** Without the angle brackets. */
  readonly contentId?: string;
  readonly data: Buffer;
}

export interface SoapPart {
  /** The SOAP envelope text of the root part (or the whole body when it is not multipart). */
  readonly xml: string;
  readonly multipart: boolean;
  readonly root?: MimePart;
  /** Non-root parts keyed by Content-ID without angle brackets. */
  readonly attachments: ReadonlyMap<string, MimePart>;
}

const MAX_PARTS = 1000;

function invalid(message: string): KitError {
  return new KitError('ERR_ENVELOPE_INVALID', message, { path: 'multipart' });
}

/** `multipart/related; type="application/xop+xml"; boundary="uuid:…"` → media type and lower-cased parameters. */
export function parseContentType(value: string): { mediaType: string; params: Record<string, string> } {
  const [head = '', ...rest] = splitParams(value);
  const params: Record<string, string> = {};
  for (const item of rest) {
    const eq = item.indexOf('=');
    if (eq <= 0) continue;
    let v = item.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    params[item.slice(0, eq).trim().toLowerCase()] = v;
  }
  return { mediaType: head.trim().toLowerCase(), params };
}

// Split on ';' outside quotes: boundaries and start ids may legally contain ';'.
function splitParams(value: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '"' && value[i - 1] !== '\\') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function stripAngles(id: string): string {
  const t = id.trim();
  return t.startsWith('<') && t.endsWith('>') ? t.slice(1, -1) : t;
}

function parsePart(raw: Buffer): MimePart {
  let split = raw.indexOf('\r\n\r\n');
  let gap = 4;
  const lf = raw.indexOf('\n\n');
  if (split < 0 || (lf >= 0 && lf < split)) {
    split = lf;
    gap = 2;
  }
  if (split < 0) throw invalid('A MIME part has no blank line between headers and content');
  const headers: Record<string, string> = {};
  let last: string | undefined;
  for (const line of raw.subarray(0, split).toString('latin1').split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && last) {
      headers[last] += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw invalid(`A MIME part header is malformed: "${line.slice(0, 60)}"`);
    last = line.slice(0, colon).trim().toLowerCase();
    headers[last] = line.slice(colon + 1).trim();
  }
  let data = raw.subarray(split + gap);
  if ((headers['content-transfer-encoding'] ?? '').toLowerCase() === 'base64') data = Buffer.from(data.toString('latin1'), 'base64');
  return {
    headers,
    ...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
    ...(headers['content-id'] ? { contentId: stripAngles(headers['content-id']) } : {}),
    data,
  };
}

/** Splits a multipart body on its boundary; the preamble and epilogue are ignored. */
export function splitMultipart(body: Buffer, boundary: string): MimePart[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const starts: number[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const atLineStart = at === 0 || body[at - 1] === 0x0a;
    if (atLineStart) starts.push(at);
    if (starts.length > MAX_PARTS + 1) throw invalid(`Multipart body has more than ${MAX_PARTS} parts`);
    at = body.indexOf(delimiter, at + delimiter.length);
  }
  if (starts.length === 0) throw invalid('Multipart body does not contain its boundary');
  const parts: MimePart[] = [];
  for (let i = 0; i < starts.length; i++) {
    const begin = starts[i]! + delimiter.length;
    if (body[begin] === 0x2d && body[begin + 1] === 0x2d) break; // closing delimiter "--boundary--"
    const next = starts[i + 1];
    if (next === undefined) throw invalid('Multipart body is truncated: no closing boundary');
    // Content ends before the line break that precedes the next delimiter.
    let end = next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    let contentStart = body.indexOf(0x0a, begin);
    if (contentStart < 0 || contentStart >= end) throw invalid('A MIME part is empty');
    contentStart += 1;
    parts.push(parsePart(body.subarray(contentStart, end)));
  }
  if (parts.length === 0) throw invalid('Multipart body has no parts');
  return parts;
}

/**
 * Returns the SOAP envelope of an HTTP body: plain XML bodies pass through; multipart/related bodies yield the part
 * named by the `start` parameter (else the first part) plus the other parts by Content-ID.
 */
export function extractSoapPart(body: Buffer | Uint8Array, contentType: string): SoapPart {
  const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const { mediaType, params } = parseContentType(contentType ?? '');
  if (!mediaType.startsWith('multipart/')) {
    return { xml: buffer.toString('utf8'), multipart: false, attachments: new Map() };
  }
  if (mediaType !== 'multipart/related') throw invalid(`Expected multipart/related for a SOAP body, got ${mediaType}`);
  const boundary = params.boundary;
  if (!boundary) throw invalid('multipart/related Content-Type has no boundary parameter');
  const parts = splitMultipart(buffer, boundary);
  const start = params.start ? stripAngles(params.start) : undefined;
  const root = (start !== undefined ? parts.find((p) => p.contentId === start) : parts[0]) ?? undefined;
  if (!root) throw invalid(`multipart/related start part <${start}> is not in the body`);
  const rootType = parseContentType(root.contentType ?? 'application/xop+xml');
  const charset = (rootType.params.charset ?? 'utf-8').toLowerCase();
  if (charset !== 'utf-8' && charset !== 'utf8') throw invalid(`Root part charset ${charset} is not supported; expected UTF-8`);
  const attachments = new Map<string, MimePart>();
  for (const part of parts) if (part !== root && part.contentId) attachments.set(part.contentId, part);
  return { xml: root.data.toString('utf8'), multipart: true, root, attachments };
}
