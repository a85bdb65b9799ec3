/**
 * @module decision-store
 * Applications, their status history, decisions and grants in SQLite (better-sqlite3: synchronous, so every
 * method is one short transaction). The two guarantees the worker relies on live here:
 * - a claim is a lease (owner + expiry) taken in one UPDATE, so two workers never process one application at the
 *   same time, and an application whose worker died is claimed again once the lease runs out;
 * - `decide` runs the pure rules inside an IMMEDIATE transaction that re-checks the stage and the lease, reads the
 *   grants history and writes the decision, the grants, the status and its outbox row together — a decision is
 *   stored once or not at all, and two birth-gift applications for one child cannot both see "no grant yet".
 * The intermediate statuses ride along in transactions that run anyway (`requests-sent` in the claim,
 * `facts-received` in the decision), each with the time it happened: their own commits were about 30% of the
 * store's CPU in the decisions bench.
 */
import { timeOrderedUuid } from './time-ordered-id.ts';
import type Database from 'better-sqlite3';
import { prepared } from './statements.ts';
import type { Application, Decision, PreviousGrant } from '../rules/index.ts';
import type { Contact, Dwelling, Intake } from '../api/intake.ts';
import { openDatabase, type DbSynchronous } from './open-database.ts';
import { isDecisionStatus, rankOf, rankSql, type ApplicationStatus } from './statuses.ts';
import { OutboxStore } from './outbox-store.ts';

export interface StoredApplication {
  readonly seq: number;
  readonly id: string;
  readonly measure: string;
  readonly applicationDate: string;
  readonly receivedAt: string;
  readonly status: ApplicationStatus;
  readonly stage: 'pending' | 'done';
  readonly decisionKind: Decision['kind'] | undefined;
  readonly application: Application;
  readonly contact: Contact | undefined;
  readonly address: Dwelling | undefined;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastError: string | undefined;
}

export interface TimelineEntry {
  readonly status: ApplicationStatus;
  readonly at: string;
}

export interface StoredDecision {
  readonly decidedAt: string;
  readonly decision: Decision;
  readonly traceText: string;
}

export type SubmitResult =
  | { readonly kind: 'created'; readonly id: string }
  | { readonly kind: 'replayed'; readonly id: string }
  | { readonly kind: 'key-reused'; readonly id: string };

export interface ListFilter {
  readonly status?: ApplicationStatus;
  readonly measure?: string;
  readonly decision?: Decision['kind'];
  /** Application date range, inclusive. */
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  /** Only applications older than this sequence number (the cursor). */
  readonly beforeSeq?: number;
}

export type DecideResult = 'decided' | 'already-decided' | 'lease-lost';

/** When the gateway's answers were in, and when the decision was made (both go into the timeline). */
export interface DecideTimes {
  readonly factsReceivedAt: Date;
  readonly decidedAt: Date;
}

/** A written notice file, for `recordNoticesWritten`. */
export interface WrittenNotice {
  readonly outboxId: string;
  readonly applicationId: string;
  readonly measure: string;
  readonly status: ApplicationStatus;
  readonly fileName: string;
}

interface ApplicationRow {
  seq: number; id: string; measure: string; application_date: string; received_at: string; status: string; stage: string;
  decision_kind: string | null; application_json: string; contact_json: string | null; address_json: string | null;
  attempts: number; next_attempt_at: number; last_error: string | null;
}

/** The shown status moves to the new one unless it is already further on (a late or repeated step). */
const SHOW_STATUS_SQL = `UPDATE applications SET status = ? WHERE id = ? AND ${rankSql('status')} <= ?`;

export class DecisionStore {
  readonly outbox: OutboxStore;

  private constructor(
    readonly db: Database.Database,
    readonly webhookEnabled: boolean,
    private readonly newId: () => string,
  ) {
    this.outbox = new OutboxStore(db, newId);
  }

  /** `newId` makes application and notification ids: time-ordered UUIDs unless given (the store bench compares). */
  static open(dataDir: string, options: { webhookEnabled: boolean; synchronous?: DbSynchronous; newId?: () => string }): DecisionStore {
    return new DecisionStore(openDatabase(dataDir, { synchronous: options.synchronous ?? 'NORMAL' }), options.webhookEnabled, options.newId ?? (() => timeOrderedUuid()));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** A new application (status received, due at once), or the one an Idempotency-Key already names. */
  submit(intake: Intake, at: Date, idempotency?: { key: string; bodySha256: string }): SubmitResult {
    return this.db.transaction((): SubmitResult => {
      if (idempotency !== undefined) {
        const known = prepared(this.db, 'SELECT application_id, body_sha256 FROM idempotency_keys WHERE key = ?').get(idempotency.key) as { application_id: string; body_sha256: string } | undefined;
        if (known !== undefined) return { kind: known.body_sha256 === idempotency.bodySha256 ? 'replayed' : 'key-reused', id: known.application_id };
      }
      const id = this.newId();
      const application = { ...intake.application, applicationId: id };
      prepared(
        this.db,
        `INSERT INTO applications (id, measure, application_date, received_at, status, stage, application_json, contact_json, address_json, next_attempt_at)
                  VALUES (?, ?, ?, ?, 'received', 'pending', ?, ?, ?, ?)`)
        .run(id, application.measure, application.applicationDate, at.toISOString(), JSON.stringify(application), json(intake.contact), json(intake.address), at.getTime());
      this.insertStatus(id, application.measure, 'received', at);
      if (idempotency !== undefined) {
        prepared(this.db, 'INSERT INTO idempotency_keys (key, body_sha256, application_id, created_at) VALUES (?, ?, ?, ?)').run(idempotency.key, idempotency.bodySha256, id, at.toISOString());
      }
      return { kind: 'created', id };
    }).immediate();
  }

  get(id: string): StoredApplication | undefined {
    const row = prepared(this.db, 'SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;
    return row === undefined ? undefined : fromRow(row);
  }

  timeline(id: string): TimelineEntry[] {
    const rows = prepared(this.db, 'SELECT status, at FROM status_history WHERE application_id = ? ORDER BY at, rowid').all(id) as { status: ApplicationStatus; at: string }[];
    return rows.map((r) => ({ status: r.status, at: r.at }));
  }

  decision(id: string): StoredDecision | undefined {
    const row = prepared(this.db, 'SELECT decided_at, decision_json, trace_text FROM decisions WHERE application_id = ?').get(id) as { decided_at: string; decision_json: string; trace_text: string } | undefined;
    return row === undefined ? undefined : { decidedAt: row.decided_at, decision: JSON.parse(row.decision_json) as Decision, traceText: row.trace_text };
  }

  list(filter: ListFilter): StoredApplication[] {
    const where: string[] = [];
    const args: Record<string, string | number> = { limit: filter.limit };
    if (filter.status !== undefined) { where.push('status = @status'); args.status = filter.status; }
    if (filter.measure !== undefined) { where.push('measure = @measure'); args.measure = filter.measure; }
    if (filter.decision !== undefined) { where.push('decision_kind = @decision'); args.decision = filter.decision; }
    if (filter.from !== undefined) { where.push('application_date >= @from'); args.from = filter.from; }
    if (filter.to !== undefined) { where.push('application_date <= @to'); args.to = filter.to; }
    if (filter.beforeSeq !== undefined) { where.push('seq < @beforeSeq'); args.beforeSeq = filter.beforeSeq; }
    // At most 2^6 filter combinations, so caching the statement per SQL text stays bounded.
    const sql = `SELECT * FROM applications ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`;
    return (prepared(this.db, sql).all(args) as ApplicationRow[]).map(fromRow);
  }

  /**
   * Takes up to `limit` due applications for `owner` until `now + leaseMs`; expired leases are taken over. The
   * worker asks the gateway right after, so `requests-sent` (time `now`) is appended here, in the claim's own
   * transaction; an application claimed again (a retry, a takeover after a crash) already has it and keeps it.
   */
  claim(owner: string, limit: number, now: number, leaseMs: number): StoredApplication[] {
    return this.db.transaction((): StoredApplication[] => {
      const rows = prepared(
          this.db,
        `UPDATE applications SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
                  WHERE seq IN (SELECT seq FROM applications WHERE stage = 'pending' AND next_attempt_at <= @now
                                AND (lease_until IS NULL OR lease_until < @now) ORDER BY next_attempt_at, seq LIMIT @limit)
                  RETURNING *`)
        .all({ owner, until: now + leaseMs, now, limit }) as ApplicationRow[];
      const sentAt = new Date(now);
      for (const row of rows) {
        if (rankOf(row.status as ApplicationStatus) >= rankOf('requests-sent')) continue;
        if (this.insertStatus(row.id, row.measure, 'requests-sent', sentAt)) row.status = 'requests-sent';
      }
      return rows.sort((a, b) => a.seq - b.seq).map(fromRow);
    }).immediate();
  }

  /** Extends a lease; false when it was lost (expired and taken over, or the application is done). */
  renewLease(id: string, owner: string, until: number): boolean {
    return prepared(this.db, `UPDATE applications SET lease_until = ? WHERE id = ? AND lease_owner = ? AND stage = 'pending'`).run(until, id, owner).changes > 0;
  }

  /** Gives the application back to the queue, due again at `nextAttemptAt` (the gateway could not be reached). */
  reschedule(id: string, owner: string, nextAttemptAt: number, error: string): void {
    prepared(
        this.db,
      `UPDATE applications SET lease_owner = NULL, lease_until = NULL, next_attempt_at = ?, last_error = ? WHERE id = ? AND lease_owner = ? AND stage = 'pending'`)
      .run(nextAttemptAt, error, id, owner);
  }

  /**
   * Stores the decision `make` computes from the grants history, if `owner` still holds the lease and nothing was
   * decided yet, after `facts-received` (unless a previous attempt recorded it already). `make` is the pure rules
   * call; it runs inside the transaction so the history it reads is current.
   */
  decide(id: string, owner: string, times: DecideTimes, make: (previousGrants: (measure: string, birthDates: readonly string[]) => PreviousGrant[]) => { decision: Decision; traceText: string; grants: readonly PreviousGrant[] }): DecideResult {
    return this.db.transaction((): DecideResult => {
      const row = prepared(this.db, 'SELECT measure, stage, lease_owner FROM applications WHERE id = ?').get(id) as { measure: string; stage: string; lease_owner: string | null } | undefined;
      if (row === undefined || row.stage !== 'pending') return 'already-decided';
      if (row.lease_owner !== owner) return 'lease-lost';
      const { decision, traceText, grants } = make((measure, birthDates) => this.previousGrants(measure, birthDates));
      const at = times.decidedAt;
      this.insertStatus(id, row.measure, 'facts-received', times.factsReceivedAt);
      prepared(this.db, 'INSERT INTO decisions (application_id, kind, decided_at, decision_json, trace_text) VALUES (?, ?, ?, ?, ?)').run(id, decision.kind, at.toISOString(), JSON.stringify(decision), traceText);
      const insertGrant = prepared(this.db, 'INSERT INTO grants (application_id, measure, child_birth_date, grant_json) VALUES (?, ?, ?, ?)');
      for (const grant of grants) insertGrant.run(id, grant.measure, grant.child.birthDate, JSON.stringify(grant));
      prepared(this.db, `UPDATE applications SET stage = 'done', decision_kind = ?, lease_owner = NULL, lease_until = NULL, last_error = NULL WHERE id = ?`).run(decision.kind, id);
      this.insertStatus(id, row.measure, decision.kind === 'manual-review' ? 'manual-review' : 'decided', at, { kind: decision.kind });
      return 'decided';
    }).immediate();
  }

  /**
   * Marks notice files written, in one transaction, and appends `notified` (time `at`) for the decision notices.
   * Called only after the files are in place, so a crash in between rewrites the same files on the next run.
   */
  recordNoticesWritten(notices: readonly WrittenNotice[], at: Date): void {
    if (notices.length === 0) return;
    this.db.transaction(() => {
      for (const notice of notices) {
        this.outbox.markFileWritten(notice.outboxId, notice.fileName);
        if (isDecisionStatus(notice.status)) this.insertStatus(notice.applicationId, notice.measure, 'notified', at);
      }
    }).immediate();
  }

  /** How many applications are waiting to be processed (for /readyz). */
  pendingCount(): number {
    return (prepared(this.db, `SELECT count(*) AS n FROM applications WHERE stage = 'pending'`).get() as { n: number }).n;
  }

  private previousGrants(measure: string, birthDates: readonly string[]): PreviousGrant[] {
    if (birthDates.length === 0) return [];
    // One statement per number of children in an application: a handful in practice, so the cache stays small.
    const marks = birthDates.map(() => '?').join(', ');
    const rows = prepared(this.db, `SELECT grant_json FROM grants WHERE measure = ? AND child_birth_date IN (${marks})`).all(measure, ...birthDates) as { grant_json: string }[];
    return rows.map((r) => JSON.parse(r.grant_json) as PreviousGrant);
  }

  /**
   * Called inside a transaction: the history row, the shown status (never backwards) and the outbox row; false
   * when the status was reached before (nothing written then).
   */
  private insertStatus(id: string, measure: string, status: ApplicationStatus, at: Date, detail?: Record<string, unknown>): boolean {
    const inserted = prepared(this.db, 'INSERT OR IGNORE INTO status_history (application_id, status, at, detail_json) VALUES (?, ?, ?, ?)').run(id, status, at.toISOString(), json(detail)).changes > 0;
    if (!inserted) return false;
    prepared(this.db, SHOW_STATUS_SQL).run(status, id, rankOf(status));
    this.outbox.insert({ applicationId: id, measure, status, at, webhook: this.webhookEnabled, file: status !== 'notified' });
    return true;
  }
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function fromRow(row: ApplicationRow): StoredApplication {
  return {
    seq: row.seq,
    id: row.id,
    measure: row.measure,
    applicationDate: row.application_date,
    receivedAt: row.received_at,
    status: row.status as ApplicationStatus,
    stage: row.stage as 'pending' | 'done',
    decisionKind: (row.decision_kind ?? undefined) as Decision['kind'] | undefined,
    application: JSON.parse(row.application_json) as Application,
    contact: row.contact_json === null ? undefined : (JSON.parse(row.contact_json) as Contact),
    address: row.address_json === null ? undefined : (JSON.parse(row.address_json) as Dwelling),
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error ?? undefined,
  };
}
