/**
 * The consumer side of the exchange as one object: `request(adapter, query)` sends and waits, while one shared
 * poll loop reads the consumer's response queue for every waiting request. A response whose OriginalMessageId
 * nobody waits for yet (it arrived before its waiter, or belongs to a request sent by `send` and awaited later)
 * is verified, acknowledged and kept in a small in-memory mailbox keyed by OriginalMessageId, so it is not lost.
 * Informational exchange statuses are skipped; the first final response decides the outcome.
 */
import type { AdapterOutcome, AgencyAdapter, FactsQuery, QualifiedName } from '../../core/adapter/index.ts';
import { messageTypeKey } from '../../core/adapter/index.ts';
import { isKitError, type KitError } from '../../core/errors/index.ts';
import type { FactGroup } from '../../core/facts/index.ts';
import type { SmevVersion } from '../../core/smev/envelope/index.ts';
import type { TrustList } from '../../core/smev/signature/index.ts';
import { PollBackoff } from './hub-backoff.ts';
import { outcomeForHubResponse, timeoutOutcome } from './hub-outcome.ts';
import { pollHubResponseOnce, type ReceivedResponse } from './hub-receive.ts';
import { sendViaHub, type SentRequest } from './hub-send.ts';
import type { HubSigning } from './hub-soap.ts';

export interface HubConsumerOptions {
  readonly hubUrl: string;
  readonly signing: HubSigning;
  readonly trust: TrustList;
  readonly version?: SmevVersion;
  /** How long `request` / `await` wait for the final response (default 30 s). */
  readonly timeoutMs?: number;
  /** Poll back-off bounds (defaults 50 ms and 2 s). */
  readonly pollMinMs?: number;
  readonly pollMaxMs?: number;
  /** Mailbox bound: the oldest unclaimed responses are dropped beyond it (default 1000). */
  readonly mailboxLimit?: number;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

interface Waiter {
  readonly messageId: string;
  readonly adapter: AgencyAdapter;
  readonly query: FactsQuery | undefined;
  resolve(outcome: AdapterOutcome): void;
  readonly timer: NodeJS.Timeout;
}

export class HubConsumer {
  readonly #options: HubConsumerOptions;
  readonly #backoff: PollBackoff;
  readonly #waiters = new Map<string, Waiter>();
  readonly #mailbox = new Map<string, ReceivedResponse[]>();
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #closed = false;
  #lastError: KitError | undefined;

  constructor(options: HubConsumerOptions) {
    this.#options = options;
    this.#backoff = new PollBackoff(options.pollMinMs ?? 50, options.pollMaxMs ?? 2000);
  }

  /** Send the request built by the adapter, then wait for its final response. */
  async request<G extends FactGroup>(adapter: AgencyAdapter<G>, query: FactsQuery, options: { readonly timeoutMs?: number } = {}): Promise<AdapterOutcome<G>> {
    let sent: SentRequest;
    try {
      sent = await this.send(adapter, query);
    } catch (cause) {
      if (isKitError(cause)) return { kind: 'error', error: cause };
      throw cause;
    }
    return this.await(sent.messageId, adapter, { ...options, query });
  }

  /** SendRequest only (resets the poll back-off: a response becomes likely). Throws KitError on refusal. */
  async send(adapter: AgencyAdapter, query: FactsQuery, options: { readonly messageId?: string } = {}): Promise<SentRequest> {
    const o = this.#options;
    const sent = await sendViaHub({
      hubUrl: o.hubUrl, signing: o.signing, trust: o.trust, adapter, query,
      ...(o.version ? { version: o.version } : {}), ...(o.fetch ? { fetch: o.fetch } : {}), ...(options.messageId ? { messageId: options.messageId } : {}),
    });
    this.#backoff.reset();
    this.#wake?.();
    return sent;
  }

  /** Wait for the final response to `messageId` (sent earlier by this consumer's system). */
  await<G extends FactGroup>(messageId: string, adapter: AgencyAdapter<G>, options: { readonly timeoutMs?: number; readonly query?: FactsQuery } = {}): Promise<AdapterOutcome<G>> {
    const fromMailbox = this.#claim(messageId, adapter, options.query);
    if (fromMailbox) return Promise.resolve(fromMailbox as AdapterOutcome<G>);
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? 30_000;
    return new Promise<AdapterOutcome<G>>((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(messageId);
        resolve(timeoutOutcome<G>(adapter.agency, messageId, timeoutMs, this.#lastError));
      }, timeoutMs);
      this.#waiters.set(messageId, { messageId, adapter, query: options.query, timer, resolve: resolve as (o: AdapterOutcome) => void });
      this.#ensureLoop();
    });
  }

  /** OriginalMessageIds with unclaimed responses (for inspection and tests). */
  get mailboxIds(): readonly string[] {
    return [...this.#mailbox.keys()];
  }

  /** Stops polling; pending waits end with ERR_AGENCY_TIMEOUT at once. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiter of this.#waiters.values()) {
      clearTimeout(waiter.timer);
      waiter.resolve(timeoutOutcome(waiter.adapter.agency, waiter.messageId, 0));
    }
    this.#waiters.clear();
    this.#wake?.();
    await this.#loop;
  }

  #claim(messageId: string, adapter: AgencyAdapter, query: FactsQuery | undefined): AdapterOutcome | undefined {
    const kept = this.#mailbox.get(messageId);
    if (!kept) return undefined;
    while (kept.length > 0) {
      const received = kept.shift()!;
      const outcome = outcomeForHubResponse(received, adapter, { messageId, ...(query ? { query } : {}) });
      if (outcome) {
        if (kept.length === 0) this.#mailbox.delete(messageId);
        return outcome;
      }
    }
    this.#mailbox.delete(messageId);
    return undefined;
  }

  #ensureLoop(): void {
    if (this.#loop || this.#closed) return;
    this.#loop = this.#run().finally(() => {
      this.#loop = undefined;
      // A waiter may have arrived while the loop was winding down.
      if (this.#waiters.size > 0 && !this.#closed) this.#ensureLoop();
    });
  }

  /** One shared loop while anybody waits: poll, route, back off on empty queues and on faults. */
  async #run(): Promise<void> {
    while (!this.#closed && this.#waiters.size > 0) {
      let received: ReceivedResponse | undefined;
      try {
        received = await pollHubResponseOnce(this.#pollOptions());
        this.#lastError = undefined;
      } catch (cause) {
        if (!isKitError(cause)) throw cause;
        this.#lastError = cause;
        // A final fault (bad configuration, refused signature) will not heal by polling: end every wait with it.
        if (cause.code === 'ERR_SMEV_FAULT') this.#failAll(cause);
      }
      if (received) {
        this.#backoff.reset();
        this.#route(received);
        continue;
      }
      this.#backoff.grow();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#backoff.delayMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  #pollOptions() {
    const o = this.#options;
    // With every waiter on one message type, select it (like real clients do); otherwise take any type.
    const types = new Map<string, QualifiedName>();
    for (const waiter of this.#waiters.values()) types.set(messageTypeKey(waiter.adapter.messageType), waiter.adapter.messageType);
    const messageType = types.size === 1 ? [...types.values()][0] : undefined;
    return {
      hubUrl: o.hubUrl, signing: o.signing, trust: o.trust,
      ...(o.version ? { version: o.version } : {}), ...(o.fetch ? { fetch: o.fetch } : {}), ...(o.now ? { now: o.now } : {}),
      ...(messageType ? { messageType } : {}),
    };
  }

  #route(received: ReceivedResponse): void {
    const id = received.originalMessageId;
    if (id === undefined) return; // nothing to correlate it with; it was acknowledged (or refused) and is gone
    const waiter = this.#waiters.get(id);
    if (waiter) {
      const outcome = outcomeForHubResponse(received, waiter.adapter, { messageId: id, ...(waiter.query ? { query: waiter.query } : {}) });
      if (!outcome) return; // informational status: keep waiting
      clearTimeout(waiter.timer);
      this.#waiters.delete(id);
      waiter.resolve(outcome);
      return;
    }
    const list = this.#mailbox.get(id) ?? [];
    list.push(received);
    this.#mailbox.set(id, list);
    const limit = this.#options.mailboxLimit ?? 1000;
    while (this.#mailbox.size > limit) this.#mailbox.delete(this.#mailbox.keys().next().value!);
  }

  #failAll(error: KitError): void {
    for (const waiter of this.#waiters.values()) {
      clearTimeout(waiter.timer);
      waiter.resolve({ kind: 'error', error });
    }
    this.#waiters.clear();
  }
}
