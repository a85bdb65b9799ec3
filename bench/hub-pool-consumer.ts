/**
 * A bench-only consumer with K poll loops instead of HubConsumer's one: sendViaHub, then K loops of
 * pollHubResponseOnce (GetResponse, verify, Ack) routing each response to its waiter by OriginalMessageId, with the
 * same back-off as HubConsumer (min after a message or a send, ×2 per empty poll up to max). It shows how much of
 * the throughput limit is the single sequential poll loop (one GetResponse + one Ack round trip per message) and
 * how much is the hub. Responses nobody waits for are dropped (the bench never sends without waiting).
 */
import { PollBackoff, outcomeForHubResponse, pollHubResponseOnce, sendViaHub } from '../adapters/transport/hub-client.ts';
import type { AdapterOutcome, AgencyAdapter, FactsQuery } from '../core/adapter/index.ts';
import { KitError, isKitError } from '../core/errors/index.ts';
import type { HubSigning } from '../adapters/transport/hub-client.ts';
import type { TrustList } from '../core/smev/signature/index.ts';

interface Waiter {
  readonly adapter: AgencyAdapter;
  readonly query: FactsQuery;
  readonly resolve: (outcome: AdapterOutcome) => void;
  readonly timer: NodeJS.Timeout;
}

export class PooledHubConsumer {
  readonly #waiters = new Map<string, Waiter>();
  readonly #backoff: PollBackoff;
  readonly #loops: Promise<void>[];
  readonly #wakers = new Set<() => void>();
  #closed = false;

  constructor(
    readonly options: { hubUrl: string; signing: HubSigning; trust: TrustList; loops: number; pollMinMs: number; pollMaxMs: number; timeoutMs: number },
  ) {
    this.#backoff = new PollBackoff(options.pollMinMs, options.pollMaxMs);
    this.#loops = Array.from({ length: options.loops }, () => this.#run());
  }

  async request(adapter: AgencyAdapter, query: FactsQuery): Promise<AdapterOutcome> {
    const { hubUrl, signing, trust, timeoutMs } = this.options;
    let messageId: string;
    try {
      messageId = (await sendViaHub({ hubUrl, signing, trust, adapter, query })).messageId;
    } catch (cause) {
      if (isKitError(cause)) return { kind: 'error', error: cause };
      throw cause;
    }
    this.#backoff.reset();
    for (const wake of this.#wakers) wake();
    return new Promise<AdapterOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(messageId);
        resolve({ kind: 'error', error: new KitError('ERR_AGENCY_TIMEOUT', `no answer within ${timeoutMs} ms`, { agency: adapter.agency }) });
      }, timeoutMs);
      this.#waiters.set(messageId, { adapter, query, resolve, timer });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const wake of this.#wakers) wake();
    for (const waiter of this.#waiters.values()) clearTimeout(waiter.timer);
    this.#waiters.clear();
    await Promise.allSettled(this.#loops);
  }

  async #run(): Promise<void> {
    const { hubUrl, signing, trust } = this.options;
    while (!this.#closed) {
      let got = false;
      if (this.#waiters.size > 0) {
        try {
          const received = await pollHubResponseOnce({ hubUrl, signing, trust });
          if (received) {
            got = true;
            this.#route(received.originalMessageId, received);
          }
        } catch (cause) {
          if (!isKitError(cause)) throw cause;
        }
      }
      if (got) {
        this.#backoff.reset();
        continue;
      }
      this.#backoff.grow();
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.#wakers.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, this.#backoff.delayMs);
        this.#wakers.add(wake);
      });
    }
  }

  #route(id: string | undefined, received: Parameters<typeof outcomeForHubResponse>[0]): void {
    if (id === undefined) return;
    const waiter = this.#waiters.get(id);
    if (!waiter) return;
    const outcome = outcomeForHubResponse(received, waiter.adapter, { messageId: id, query: waiter.query });
    if (!outcome) return; // informational status: keep waiting
    clearTimeout(waiter.timer);
    this.#waiters.delete(id);
    waiter.resolve(outcome);
  }
}
