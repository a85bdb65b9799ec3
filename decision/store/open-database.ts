/**
 * @module open-database
 * Opens (or creates) the store file under the data dir with WAL and a busy timeout, so a second process on the
 * same dir (a restarted service while the old one is still dying) waits for the lock instead of failing.
 * `:memory:` gives a private in-memory store for tests.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './schema.ts';

export const IN_MEMORY = ':memory:';

export function openDatabase(dataDir: string): Database.Database {
  let db: Database.Database;
  if (dataDir === IN_MEMORY) db = new Database(':memory:');
  else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, 'decision.sqlite'));
    db.pragma('journal_mode = WAL');
    // FULL: a decision acknowledged by the store survives a power cut, not only a process kill.
    db.pragma('synchronous = FULL');
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
