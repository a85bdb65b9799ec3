/**
 * @module schema
 * The SQLite schema of the decision service. One file per data dir, WAL so readers (the API) never wait for the
 * worker's writes. `user_version` numbers the schema; a newer file than this code knows is refused rather than
 * half-understood.
 *
 * - applications: one row per application; `stage` is the processing state (pending → done), `status` the
 *   latest status shown to the applicant; `lease_owner`/`lease_until` is the claim a worker holds while it works.
 * - status_history: one row per (application, status) — a retried step keeps the time it first happened.
 * - decisions: at most one per application (primary key): the guarantee that nothing is decided twice.
 * - grants: what was granted, per beneficiary, for the birth gift's one-gift-per-child rule.
 * - idempotency_keys: Idempotency-Key → application, with a hash of the body the key was first used with.
 * - outbox: one notification per status change, written in the same transaction as the change (transactional
 *   outbox); the file writer and the webhook deliverer work from it.
 *
 * Version 2 replaced version 1's whole-column outbox indexes with partial ones; a version 1 file is migrated when
 * it is opened (its rows stay as they are).
 */
import type Database from 'better-sqlite3';

export const SCHEMA_VERSION = 2;

const DDL = `
CREATE TABLE IF NOT EXISTS applications (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  id               TEXT NOT NULL UNIQUE,
  measure          TEXT NOT NULL,
  application_date TEXT NOT NULL,
  received_at      TEXT NOT NULL,
  status           TEXT NOT NULL,
  stage            TEXT NOT NULL CHECK (stage IN ('pending', 'done')),
  decision_kind    TEXT,
  application_json TEXT NOT NULL,
  contact_json     TEXT,
  address_json     TEXT,
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  last_error       TEXT,
  lease_owner      TEXT,
  lease_until      INTEGER
);
CREATE INDEX IF NOT EXISTS applications_due ON applications (stage, next_attempt_at);
CREATE INDEX IF NOT EXISTS applications_list ON applications (status, measure, application_date);

CREATE TABLE IF NOT EXISTS status_history (
  application_id TEXT NOT NULL REFERENCES applications (id),
  status         TEXT NOT NULL,
  at             TEXT NOT NULL,
  detail_json    TEXT,
  PRIMARY KEY (application_id, status)
);

CREATE TABLE IF NOT EXISTS decisions (
  application_id TEXT PRIMARY KEY REFERENCES applications (id),
  kind           TEXT NOT NULL,
  decided_at     TEXT NOT NULL,
  decision_json  TEXT NOT NULL,
  trace_text     TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS grants (
  application_id   TEXT NOT NULL REFERENCES applications (id),
  measure          TEXT NOT NULL,
  child_birth_date TEXT NOT NULL,
  grant_json       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS grants_child ON grants (measure, child_birth_date);

CREATE TABLE IF NOT EXISTS idempotency_keys (
  key            TEXT PRIMARY KEY,
  body_sha256    TEXT NOT NULL,
  application_id TEXT NOT NULL REFERENCES applications (id),
  created_at     TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS outbox (
  seq                INTEGER PRIMARY KEY AUTOINCREMENT,
  id                 TEXT NOT NULL UNIQUE,
  application_id     TEXT NOT NULL REFERENCES applications (id),
  status             TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  payload_json       TEXT NOT NULL,
  file_state         TEXT NOT NULL CHECK (file_state IN ('pending', 'written', 'none')),
  file_name          TEXT,
  webhook_state      TEXT NOT NULL CHECK (webhook_state IN ('pending', 'delivered', 'failed', 'none')),
  webhook_attempts   INTEGER NOT NULL DEFAULT 0,
  webhook_next_at    INTEGER NOT NULL DEFAULT 0,
  webhook_last_error TEXT,
  delivered_at       TEXT
);
-- Partial: only the rows still to do (or failed for good) are in them, so they stay small however long the outbox
-- grows, an outbox without a webhook never touches the webhook ones, and /readyz counts from them.
CREATE INDEX IF NOT EXISTS outbox_files_pending ON outbox (seq) WHERE file_state = 'pending';
CREATE INDEX IF NOT EXISTS outbox_webhook_pending ON outbox (webhook_next_at, seq) WHERE webhook_state = 'pending';
CREATE INDEX IF NOT EXISTS outbox_webhook_failed ON outbox (seq) WHERE webhook_state = 'failed';
-- GET /v1/applications/:id lists an application's notifications; without this it read the whole outbox.
CREATE INDEX IF NOT EXISTS outbox_application ON outbox (application_id, seq);
`;

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`The decision store has schema version ${version}; this code knows up to ${SCHEMA_VERSION}`);
  }
  db.transaction(() => {
    // Version 1 indexed file_state and webhook_state whole: replaced by the partial indexes of the DDL.
    if (version === 1) db.exec('DROP INDEX IF EXISTS outbox_files; DROP INDEX IF EXISTS outbox_webhook;');
    db.exec(DDL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
