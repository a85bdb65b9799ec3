/**
 * @module time-ordered-id
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. The store's ids are keys of several indexes
 * (applications, status history, decisions, outbox); random (v4) ids land on a random leaf page each, so every
 * insert dirtied a page of its own all over each index: one more WAL page per row, and on a store of a year's
 * applications, a page that is likely not cached. Ids that grow with time append to the same few pages. The
 * randomness comes from randomUUID's pool (74 random bits kept), which is much cheaper than randomBytes per id.
 * The id shows when the application was received, which its timeline shows its holder anyway.
 */
import { randomUUID } from 'node:crypto';

export function timeOrderedUuid(now: number = Date.now()): string {
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V already the RFC variant
  const time = Math.max(0, Math.floor(now)).toString(16).padStart(12, '0').slice(-12);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
