/**
 * @module outbox-store
 * The notification outbox: one row per status change, inserted in the status change's own transaction. Two
 * channels work from it independently: the e-mail-ready file (`file_state`) and the webhook (`webhook_state`,
 * at-least-once with backoff; the row id is the delivery id a receiver deduplicates by).
 */
import type Database from 'better-sqlite3';
import { prepared } from './statements.ts';
import type { Contact } from '../api/intake.ts';
import type { Decision } from '../rules/index.ts';
import type { ApplicationStatus } from './statuses.ts';

export interface OutboxEntry {
  readonly seq: number;
  readonly id: string;
  readonly applicationId: string;
  readonly measure: string;
  readonly status: ApplicationStatus;
  readonly createdAt: string;
  readonly webhookAttempts: number;
}

/** A notification whose file is still to be written, with what its text needs. */
export interface PendingNotice extends OutboxEntry {
  readonly contact: Contact | undefined;
  /** Only for a decision status: the other notices do not show it. */
  readonly decision: Decision | undefined;
}

interface OutboxRow {
  seq: number; id: string; application_id: string; status: string; created_at: string; payload_json: string; webhook_attempts: number;
}

export interface OutboxCounts {
  readonly filesPending: number;
  readonly webhookPending: number;
  readonly webhookFailed: number;
}

export class OutboxStore {
  constructor(
    private readonly db: Database.Database,
    private readonly newId: () => string,
  ) {}

  insert(entry: { applicationId: string; measure: string; status: ApplicationStatus; at: Date; webhook: boolean; file: boolean }): void {
    prepared(
        this.db,
      `INSERT INTO outbox (id, application_id, status, created_at, payload_json, file_state, webhook_state, webhook_next_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(this.newId(), entry.applicationId, entry.status, entry.at.toISOString(), JSON.stringify({ measure: entry.measure }), entry.file ? 'pending' : 'none', entry.webhook ? 'pending' : 'none', entry.at.getTime());
  }

  /**
   * One query for a batch: the notifier used to read the whole application and the decision per file, which
   * parsed the application and decision JSON four times per application.
   */
  pendingNotices(limit: number): PendingNotice[] {
    const rows = prepared(
        this.db,
      `SELECT o.*, a.contact_json, CASE WHEN o.status IN ('decided', 'manual-review') THEN d.decision_json END AS decision_json
                FROM outbox o LEFT JOIN applications a ON a.id = o.application_id LEFT JOIN decisions d ON d.application_id = o.application_id
                WHERE o.file_state = 'pending' ORDER BY o.seq LIMIT ?`)
      .all(limit) as (OutboxRow & { contact_json: string | null; decision_json: string | null })[];
    return rows.map((row) => ({
      ...fromRow(row),
      contact: row.contact_json === null ? undefined : (JSON.parse(row.contact_json) as Contact),
      decision: row.decision_json === null ? undefined : (JSON.parse(row.decision_json) as Decision),
    }));
  }

  markFileWritten(id: string, fileName: string): void {
    prepared(this.db, `UPDATE outbox SET file_state = 'written', file_name = ? WHERE id = ?`).run(fileName, id);
  }

  dueWebhooks(now: number, limit: number): OutboxEntry[] {
    return (prepared(this.db, `SELECT * FROM outbox WHERE webhook_state = 'pending' AND webhook_next_at <= ? ORDER BY webhook_next_at, seq LIMIT ?`).all(now, limit) as OutboxRow[]).map(fromRow);
  }

  markDelivered(id: string, at: Date): void {
    prepared(this.db, `UPDATE outbox SET webhook_state = 'delivered', delivered_at = ?, webhook_attempts = webhook_attempts + 1, webhook_last_error = NULL WHERE id = ?`).run(at.toISOString(), id);
  }

  /** One failed attempt: due again at `nextAt`, or given up (`failed`) when `nextAt` is undefined. */
  markAttemptFailed(id: string, error: string, nextAt: number | undefined): void {
    prepared(
        this.db,
      `UPDATE outbox SET webhook_attempts = webhook_attempts + 1, webhook_last_error = ?, webhook_state = ?, webhook_next_at = ? WHERE id = ?`)
      .run(error, nextAt === undefined ? 'failed' : 'pending', nextAt ?? 0, id);
  }

  /** The notifications of one application, for the API. */
  forApplication(applicationId: string): { id: string; status: string; createdAt: string; file: string | null; fileState: string; webhookState: string; webhookAttempts: number; deliveredAt: string | null }[] {
    const rows = prepared(
        this.db,
      'SELECT id, status, created_at, file_name, file_state, webhook_state, webhook_attempts, delivered_at FROM outbox WHERE application_id = ? ORDER BY seq')
      .all(applicationId) as { id: string; status: string; created_at: string; file_name: string | null; file_state: string; webhook_state: string; webhook_attempts: number; delivered_at: string | null }[];
    return rows.map((r) => ({ id: r.id, status: r.status, createdAt: r.created_at, file: r.file_name, fileState: r.file_state, webhookState: r.webhook_state, webhookAttempts: r.webhook_attempts, deliveredAt: r.delivered_at }));
  }

  counts(): OutboxCounts {
    const row = prepared(this.db, OUTBOX_COUNTS_SQL).get() as { f: number | null; w: number | null; x: number | null };
    return { filesPending: row.f ?? 0, webhookPending: row.w ?? 0, webhookFailed: row.x ?? 0 };
  }
}

/** For /readyz. Each count reads its partial index: a readiness probe must not scan an outbox that grows by every status change. */
export const OUTBOX_COUNTS_SQL = `SELECT (SELECT count(*) FROM outbox WHERE file_state = 'pending') AS f,
       (SELECT count(*) FROM outbox WHERE webhook_state = 'pending') AS w,
       (SELECT count(*) FROM outbox WHERE webhook_state = 'failed') AS x`;

function fromRow(row: OutboxRow): OutboxEntry {
  const payload = JSON.parse(row.payload_json) as { measure: string };
  return { seq: row.seq, id: row.id, applicationId: row.application_id, measure: payload.measure, status: row.status as ApplicationStatus, createdAt: row.created_at, webhookAttempts: row.webhook_attempts };
}
