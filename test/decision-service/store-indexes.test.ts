/**
 * The store's indexes: reads that run often (one application's notifications, the /readyz counts) go through an
 * index instead of scanning an outbox that grows by every status change; a version-1 store file is migrated to
 * the partial outbox indexes on open and keeps its rows; ids grow with time, so inserts append to the indexes.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { z } from 'zod';
import { parseIntake } from '../../decision/api/intake.ts';
import { DecisionStore } from '../../decision/store/decision-store.ts';
import { IN_MEMORY } from '../../decision/store/open-database.ts';
import { OUTBOX_COUNTS_SQL } from '../../decision/store/outbox-store.ts';
import { SCHEMA_VERSION } from '../../decision/store/schema.ts';
import { timeOrderedUuid } from '../../decision/store/time-ordered-id.ts';
import { family } from './family.ts';
import { tempDir } from './support.ts';

function planOf(store: DecisionStore, sql: string, ...args: unknown[]): string {
  return (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((row) => row.detail).join('; ');
}

function submitOne(store: DecisionStore, at = new Date('2026-11-16T10:00:00.000Z')): string {
  const intake = parseIntake(family(6_000_000).application, '2026-11-16');
  if (!intake.ok) throw new Error('the test application is invalid');
  return store.submit(intake.intake, at).id;
}

describe('the decision store indexes', () => {
  it("reads one application's notifications through an index, not by scanning the whole outbox", () => {
    const store = DecisionStore.open(IN_MEMORY, { webhookEnabled: true });
    try {
      const details = planOf(store, 'SELECT id, status FROM outbox WHERE application_id = ? ORDER BY seq', 'any');
      expect(details).toMatch(/USING INDEX outbox_application/);
      expect(details).not.toMatch(/^SCAN outbox/);
    } finally {
      store.close();
    }
  });

  it('counts pending files and pending or failed webhooks for /readyz from partial indexes, and counts right', () => {
    const store = DecisionStore.open(IN_MEMORY, { webhookEnabled: true });
    try {
      const details = planOf(store, OUTBOX_COUNTS_SQL);
      for (const index of ['outbox_files_pending', 'outbox_webhook_pending', 'outbox_webhook_failed']) expect(details).toMatch(new RegExp(`COVERING INDEX ${index}`));
      expect(details).not.toMatch(/SCAN outbox(;|$)/);
      const id = submitOne(store);
      const [entry] = store.outbox.forApplication(id);
      store.outbox.markFileWritten(entry!.id, 'a.eml');
      submitOne(store);
      store.outbox.markAttemptFailed(entry!.id, 'refused', undefined);
      expect(store.outbox.counts()).toEqual({ filesPending: 1, webhookPending: 1, webhookFailed: 1 });
    } finally {
      store.close();
    }
  });

  it('migrates a version-1 store file to the partial outbox indexes on open, keeping its rows', () => {
    const tmp = tempDir();
    try {
      const first = DecisionStore.open(tmp.dir, { webhookEnabled: false });
      const id = submitOne(first);
      first.close();
      // Put the file back as version 1 left it: whole-column outbox indexes, user_version 1.
      const raw = new Database(join(tmp.dir, 'decision.sqlite'));
      raw.exec(`DROP INDEX outbox_files_pending; DROP INDEX outbox_webhook_pending; DROP INDEX outbox_webhook_failed;
                CREATE INDEX outbox_files ON outbox (file_state, seq); CREATE INDEX outbox_webhook ON outbox (webhook_state, webhook_next_at);
                PRAGMA user_version = 1;`);
      raw.close();
      const reopened = DecisionStore.open(tmp.dir, { webhookEnabled: false });
      try {
        const indexes = (reopened.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);
        expect(indexes).toEqual(['outbox_application', 'outbox_files_pending', 'outbox_webhook_failed', 'outbox_webhook_pending']);
        expect(reopened.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        expect(reopened.timeline(id).map((t) => t.status)).toEqual(['received']);
        expect(reopened.outbox.counts().filesPending).toBe(1);
      } finally {
        reopened.close();
      }
    } finally {
      tmp.remove();
    }
  });
});

describe('store ids', () => {
  it('are RFC 9562 version-7 UUIDs that sort in the order they were made, millisecond by millisecond', () => {
    const ids = [0, 1, 2, 1_000, 86_400_000].map((offset) => timeOrderedUuid(Date.parse('2026-11-16T10:00:00.000Z') + offset));
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(z.uuid().safeParse(id).success).toBe(true);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.slice(0, 13)).toBe(Date.parse('2026-11-16T10:00:00.000Z').toString(16).padStart(12, '0').replace(/^(.{8})/, '$1-'));
    expect(new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(0))).size).toBe(1000);
  });

  it('name applications and notifications', () => {
    const store = DecisionStore.open(IN_MEMORY, { webhookEnabled: false });
    try {
      const id = submitOne(store);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      expect(store.outbox.forApplication(id)[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    } finally {
      store.close();
    }
  });
});
