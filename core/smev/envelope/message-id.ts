/**
 * SMEV MessageIDs: RFC 4122 version-1 (time-based) UUIDs in lowercase. SMEV refuses other versions
 * (InvalidMessageIdFormat) and ids whose timestamp is too old (StaleMessageId), so the timestamp must be real time.
 */
import { randomBytes } from 'node:crypto';
import { KitError } from '../../errors/index.ts';

/** 100-ns intervals between the Gregorian reform (1582-10-15) and the Unix epoch. */
const GREGORIAN_OFFSET_MS = 12_219_292_800_000n;
const TICKS_PER_MS = 10_000n;
/** Within this distance behind the last timestamp we treat the clock as "same instant" and count up. */
const MONOTONIC_WINDOW_TICKS = 10_000_000n; // one second

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_SHAPE_ANY_CASE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GeneratorState {
  lastTicks: bigint;
  clockSeq: number;
  /** Random node with the multicast bit set, as RFC 4122 §4.5 asks when no MAC address is used. */
  node: string;
}

const state: GeneratorState = freshState();

function freshState(): GeneratorState {
  const nodeBytes = randomBytes(6);
  nodeBytes[0] = (nodeBytes[0] ?? 0) | 0x01;
  return { lastTicks: -1n, clockSeq: randomClockSeq(), node: nodeBytes.toString('hex') };
}

function randomClockSeq(): number {
  return randomBytes(2).readUInt16BE(0) & 0x3fff;
}

/**
 * A new version-1 UUID. Ids from one process are strictly increasing in timestamp while the clock moves forward,
 * even for many calls within one millisecond (the sub-millisecond ticks count up). If the clock (or `now`) jumps
 * back by more than a second, the clock sequence is re-drawn instead, which keeps ids unique and the timestamp true.
 */
export function generateMessageId(now: Date = new Date()): string {
  const ms = BigInt(now.getTime());
  let ticks = (ms + GREGORIAN_OFFSET_MS) * TICKS_PER_MS;
  if (ticks <= state.lastTicks) {
    if (state.lastTicks - ticks < MONOTONIC_WINDOW_TICKS) {
      ticks = state.lastTicks + 1n;
    } else {
      state.clockSeq = (state.clockSeq + 1 + (randomClockSeq() % 0x100)) & 0x3fff;
    }
  }
  if (ticks > state.lastTicks) state.lastTicks = ticks;

  const timeLow = ticks & 0xffff_ffffn;
  const timeMid = (ticks >> 32n) & 0xffffn;
  const timeHi = ((ticks >> 48n) & 0x0fffn) | 0x1000n;
  const clockSeq = (state.clockSeq & 0x3fff) | 0x8000;
  return [
    hex(timeLow, 8),
    hex(timeMid, 4),
    hex(timeHi, 4),
    clockSeq.toString(16).padStart(4, '0'),
    state.node,
  ].join('-');
}

function hex(value: bigint, width: number): string {
  return value.toString(16).padStart(width, '0');
}

/** What is wrong with a candidate MessageID, or undefined if it is a valid lowercase v1 UUID. */
export function messageIdProblem(id: unknown): string | undefined {
  if (typeof id !== 'string') return `MessageID must be a string, got ${id === null ? 'null' : typeof id}`;
  if (id.length !== 36) return `MessageID must be 36 characters (8-4-4-4-12 hex), got ${id.length}`;
  if (!UUID_SHAPE.test(id)) {
    if (UUID_SHAPE_ANY_CASE.test(id)) return 'MessageID must be lowercase hexadecimal';
    return 'MessageID must have the UUID format 8-4-4-4-12 of hexadecimal digits';
  }
  const versionNibble = id.charAt(14);
  if (versionNibble !== '1') return `MessageID must be a version-1 (time-based) UUID, got version ${versionNibble}`;
  const variantNibble = Number.parseInt(id.charAt(19), 16);
  if ((variantNibble & 0b1100) !== 0b1000) {
    return `MessageID must have the RFC 4122 variant (8, 9, a or b at position 20), got ${id.charAt(19)}`;
  }
  return undefined;
}

export function isMessageIdV1(id: unknown): id is string {
  return messageIdProblem(id) === undefined;
}

/** Throws ERR_MESSAGE_ID_INVALID naming what is wrong (format, version nibble or variant). */
export function assertMessageId(id: unknown, where = 'MessageID'): asserts id is string {
  const problem = messageIdProblem(id);
  if (problem !== undefined) {
    const message = where === 'MessageID' ? problem : `${where}: ${problem}`;
    throw new KitError('ERR_MESSAGE_ID_INVALID', message, { where, value: typeof id === 'string' ? id.slice(0, 64) : undefined });
  }
}

/** The moment encoded in a v1 MessageID (millisecond precision; the sub-millisecond ticks are dropped). */
export function messageIdTimestamp(id: string): Date {
  assertMessageId(id);
  const [low = '', mid = '', hi = ''] = id.split('-');
  const ticks = (BigInt(`0x${hi}`) & 0x0fffn) << 48n | BigInt(`0x${mid}`) << 32n | BigInt(`0x${low}`);
  return new Date(Number(ticks / TICKS_PER_MS - GREGORIAN_OFFSET_MS));
}
