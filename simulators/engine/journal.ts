/**
 * @module journal
 * The request journal: what each simulated call asked, what it got, and why. A ring buffer bounded both by entry
 * count and by bytes, evicting the oldest first, so a simulator left running under load keeps a fixed footprint.
 * Bodies larger than the per-entry cap are cut (and marked), so one huge answer cannot flush the whole history.
 */
import type { FaultAction } from './fault-profile-schema.ts';

export interface JournalLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Per body (request and response each); defaults to a quarter of maxBytes. */
  readonly maxBodyBytes?: number;
}

/** What the engine hands to `append`; the journal adds id, sizes and truncation marks. */
export interface JournalInput {
  readonly time: Date;
  readonly agency: string;
  readonly operation: string;
  readonly messageId?: string | undefined;
  readonly personaId?: string | undefined;
  readonly memberKey?: string | undefined;
  readonly applicantKey?: string | undefined;
  readonly request?: string | Uint8Array | undefined;
  readonly response?: string | Uint8Array | undefined;
  readonly status: number | 'no-response';
  readonly fault?: FaultAction | undefined;
  readonly ruleId?: string | undefined;
  readonly latencyMs: number;
  readonly nearMiss?: string | undefined;
}

export interface JournalEntry extends Omit<JournalInput, 'request' | 'response' | 'time'> {
  readonly id: string;
  readonly time: string;
  readonly request: string | undefined;
  readonly response: string | undefined;
  readonly requestTruncated: boolean;
  readonly responseTruncated: boolean;
  /** The bytes this entry counts against maxBytes. */
  readonly sizeBytes: number;
}

export interface JournalQuery {
  readonly messageId?: string;
  readonly agency?: string;
  readonly personaId?: string;
  /** Inclusive bounds on entry time. */
  readonly since?: Date;
  readonly until?: Date;
  /** Newest first; defaults to 100. */
  readonly limit?: number;
}

export interface JournalStats {
  readonly count: number;
  readonly bytes: number;
  readonly evicted: number;
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/** Fixed cost charged per entry for its metadata, so a flood of empty bodies is still bounded by maxBytes. */
const ENTRY_OVERHEAD_BYTES = 256;
const encoder = new TextEncoder();
/** The last time written and its ISO text: calls within one millisecond (every call under load) share it. */
let lastIso: { ms: number; text: string } = { ms: Number.NaN, text: '' };

function isoOf(time: Date): string {
  const ms = time.getTime();
  if (ms !== lastIso.ms) lastIso = { ms, text: time.toISOString() };
  return lastIso.text;
}
const decoder = new TextDecoder();

function capBody(body: string | Uint8Array | undefined, cap: number): { text: string | undefined; bytes: number; truncated: boolean } {
  if (body === undefined) return { text: undefined, bytes: 0, truncated: false };
  // Fast path: a string whose UTF-8 size fits needs no copy (byteLength does not allocate).
  if (typeof body === 'string') {
    const size = Buffer.byteLength(body, 'utf8');
    if (size <= cap) return { text: body, bytes: size, truncated: false };
  }
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  if (bytes.length <= cap) return { text: typeof body === 'string' ? body : decoder.decode(bytes), bytes: bytes.length, truncated: false };
  // Cutting mid-character leaves a replacement character at the end, which is acceptable in a diagnostic copy.
  return { text: decoder.decode(bytes.subarray(0, cap)), bytes: cap, truncated: true };
}

export class Journal {
  readonly limits: Required<JournalLimits>;
  #slots: (JournalEntry | undefined)[];
  #start = 0;
  #count = 0;
  #bytes = 0;
  #evicted = 0;
  #nextId = 1;
  readonly #byId = new Map<string, JournalEntry>();

  constructor(limits: JournalLimits) {
    const maxBodyBytes = limits.maxBodyBytes ?? Math.max(0, Math.floor((limits.maxBytes - ENTRY_OVERHEAD_BYTES) / 4));
    this.limits = Object.freeze({ maxEntries: limits.maxEntries, maxBytes: limits.maxBytes, maxBodyBytes });
    this.#slots = new Array<JournalEntry | undefined>(limits.maxEntries).fill(undefined);
  }

  append(input: JournalInput): JournalEntry {
    const { request: rawRequest, response: rawResponse, time, ...rest } = input;
    const request = capBody(rawRequest, this.limits.maxBodyBytes);
    const response = capBody(rawResponse, this.limits.maxBodyBytes);
    const id = `j${String(this.#nextId++).padStart(8, '0')}`;
    // The same keys in the same order as `{ ...rest, id, time, … }`, built on `rest` itself: spreading the rest
    // object into a new literal cost tens of microseconds per call, more than the rest of a memoized SOAP call.
    const fields = rest as Record<string, unknown>;
    fields.id = id;
    fields.time = isoOf(time);
    fields.request = request.text;
    fields.response = response.text;
    fields.requestTruncated = request.truncated;
    fields.responseTruncated = response.truncated;
    fields.sizeBytes = ENTRY_OVERHEAD_BYTES + request.bytes + response.bytes + (input.nearMiss?.length ?? 0);
    const entry = Object.freeze(fields) as unknown as JournalEntry;
    if (this.#count === this.limits.maxEntries) this.#evictOldest();
    this.#slots[(this.#start + this.#count) % this.limits.maxEntries] = entry;
    this.#count += 1;
    this.#bytes += entry.sizeBytes;
    this.#byId.set(id, entry);
    while (this.#bytes > this.limits.maxBytes && this.#count > 1) this.#evictOldest();
    return entry;
  }

  get(id: string): JournalEntry | undefined {
    return this.#byId.get(id);
  }

  /** Newest first, filtered, at most `limit`. */
  query(query: JournalQuery = {}): JournalEntry[] {
    const limit = query.limit ?? 100;
    const since = query.since?.toISOString();
    const until = query.until?.toISOString();
    const found: JournalEntry[] = [];
    for (let i = this.#count - 1; i >= 0 && found.length < limit; i -= 1) {
      const entry = this.#slots[(this.#start + i) % this.limits.maxEntries];
      if (entry === undefined) continue;
      if (query.messageId !== undefined && entry.messageId !== query.messageId) continue;
      if (query.agency !== undefined && entry.agency !== query.agency) continue;
      if (query.personaId !== undefined && entry.personaId !== query.personaId) continue;
      // ISO strings in UTC compare in time order.
      if (since !== undefined && entry.time < since) continue;
      if (until !== undefined && entry.time > until) continue;
      found.push(entry);
    }
    return found;
  }

  stats(): JournalStats {
    return { count: this.#count, bytes: this.#bytes, evicted: this.#evicted, maxEntries: this.limits.maxEntries, maxBytes: this.limits.maxBytes };
  }

  clear(): void {
    this.#slots = new Array<JournalEntry | undefined>(this.limits.maxEntries).fill(undefined);
    this.#start = 0;
    this.#count = 0;
    this.#bytes = 0;
    this.#evicted = 0;
    this.#byId.clear();
  }

  #evictOldest(): void {
    const oldest = this.#slots[this.#start];
    this.#slots[this.#start] = undefined;
    this.#start = (this.#start + 1) % this.limits.maxEntries;
    this.#count -= 1;
    this.#evicted += 1;
    if (oldest !== undefined) {
      this.#bytes -= oldest.sizeBytes;
      this.#byId.delete(oldest.id);
    }
  }
}
