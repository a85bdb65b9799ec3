/**
 * @module reply-to
 * The opaque ReplyTo the hub mints for every delivered request, in the shape seen on the real exchange (base64 of
 * a small JSON: sid, mid, eol, slc, mnm — reference §1.5). Clients must treat it as opaque; the hub looks it up
 * in its store rather than trusting its content, so a forged or altered `To` simply is not found.
 */
import { randomInt } from 'node:crypto';

export interface ReplyToFields {
  /** Request MessageID. */
  readonly mid: string;
  /** Message type as "<namespace>_<localName>", sanitised like the real `slc`. */
  readonly slc: string;
  /** The consumer's mnemonic. */
  readonly mnm: string;
}

export function mintReplyTo(fields: ReplyToFields): string {
  const json = JSON.stringify({ sid: randomInt(10_000, 100_000), mid: fields.mid, eol: 0, slc: fields.slc, mnm: fields.mnm });
  return Buffer.from(json, 'utf8').toString('base64');
}

export function selectorLabel(namespaceUri: string, localName: string): string {
  return `${namespaceUri.replace(/^[a-z]+:\/+/i, '').replace(/[^A-Za-z0-9.-]+/g, '-')}_${localName}`;
}
