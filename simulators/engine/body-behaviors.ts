/**
 * @module body-behaviors
 * Pure helpers a transport uses to carry out a plan: the behaviors pipeline over the answer bytes (corrupt the
 * signature, truncate, drip) and the HTTP shape of the terminal faults that are plain HTTP. Keeping them pure means
 * every transport (node:http, express, msw) spoils an answer in exactly the same way, and tests need no sockets.
 */
import type { Behavior, TerminalFault } from './call-plan.ts';

/** A piece of the answer and how long to wait before writing it. */
export interface DeliveryChunk {
  readonly delayBeforeMs: number;
  readonly bytes: Uint8Array;
}

/** The first `fraction` of the bytes (rounded down), as a copy; 0 < fraction < 1 leaves at least one byte off. */
export function truncateBody(bytes: Uint8Array, fraction: number): Uint8Array {
  const clamped = Math.min(Math.max(fraction, 0), 1);
  const length = Math.min(Math.floor(bytes.length * clamped), Math.max(bytes.length - 1, 0));
  return bytes.slice(0, length);
}

/** Consecutive slices of at most `chunkSize` bytes; an empty body yields one empty chunk so something is written. */
export function dripChunks(bytes: Uint8Array, chunkSize: number): Uint8Array[] {
  const size = Math.max(1, Math.floor(chunkSize));
  if (bytes.length === 0) return [new Uint8Array(0)];
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) chunks.push(bytes.slice(offset, offset + size));
  return chunks;
}

const SIGNATURE_VALUE = /(<(?:[A-Za-z_][\w.-]*:)?SignatureValue\b[^>]*>)([^<]*)(<)/;

export function hasSignatureValue(xml: string): boolean {
  return SIGNATURE_VALUE.test(xml);
}

/**
 * Changes one base64 character in the middle of the first SignatureValue: still valid base64 and the same length,
 * so parsers accept the answer and only verification fails, which is the failure we want clients to meet. A body
 * without a SignatureValue is returned unchanged (check with hasSignatureValue when that matters).
 */
export function corruptSignature(bytes: Uint8Array): Uint8Array {
  const xml = new TextDecoder().decode(bytes);
  const found = SIGNATURE_VALUE.exec(xml);
  if (found === null) return bytes;
  const [, open = '', value = ''] = found;
  const positions = [...value].map((ch, i) => (/[A-Za-z0-9+/]/.test(ch) ? i : -1)).filter((i) => i >= 0);
  const at = positions[Math.floor(positions.length / 2)];
  if (at === undefined) return bytes;
  const original = value.charAt(at);
  const replaced = value.slice(0, at) + (original === 'A' ? 'B' : 'A') + value.slice(at + 1);
  const start = found.index + open.length;
  return new TextEncoder().encode(xml.slice(0, start) + replaced + xml.slice(start + value.length));
}

interface DeliveryState {
  readonly body: Uint8Array;
  readonly chunkSize: number | undefined;
  readonly delayMs: number;
}

/** One function per behavior kind, applied in plan order (mountebank's behaviors table). */
const BEHAVIOR_STEPS: { readonly [K in Behavior['kind']]: (state: DeliveryState, behavior: Extract<Behavior, { kind: K }>) => DeliveryState } = {
  'corrupt-signature': (state) => ({ ...state, body: corruptSignature(state.body) }),
  truncate: (state, behavior) => ({ ...state, body: truncateBody(state.body, behavior.fraction) }),
  drip: (state, behavior) => ({ ...state, chunkSize: behavior.chunkSize, delayMs: behavior.delayMs }),
};

function applyStep(state: DeliveryState, behavior: Behavior): DeliveryState {
  const step = BEHAVIOR_STEPS[behavior.kind] as (state: DeliveryState, behavior: Behavior) => DeliveryState;
  return step(state, behavior);
}

/** Runs the behaviors over the answer and says what to write when; without `drip` it is one chunk, no delay. */
export function applyBehaviors(body: Uint8Array, behaviors: readonly Behavior[]): DeliveryChunk[] {
  const final = behaviors.reduce(applyStep, { body, chunkSize: undefined, delayMs: 0 } as DeliveryState);
  if (final.chunkSize === undefined) return [{ delayBeforeMs: 0, bytes: final.body }];
  return dripChunks(final.body, final.chunkSize).map((bytes, i) => ({ delayBeforeMs: i === 0 ? 0 : final.delayMs, bytes }));
}

export interface HttpFailure {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The response for faults that are plain HTTP (http-status, maintenance); undefined for the others. */
export function httpFailureFor(action: TerminalFault): HttpFailure | undefined {
  if (action.type !== 'http-status' && action.type !== 'maintenance') return undefined;
  const status = action.type === 'maintenance' ? 503 : action.status;
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (action.retryAfterSeconds !== undefined) headers['retry-after'] = String(action.retryAfterSeconds);
  const body = action.type === 'maintenance' ? 'Service is under maintenance' : `Simulated HTTP ${status}`;
  return { status, headers, body };
}
