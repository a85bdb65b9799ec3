/**
 * @module statements
 * Prepared statements, one per SQL text and database. Preparing parses and plans the SQL every time (3.7% of the
 * stack's CPU when the store prepared on every call, BENCHMARKS.md "Decisions end to end"); a better-sqlite3
 * statement is reusable as long as it is not iterated concurrently, which the store never does (only run/get/all).
 * The cache is per database so the application and outbox stores, which share one connection, share it too.
 */
import type Database from 'better-sqlite3';

export type Statement = Database.Statement<unknown[], unknown>;

const caches = new WeakMap<Database.Database, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, prepared on first use. SQL texts must be from a bounded set. */
export function prepared(db: Database.Database, sql: string): Statement {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
