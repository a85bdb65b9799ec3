/**
 * @module notifier
 * Works the outbox: writes the e-mail-ready file of every notification, appends "notified" once the decision
 * notice is written, and delivers every notification to the webhook (when configured) at least once, with
 * backoff between attempts and the outbox id as the delivery id (`X-Delivery-Id`, also `Idempotency-Key`) so the
 * receiver can drop repeats. One loop, woken by the worker after a status change and by a timer otherwise.
 */
import type { Logger } from 'pino';
import { backoffMs } from '../worker/backoff.ts';
import type { DecisionStore, WrittenNotice } from '../store/decision-store.ts';
import type { PendingNotice } from '../store/outbox-store.ts';
import { emailFileName, renderEmail } from './email-file.ts';
import { NoticeFileWriter, type NoticeFile } from './notice-file-writer.ts';
import { noticeText } from './notice-text.ts';
import { webhookPayload } from './webhook-payload.ts';
import { isDecisionStatus } from '../store/statuses.ts';

export interface NotifierOptions {
  readonly outboxDir: string;
  readonly webhookUrl: string | undefined;
  readonly webhookMaxAttempts: number;
  readonly webhookTimeoutMs: number;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  readonly pollIntervalMs: number;
  readonly fetch?: typeof fetch;
}

const BATCH = 50;

export class Notifier {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  readonly #files: NoticeFileWriter;

  constructor(
    private readonly store: DecisionStore,
    private readonly options: NotifierOptions,
    private readonly log: Logger,
  ) {
    this.#files = new NoticeFileWriter(options.outboxDir);
  }

  start(): void {
    this.#schedule(0);
  }

  /** Something new is in the outbox: work now rather than at the next tick. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running !== undefined) this.#again = true;
    else this.#schedule(0);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
    await this.#files.close();
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.#tick().finally(() => {
        this.#running = undefined;
        const again = this.#again;
        this.#again = false;
        this.#schedule(again ? 0 : this.options.pollIntervalMs);
      });
    }, ms);
  }

  async #tick(): Promise<void> {
    try {
      await this.writeFiles();
      await this.deliverWebhooks();
    } catch (error) {
      if (this.#stopped) return; // the store closed under us during shutdown
      this.log.error({ err: error instanceof Error ? error.message : String(error) }, 'notifier tick failed');
    }
  }

  /**
   * Writes pending files; the decision notice's file is what marks the application notified. A batch's files are
   * written off the event loop, then the written ones are marked in one transaction — always after their file is
   * in place, so a crash in between only rewrites the same file (same name) on the next run.
   */
  async writeFiles(): Promise<void> {
    while (!this.#stopped) {
      const entries = this.store.outbox.pendingNotices(BATCH);
      if (entries.length === 0) return;
      // A notice that cannot be rendered fails alone, as a failed write does: its row stays pending.
      const notices = entries.map((entry) => ({ entry, file: tryRender(entry) }));
      const rendered = notices.filter((n): n is { entry: PendingNotice; file: NoticeFile } => !(n.file instanceof Error));
      const results = await this.#files.write(rendered.map((n) => n.file));
      // stop() awaits this tick before the store closes, so this is a safety net: if the store is closed anyway,
      // leave the rows pending and the next run rewrites the same files.
      if (this.#stopped && !this.store.db.open) return;
      const written: WrittenNotice[] = rendered.flatMap(({ entry, file }, i) => (results[i] === undefined ? [{ outboxId: entry.id, applicationId: entry.applicationId, measure: entry.measure, status: entry.status, fileName: file.name }] : []));
      this.store.recordNoticesWritten(written, new Date());
      for (const notice of written) this.log.info({ applicationId: notice.applicationId, status: notice.status, file: notice.fileName }, 'notice written');
      const failed = notices.find((n) => n.file instanceof Error)?.file ?? results.find((r) => r !== undefined);
      // Same as before: a failing write ends the tick with an error log; the row stays pending and is retried.
      if (failed !== undefined) throw failed;
    }
  }

  async deliverWebhooks(): Promise<void> {
    const url = this.options.webhookUrl;
    if (url === undefined) return;
    const doFetch = this.options.fetch ?? fetch;
    while (!this.#stopped) {
      const entries = this.store.outbox.dueWebhooks(Date.now(), BATCH);
      if (entries.length === 0) return;
      for (const entry of entries) {
        if (this.#stopped) return;
        // Only a decision status's payload shows the decision: do not read and parse it for the others.
        const decision = isDecisionStatus(entry.status) ? this.store.decision(entry.applicationId)?.decision : undefined;
        const payload = webhookPayload(entry, decision);
        const attempt = entry.webhookAttempts + 1;
        let error: string | undefined;
        try {
          const response = await doFetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-delivery-id': entry.id, 'idempotency-key': entry.id, 'x-delivery-attempt': String(attempt) },
            body: JSON.stringify(payload),
            signal: AbortSignal.timeout(this.options.webhookTimeoutMs),
          });
          await response.body?.cancel();
          if (!response.ok) error = `HTTP ${response.status}`;
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        if (error === undefined) {
          this.store.outbox.markDelivered(entry.id, new Date());
          this.log.info({ applicationId: entry.applicationId, status: entry.status, deliveryId: entry.id, attempt }, 'webhook delivered');
        } else {
          const giveUp = attempt >= this.options.webhookMaxAttempts;
          this.store.outbox.markAttemptFailed(entry.id, error, giveUp ? undefined : Date.now() + backoffMs(attempt, this.options.retryMinMs, this.options.retryMaxMs));
          this.log.warn({ applicationId: entry.applicationId, deliveryId: entry.id, attempt, error, gaveUp: giveUp }, 'webhook delivery failed');
        }
      }
    }
  }
}

function tryRender(entry: PendingNotice): NoticeFile | Error {
  try {
    const input = {
      outboxId: entry.id,
      sequence: entry.seq,
      applicationId: entry.applicationId,
      status: entry.status,
      createdAt: entry.createdAt,
      contact: entry.contact,
      text: noticeText(entry.applicationId, entry.measure, entry.status, entry.decision),
    };
    return { name: emailFileName(input), content: renderEmail(input) };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
