/**
 * @module worker
 * The processing loop. Applications live in the store, not in request handlers: the loop claims due ones with a
 * lease (up to the configured concurrency), asks the gateway, decides, and stores — so a process that dies leaves
 * nothing behind but leases that expire, and the next process (or another instance) picks the work up. While an
 * application is in flight its lease is renewed; a lost lease means another worker took over, and the store
 * refuses this worker's decision.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DecisionStore, StoredApplication } from '../store/decision-store.ts';
import { backoffMs } from './backoff.ts';
import { gatherApplicationFacts } from './gather-facts.ts';
import { GatewayUnavailableError, type GatewayClient } from './gateway-client.ts';
import { makeDecision, parametersFor } from './make-decision.ts';

export interface WorkerOptions {
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  readonly leaseMs: number;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  readonly regionCode: string;
}

export class Worker {
  readonly owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly #inFlight = new Map<string, Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;

  constructor(
    private readonly store: DecisionStore,
    private readonly gateway: GatewayClient,
    private readonly options: WorkerOptions,
    private readonly log: Logger,
    /** Called after every stored status change (the notifier wakes up). */
    private readonly onStatusChange: () => void = () => {},
  ) {}

  start(): void {
    this.#stopped = false;
    this.#schedule(0);
  }

  /** A new application arrived: look now instead of at the next tick. */
  wake(): void {
    if (!this.#stopped) this.#schedule(0);
  }

  /** Stops claiming and waits for the applications in flight (their leases would otherwise delay a restart). */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => this.#tick(), ms);
  }

  #tick(): void {
    try {
      const free = this.options.concurrency - this.#inFlight.size;
      const claimed = free > 0 ? this.store.claim(this.owner, free, Date.now(), this.options.leaseMs) : [];
      // The claim appended `requests-sent` to the applications that did not have it yet.
      if (claimed.length > 0) this.onStatusChange();
      for (const application of claimed) {
        const run = this.#process(application).finally(() => {
          this.#inFlight.delete(application.id);
          this.wake();
        });
        this.#inFlight.set(application.id, run);
      }
    } catch (error) {
      this.log.error({ err: error instanceof Error ? error.message : String(error) }, 'claiming applications failed');
    }
    this.#schedule(this.options.pollIntervalMs);
  }

  async #process(app: StoredApplication): Promise<void> {
    const log = this.log.child({ applicationId: app.id, measure: app.measure, attempt: app.attempts });
    const renew = setInterval(() => {
      try {
        if (!this.store.renewLease(app.id, this.owner, Date.now() + this.options.leaseMs)) log.warn('lease lost; another worker took the application over');
      } catch {
        // The store closed during shutdown; the lease simply expires.
      }
    }, Math.max(50, Math.floor(this.options.leaseMs / 3)));
    try {
      const parameters = parametersFor(app.application.applicationDate, this.options.regionCode);
      const gathered = parameters === undefined
        ? { facts: {}, refused: [] }
        : await gatherApplicationFacts({ applicationId: app.id, application: app.application, parameters, dwelling: app.address }, this.gateway);
      for (const r of gathered.refused) log.warn({ person: r.slot, code: r.code }, 'the gateway refused a facts request; the person counts as not obtained');
      const factsReceivedAt = new Date();
      if (this.#stopped) return; // shutting down: leave the application to the next run rather than race the close
      let outcome: string | undefined;
      const result = this.store.decide(app.id, this.owner, { factsReceivedAt, decidedAt: new Date() }, (previousGrants) => {
        const made = makeDecision(app.id, app.application, gathered.facts, this.options.regionCode, previousGrants);
        outcome = made.decision.kind;
        return made;
      });
      if (result === 'decided') log.info({ outcome }, 'application decided');
      else log.warn({ result }, 'decision not stored');
      this.onStatusChange();
    } catch (error) {
      if (this.#stopped && !this.store.db.open) return;
      const retryIn = backoffMs(app.attempts, this.options.retryMinMs, this.options.retryMaxMs);
      const message = error instanceof Error ? error.message : String(error);
      this.store.reschedule(app.id, this.owner, Date.now() + retryIn, message);
      if (error instanceof GatewayUnavailableError) log.warn({ retryInMs: retryIn, error: message }, 'gateway unavailable; the application stays pending');
      else log.error({ retryInMs: retryIn, error: message }, 'processing failed; the application stays pending');
    } finally {
      clearInterval(renew);
    }
  }
}
