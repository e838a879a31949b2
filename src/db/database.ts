import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { CurrentSchemaPostgresDialect } from './current-schema-introspector';
import type { Database } from './schema';

export type DialectName = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** For SQLite: the file path; for PostgreSQL: the URL without password. Never contains secrets. */
  location: string;
  /**
   * A connection for one long read (an export) and a function to release it. SQLite: a read-only connection of its
   * own with a small page cache, so that reading a million rows neither grows the main connection's cache nor holds
   * it (WAL lets it read while the main connection writes). PostgreSQL: the pool.
   */
  openReader(): { db: Kysely<Database>; close(): Promise<void> };
  close(): Promise<void>;
}

// PostgreSQL returns BIGINT and COUNT(*) as strings; every Lintas number fits in a JS number (money is in
// minor units, far below 2^53), so parse them once here.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * Opens the database a DATABASE_URL names: `sqlite:PATH` (embedded, one file) or `postgres://…`.
 * A `schema` query parameter on a PostgreSQL URL sets the search_path (the tests use one schema each).
 */
export function openDatabase(url: string): DatabaseHandle {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length));
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}

function openSqlite(file: string): DatabaseHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const connection = new SQLite(file);
  // WAL lets readers go on while one writer commits; synchronous=FULL fsyncs the WAL on every commit, so a
  // transaction that returned is on disk even if the power fails right after (NORMAL could lose it).
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('cache_size = -65536');
  // temp_store stays at its default (a file, written only when a sort outgrows the cache): with MEMORY, the
  // dashboard's GROUP BYs over a year of every organisation sorted 1.3–2× slower (byCorridor p50 172 → 128 ms,
  // time to first action 105 → 52 ms at a million; bench/dashboard.ts).
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    openReader: () => {
      // An in-memory database is private to its connection: read it through the main one.
      if (file === ':memory:') return { db, close: async () => {} };
      const reader = new SQLite(file, { readonly: true });
      reader.pragma('busy_timeout = 5000');
      reader.pragma('cache_size = -8192');
      const readerDb = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(reader, 20) }) });
      return { db: readerDb, close: () => readerDb.destroy() };
    },
    close: () => db.destroy(),
  };
}

/** A connection string with a user name: without one, PGUSER or the operating-system user, as psql does. */
export function withPostgresUser(url: string): string {
  const parsed = new URL(url);
  if (!parsed.username) parsed.username = process.env.PGUSER || os.userInfo().username;
  return parsed.toString();
}

/**
 * Kysely prepares every query anew; preparing is a good part of the cost of a small SQLite query, so keep the
 * most recently used statements. Kysely's SQLite driver runs one query at a time on its one connection, so a
 * cached statement is never in use twice at once.
 */
function withStatementCache(connection: SQLite.Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // move to the most recent end
      } else {
        statement = connection.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement as never;
    },
  };
}

function openPostgres(url: string): DatabaseHandle {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  const pool = new pg.Pool({
    connectionString: withPostgresUser(parsed.toString()),
    max: 20,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  parsed.password = '';
  return {
    db,
    dialect: 'postgres',
    location: parsed.toString(),
    openReader: () => ({ db, close: async () => {} }),
    close: () => db.destroy(),
  };
}
