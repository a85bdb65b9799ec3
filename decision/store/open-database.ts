/**
 * @module open-database
 * Opens (or creates) the store file under the data dir with WAL and a busy timeout, so a second process on the
 * same dir (a restarted service while the old one is still dying) waits for the lock instead of failing.
 * `:memory:` gives a private in-memory store for tests.
 *
 * Durability (`DECISION_DB_SYNCHRONOUS`, decision/README.md "Store"): NORMAL (the default) syncs the WAL at
 * checkpoints only, so a committed transaction survives a killed or crashed process (the WAL is in the OS page
 * cache) but the last commits may be lost on a power cut or kernel crash; FULL syncs the WAL on every commit and
 * survives those too, at the price of an fsync per commit (11.8% of the stack's CPU in the decisions bench, measured
 * when every status change was a commit of its own).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema.ts';

export const IN_MEMORY = ':memory:';

export type DbSynchronous = 'FULL' | 'NORMAL';

export function openDatabase(dataDir: string, options: { synchronous: DbSynchronous } = { synchronous: 'NORMAL' }): Database.Database {
  let db: Database.Database;
  if (dataDir === IN_MEMORY) db = new Database(':memory:');
  else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, 'decision.sqlite'));
    db.pragma('journal_mode = WAL');
    // Only the two values documented above: OFF would lose commits on a process crash, EXTRA adds nothing here.
    db.pragma(`synchronous = ${options.synchronous}`);
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
