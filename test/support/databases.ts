import { describe } from 'vitest';
import { disposableDatabase, postgresAnswers, postgresTestUrl } from '../../src/db/disposable';

export const postgresUrl = postgresTestUrl;
const requirePostgres = process.env.LINTAS_REQUIRE_PG === '1';

export const postgresAvailable = await postgresAnswers();
if (!postgresAvailable) {
  if (requirePostgres) throw new Error(`LINTAS_REQUIRE_PG=1 but PostgreSQL at ${postgresUrl} did not answer`);
  console.warn(`PostgreSQL at ${postgresUrl} did not answer: its tests are SKIPPED (set DATABASE_URL_TEST, or LINTAS_REQUIRE_PG=1 to fail instead).`);
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** A fresh, empty database URL of the given kind: a temporary SQLite file, or a new PostgreSQL schema. */
export const freshDatabaseUrl = (kind: DatabaseKind) => disposableDatabase(kind, 'test');

/** Runs a suite once on SQLite and once on PostgreSQL (skipped, with a clear line, when PostgreSQL is absent). */
export function describeEachDatabase(name: string, suite: (kind: DatabaseKind) => void) {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  describe.skipIf(!postgresAvailable)(`${name} [postgres]`, () => suite('postgres'));
}
