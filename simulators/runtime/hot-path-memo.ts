/**
 * @module hot-path-memo
 * What one simulator remembers between calls so that a repeated request costs lookups instead of parse, XSD
 * validation, persona matching, answer writing, envelope building and RSA. Everything remembered is a pure
 * function of what its key holds, so a remembered result is the result the full path would compute:
 *
 * - requests: request bytes (message id left out, request-memo-key.ts) + content type + SOAPAction → the checked
 *   request (operation, payload element, the agency's subject query per persona/config generation and day). Only
 *   requests that passed every check are kept. For a signed request that includes the signature: its digest and
 *   value are a pure function of the bytes in the key (the message id is outside what is signed), so they are not
 *   checked again; the signer's certificate is kept and asked of the trust list on every call (trust and validity
 *   dates depend on the clock), and a request whose certificate is no longer valid takes the full path, which
 *   refuses it.
 * - answers: the remembered request (its operation and payload) + engine generation (persona set and engine config) + UTC day of `now`
 *   → the answer payload the agency wrote (already checked against the XSD when validateAnswers is on). Agencies
 *   read `now` only through its day (AnswerContext.now), which is what makes the day the right key part.
 * - envelopes: answer payload → the complete answer envelope split around the kit:MessageID text, signed when the
 *   runtime signs. RSA PKCS#1 v1.5 over the same SignedInfo gives the same value, so a remembered signature is the
 *   one signing would produce; randomized schemes (GOST R 34.10) are signed on every call instead.
 *
 * The engine still decides every call (faults, latency, counters, sequences, maintenance) and every call is
 * journaled; the memo only replaces work whose output is fixed by its key. Each of the three maps is bounded by
 * entry count and by an estimate of the bytes it holds (bounded-lru.ts).
 */
import type { X509Certificate } from 'node:crypto';
import type { ContractOperation } from '../../core/contracts/index.ts';
import type { MemberQuery } from '../engine/index.ts';
import { BoundedLru } from './bounded-lru.ts';

export interface HotPathMemoLimits {
  /** Entries per map (requests, answers, envelopes). */
  readonly maxEntries: number;
  /** Estimated bytes per map. */
  readonly maxBytes: number;
  /** Request bodies larger than this are checked on every call and not remembered. */
  readonly maxRequestBytes: number;
}

export const DEFAULT_HOT_PATH_MEMO: HotPathMemoLimits = Object.freeze({ maxEntries: 2048, maxBytes: 32 * 1024 * 1024, maxRequestBytes: 64 * 1024 });

export interface RememberedRequest {
  readonly operation: ContractOperation;
  /** The payload root of a parsed request; agencies only read it, so calls can share it. */
  readonly payload: Element;
  /** The request's message id when its key holds the whole body; slotted keys give each call its own. */
  readonly messageId: string | undefined;
  /** The certificate of the verified caller signature; undefined for an unsigned request. */
  readonly signer: X509Certificate | undefined;
  /**
   * Names this entry's request content in the answers key: operation + payload are fixed by the request key, so a
   * serial number stands for them without hashing the payload text on every call.
   */
  readonly serial: number;
  /** The agency's subject query, for the engine generation and day it was read under. */
  subject: { readonly generation: string; readonly day: number; readonly query: MemberQuery } | undefined;
}

/** An answer envelope around its message id: head + messageId + tail is the envelope the full path writes. */
export interface AnswerTemplate {
  readonly head: string;
  readonly tail: string;
}

export class HotPathMemo {
  readonly limits: HotPathMemoLimits;
  readonly requests: BoundedLru<string, RememberedRequest>;
  readonly answers: BoundedLru<string, string>;
  readonly envelopes: BoundedLru<string, AnswerTemplate>;
  #serial = 0;

  constructor(limits: HotPathMemoLimits) {
    this.limits = Object.freeze({ ...limits });
    const lru = { maxEntries: limits.maxEntries, maxBytes: limits.maxBytes };
    this.requests = new BoundedLru(lru);
    this.answers = new BoundedLru(lru);
    this.envelopes = new BoundedLru(lru);
  }

  nextSerial(): number {
    this.#serial += 1;
    return this.#serial;
  }

  clear(): void {
    this.requests.clear();
    this.answers.clear();
    this.envelopes.clear();
  }
}

/** Days since the epoch (UTC): the part of `now` the answers depend on; NaN for an invalid date, never equal. */
export function dayOf(now: Date): number {
  return Math.floor(now.getTime() / 86_400_000);
}

/** Rough bytes of a remembered request: the key (UTF-16) plus the parsed payload tree (a few × its text). */
export function rememberedRequestSize(key: string, payloadXml: string): number {
  return 2 * key.length + 6 * payloadXml.length;
}
