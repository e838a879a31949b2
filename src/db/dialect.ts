import { type Kysely, PostgresAdapter } from 'kysely';

/** True when the Kysely instance talks to PostgreSQL (otherwise it is SQLite). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
