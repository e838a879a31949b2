import { type Expression, type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

/** True when the Kysely instance talks to PostgreSQL (otherwise it is SQLite). */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Whole calendar days (UTC) from the date of `from` to the date of `to` (ISO timestamps): the same number on both
 * databases, and the same as `calendarDaysBetween` (src/lib/time.ts).
 */
export function daysBetweenSql(db: Kysely<any>, from: Expression<unknown>, to: Expression<unknown>): RawBuilder<number> {
  return isPostgres(db)
    ? sql<number>`(substr(${to}::text, 1, 10)::date - substr(${from}::text, 1, 10)::date)`
    : sql<number>`cast(julianday(substr(${to}, 1, 10)) - julianday(substr(${from}, 1, 10)) as integer)`;
}
