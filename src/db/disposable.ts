import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withPostgresUser } from './database';

/** Tests and benchmarks use this PostgreSQL server; DATABASE_URL_TEST overrides it. */
export const postgresTestUrl = process.env.DATABASE_URL_TEST ?? 'postgres://127.0.0.1:5432/test';

/** True when the PostgreSQL server answers within three seconds. */
export async function postgresAnswers(url = postgresTestUrl): Promise<boolean> {
  const client = new pg.Client({ connectionString: withPostgresUser(url), connectionTimeoutMillis: 3000 });
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

async function runOnServer(url: string, statement: string) {
  const client = new pg.Client({ connectionString: withPostgresUser(url) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for a test or a benchmark, and how to throw it away: a temporary SQLite file, or a new
 * schema on the PostgreSQL test server (the URL's `schema` parameter sets the search_path).
 */
export async function disposableDatabase(kind: 'sqlite' | 'postgres', label = 'test'): Promise<{ url: string; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lintas-${label}-`));
    return { url: `sqlite:${path.join(dir, 'lintas.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `${label}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await runOnServer(postgresTestUrl, `create schema ${schema}`);
  const url = new URL(postgresTestUrl);
  url.searchParams.set('schema', schema);
  return { url: url.toString(), drop: () => runOnServer(postgresTestUrl, `drop schema ${schema} cascade`) };
}
