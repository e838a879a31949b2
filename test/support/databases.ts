import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withPostgresUser } from '../../src/db/database';
import { describe } from 'vitest';

export const postgresUrl = process.env.DATABASE_URL_TEST ?? 'postgres://127.0.0.1:5432/test';
const requirePostgres = process.env.LINTAS_REQUIRE_PG === '1';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: withPostgresUser(postgresUrl), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const postgresAvailable = await postgresAnswers();
if (!postgresAvailable) {
  if (requirePostgres) throw new Error(`LINTAS_REQUIRE_PG=1 but PostgreSQL at ${postgresUrl} did not answer`);
  console.warn(`PostgreSQL at ${postgresUrl} did not answer: its tests are SKIPPED (set DATABASE_URL_TEST, or LINTAS_REQUIRE_PG=1 to fail instead).`);
}

export type DatabaseKind = 'sqlite' | 'postgres';

/** A fresh, empty database URL of the given kind: a temporary SQLite file, or a new PostgreSQL schema. */
export async function freshDatabaseUrl(kind: DatabaseKind): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-test-'));
    return { url: `sqlite:${path.join(dir, 'lintas.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: withPostgresUser(postgresUrl) });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: withPostgresUser(postgresUrl) });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** Runs a suite once on SQLite and once on PostgreSQL (skipped, with a clear line, when PostgreSQL is absent). */
export function describeEachDatabase(name: string, suite: (kind: DatabaseKind) => void) {
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  describe.skipIf(!postgresAvailable)(`${name} [postgres]`, () => suite('postgres'));
}
