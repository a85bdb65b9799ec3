/**
 * @module store-schema
 * The hub's SQLite schema. One row per message (a message lives in exactly one queue: a request in its provider's
 * request queue, a response in its consumer's response queue), its status history, the per-sender status queues
 * and the paused providers. `CREATE … IF NOT EXISTS` so reopening a data directory is the same call as creating one.
 */
export const STORE_SCHEMA_VERSION = 1;

export const STORE_SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('request', 'response')),
  version TEXT NOT NULL,
  sender TEXT NOT NULL,
  recipient TEXT NOT NULL,
  type_ns TEXT NOT NULL,
  type_local TEXT NOT NULL,
  original_message_id TEXT,
  original_transaction_code TEXT,
  reference_message_id TEXT,
  reply_to TEXT UNIQUE,
  data_xml TEXT NOT NULL,
  signature_xml TEXT,
  attachments_json TEXT NOT NULL DEFAULT '[]',
  fs_attachments_json TEXT NOT NULL DEFAULT '[]',
  sending_timestamp TEXT NOT NULL,
  state TEXT NOT NULL,
  status TEXT NOT NULL,
  visible_at INTEGER NOT NULL DEFAULT 0,
  deliveries INTEGER NOT NULL DEFAULT 0,
  delivered_at TEXT,
  ack_accepted INTEGER
);
CREATE INDEX IF NOT EXISTS messages_queue ON messages (recipient, kind, state, seq);
CREATE TABLE IF NOT EXISTS status_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  message_id TEXT NOT NULL,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  status TEXT NOT NULL,
  party TEXT,
  details TEXT
);
CREATE INDEX IF NOT EXISTS status_history_message ON status_history (message_id, id);
CREATE TABLE IF NOT EXISTS status_queue (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner TEXT NOT NULL,
  version TEXT NOT NULL,
  original_message_id TEXT NOT NULL,
  status TEXT NOT NULL,
  details TEXT,
  fault_json TEXT,
  created_at TEXT NOT NULL,
  taken INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS status_queue_owner ON status_queue (owner, taken, id);
CREATE TABLE IF NOT EXISTS paused_providers (mnemonic TEXT PRIMARY KEY);
`;
