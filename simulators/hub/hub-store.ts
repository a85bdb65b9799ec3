/**
 * @module hub-store
 * The durable state of the hub in SQLite (better-sqlite3): messages and their queues, status history, status
 * queues, paused providers. Every operation that changes more than one row runs in one transaction, so a process
 * killed at any instant leaves either the old state or the new one. WAL with synchronous=NORMAL survives a killed
 * process (only a power loss could cost the last transactions), which is what a simulator must promise.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AsyncSmevFault, InteractionStatus, SmevVersion } from '../../core/smev/envelope/index.ts';
import { STORE_SCHEMA } from './store-schema.ts';
import type {
  HistoryEntry,
  HistoryEvent,
  MessageKind,
  MessageState,
  NewMessage,
  QueueSummary,
  StatusNotice,
  StoredMessage,
  TypeFilter,
} from './store-model.ts';

type Row = Record<string, unknown>;

const str = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));

function toMessage(row: Row): StoredMessage {
  const optional = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> =>
    value === null || value === undefined ? {} : ({ [key]: String(value) } as Record<K, string>);
  return {
    seq: Number(row['seq']),
    messageId: String(row['message_id']),
    kind: row['kind'] as MessageKind,
    version: row['version'] as SmevVersion,
    sender: String(row['sender']),
    recipient: String(row['recipient']),
    typeNamespace: String(row['type_ns']),
    typeLocalName: String(row['type_local']),
    ...optional('originalMessageId', row['original_message_id']),
    ...optional('originalTransactionCode', row['original_transaction_code']),
    ...optional('referenceMessageId', row['reference_message_id']),
    ...optional('replyTo', row['reply_to']),
    dataXml: String(row['data_xml']),
    ...optional('signatureXml', row['signature_xml']),
    attachments: JSON.parse(String(row['attachments_json'])) as StoredMessage['attachments'],
    fsAttachments: JSON.parse(String(row['fs_attachments_json'])) as StoredMessage['fsAttachments'],
    sendingTimestamp: String(row['sending_timestamp']),
    state: row['state'] as MessageState,
    status: row['status'] as InteractionStatus,
    visibleAt: Number(row['visible_at']),
    deliveries: Number(row['deliveries']),
    ...optional('deliveredAt', row['delivered_at']),
    ...(row['ack_accepted'] === null || row['ack_accepted'] === undefined ? {} : { ackAccepted: Number(row['ack_accepted']) === 1 }),
  };
}

export interface TakeOptions {
  readonly owner: string;
  readonly kind: MessageKind;
  readonly version: SmevVersion;
  readonly type?: TypeFilter;
  readonly nowMs: number;
  readonly visibilityTimeoutMs: number;
  readonly at: string;
}

export class HubStore {
  readonly path: string;
  private readonly db: Database.Database;
  /** Prepared statements by SQL text: compiling a statement costs more than running it, and the hub runs the same dozen. */
  private readonly statements = new Map<string, Database.Statement>();
  /** One transaction wrapper for every `atomically` call (nested calls become savepoints, as with a fresh wrapper). */
  private readonly inTransaction: (fn: () => unknown) => unknown;

  private constructor(path: string) {
    this.path = path;
    this.db = new Database(path);
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(STORE_SCHEMA);
    this.inTransaction = this.db.transaction((fn: () => unknown) => fn());
  }

  /** `dataDir` absent → in memory. The directory is created if needed; the file is `hub.sqlite` inside it. */
  static open(dataDir: string | undefined): HubStore {
    if (dataDir === undefined) return new HubStore(':memory:');
    mkdirSync(dataDir, { recursive: true });
    return new HubStore(join(dataDir, 'hub.sqlite'));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The prepared statement for `sql`, compiled on first use. */
  private sql(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `fn` in one transaction. */
  atomically<T>(fn: () => T): T {
    return this.inTransaction(fn) as T;
  }

  insertMessage(message: NewMessage): void {
    this
      .sql(
        `INSERT INTO messages (message_id, kind, version, sender, recipient, type_ns, type_local, original_message_id,
           original_transaction_code, reference_message_id, reply_to, data_xml, signature_xml, attachments_json,
           fs_attachments_json, sending_timestamp, state, status)
         VALUES (@messageId, @kind, @version, @sender, @recipient, @typeNamespace, @typeLocalName, @originalMessageId,
           @originalTransactionCode, @referenceMessageId, @replyTo, @dataXml, @signatureXml, @attachments, @fsAttachments,
           @sendingTimestamp, @state, @status)`,
      )
      .run({
        originalMessageId: null,
        originalTransactionCode: null,
        referenceMessageId: null,
        replyTo: null,
        signatureXml: null,
        ...message,
        attachments: JSON.stringify(message.attachments),
        fsAttachments: JSON.stringify(message.fsAttachments),
      });
  }

  hasMessageId(messageId: string): boolean {
    return this.sql('SELECT 1 FROM messages WHERE message_id = ?').get(messageId) !== undefined;
  }

  findMessage(messageId: string): StoredMessage | undefined {
    const row = this.sql('SELECT * FROM messages WHERE message_id = ?').get(messageId) as Row | undefined;
    return row && toMessage(row);
  }

  findRequestByReplyTo(replyTo: string): StoredMessage | undefined {
    const row = this.sql(`SELECT * FROM messages WHERE reply_to = ? AND kind = 'request'`).get(replyTo) as Row | undefined;
    return row && toMessage(row);
  }

  /** Requests still waiting for their asynchronous XSD check (e.g. the process died before it ran). */
  listValidating(): StoredMessage[] {
    return (this.sql(`SELECT * FROM messages WHERE state = 'validating' ORDER BY seq`).all() as Row[]).map(toMessage);
  }

  setState(messageId: string, state: MessageState, status: InteractionStatus): void {
    this.sql('UPDATE messages SET state = ?, status = ? WHERE message_id = ?').run(state, status, messageId);
  }

  setStatus(messageId: string, status: InteractionStatus): void {
    this.sql('UPDATE messages SET status = ? WHERE message_id = ?').run(status, messageId);
  }

  /**
   * The oldest deliverable message of a queue, marked in flight until now + visibility timeout. Queued messages
   * and in-flight ones whose timeout has passed are both deliverable: that is the at-least-once promise.
   */
  takeNext(options: TakeOptions): StoredMessage | undefined {
    return this.atomically(() => {
      const typeClause = options.type ? 'AND type_ns = @ns AND type_local = @local' : '';
      const row = this
        .sql(
          `SELECT * FROM messages
           WHERE recipient = @owner AND kind = @kind AND version = @version
             AND (state = 'queued' OR (state = 'in-flight' AND visible_at <= @now)) ${typeClause}
           ORDER BY seq LIMIT 1`,
        )
        .get({ owner: options.owner, kind: options.kind, version: options.version, now: options.nowMs, ns: options.type?.namespaceUri ?? null, local: options.type?.localName ?? null }) as Row | undefined;
      if (!row) return undefined;
      this
        .sql(`UPDATE messages SET state = 'in-flight', visible_at = ?, deliveries = deliveries + 1, delivered_at = ? WHERE seq = ?`)
        .run(options.nowMs + options.visibilityTimeoutMs, options.at, row['seq']);
      return toMessage({ ...row, state: 'in-flight', deliveries: Number(row['deliveries']) + 1, delivered_at: options.at });
    });
  }

  /** The message `owner` may acknowledge under this id: handed to it and not yet acknowledged. */
  findAckable(owner: string, messageId: string): StoredMessage | undefined {
    const row = this
      .sql(`SELECT * FROM messages WHERE message_id = ? AND recipient = ? AND state = 'in-flight'`)
      .get(messageId, owner) as Row | undefined;
    return row && toMessage(row);
  }

  markAcked(messageId: string, accepted: boolean, status: InteractionStatus): void {
    this.sql(`UPDATE messages SET state = 'acked', ack_accepted = ?, status = ? WHERE message_id = ?`).run(accepted ? 1 : 0, status, messageId);
  }

  addHistory(messageId: string, entry: { at: string; event: HistoryEvent; status: InteractionStatus; party?: string; details?: string }): void {
    this
      .sql('INSERT INTO status_history (message_id, at, event, status, party, details) VALUES (?, ?, ?, ?, ?, ?)')
      .run(messageId, entry.at, entry.event, entry.status, entry.party ?? null, entry.details ?? null);
  }

  history(messageId: string): HistoryEntry[] {
    const rows = this.sql('SELECT * FROM status_history WHERE message_id = ? ORDER BY id').all(messageId) as Row[];
    return rows.map((row) => ({
      at: String(row['at']),
      event: row['event'] as HistoryEvent,
      status: row['status'] as InteractionStatus,
      ...(str(row['party']) === undefined ? {} : { party: String(row['party']) }),
      ...(str(row['details']) === undefined ? {} : { details: String(row['details']) }),
    }));
  }

  pushStatus(notice: Omit<StatusNotice, 'id'>): void {
    this
      .sql('INSERT INTO status_queue (owner, version, original_message_id, status, details, fault_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(notice.owner, notice.version, notice.originalMessageId, notice.status, notice.details ?? null, notice.fault ? JSON.stringify(notice.fault) : null, notice.createdAt);
  }

  /** GetStatus reads destructively: a status notice is handed out once (see README, open questions). */
  takeStatus(owner: string, version: SmevVersion): StatusNotice | undefined {
    return this.atomically(() => {
      const row = this.sql('SELECT * FROM status_queue WHERE owner = ? AND version = ? AND taken = 0 ORDER BY id LIMIT 1').get(owner, version) as Row | undefined;
      if (!row) return undefined;
      this.sql('UPDATE status_queue SET taken = 1 WHERE id = ?').run(row['id']);
      return {
        id: Number(row['id']),
        owner: String(row['owner']),
        version: row['version'] as SmevVersion,
        originalMessageId: String(row['original_message_id']),
        status: row['status'] as InteractionStatus,
        ...(str(row['details']) === undefined ? {} : { details: String(row['details']) }),
        ...(str(row['fault_json']) === undefined ? {} : { fault: JSON.parse(String(row['fault_json'])) as AsyncSmevFault }),
        createdAt: String(row['created_at']),
      };
    });
  }

  queues(nowMs: number): QueueSummary[] {
    const rows = this
      .sql(
        `SELECT recipient AS owner, kind, COUNT(*) AS depth,
                SUM(CASE WHEN state = 'in-flight' AND visible_at > ? THEN 1 ELSE 0 END) AS in_flight
         FROM messages WHERE state IN ('queued', 'in-flight') GROUP BY recipient, kind ORDER BY recipient, kind`,
      )
      .all(nowMs) as Row[];
    const statusRows = this
      .sql(`SELECT owner, COUNT(*) AS depth FROM status_queue WHERE taken = 0 GROUP BY owner ORDER BY owner`)
      .all() as Row[];
    return [
      ...rows.map((r) => ({ owner: String(r['owner']), kind: r['kind'] as MessageKind, depth: Number(r['depth']), inFlight: Number(r['in_flight']) })),
      ...statusRows.map((r) => ({ owner: String(r['owner']), kind: 'status' as const, depth: Number(r['depth']), inFlight: 0 })),
    ];
  }

  /** Removes waiting and in-flight messages (and untaken status notices) of the matching queues; returns their ids. */
  purge(filter: { owner?: string; kind?: MessageKind | 'status' }): { messageIds: string[]; statusNotices: number } {
    return this.atomically(() => {
      let messageIds: string[] = [];
      if (filter.kind !== 'status') {
        const rows = this
          .sql(
            `SELECT message_id FROM messages WHERE state IN ('queued', 'in-flight', 'validating')
             AND (@owner IS NULL OR recipient = @owner) AND (@kind IS NULL OR kind = @kind)`,
          )
          .all({ owner: filter.owner ?? null, kind: filter.kind ?? null }) as Row[];
        messageIds = rows.map((r) => String(r['message_id']));
        const update = this.sql(`UPDATE messages SET state = 'purged' WHERE message_id = ?`);
        for (const id of messageIds) update.run(id);
      }
      let statusNotices = 0;
      if (filter.kind === undefined || filter.kind === 'status') {
        statusNotices = this
          .sql('UPDATE status_queue SET taken = 1 WHERE taken = 0 AND (@owner IS NULL OR owner = @owner)')
          .run({ owner: filter.owner ?? null }).changes;
      }
      return { messageIds, statusNotices };
    });
  }

  setPaused(mnemonic: string, paused: boolean): void {
    if (paused) this.sql('INSERT OR IGNORE INTO paused_providers (mnemonic) VALUES (?)').run(mnemonic);
    else this.sql('DELETE FROM paused_providers WHERE mnemonic = ?').run(mnemonic);
  }

  isPaused(mnemonic: string): boolean {
    return this.sql('SELECT 1 FROM paused_providers WHERE mnemonic = ?').get(mnemonic) !== undefined;
  }

  pausedProviders(): string[] {
    return (this.sql('SELECT mnemonic FROM paused_providers ORDER BY mnemonic').all() as Row[]).map((r) => String(r['mnemonic']));
  }
}
