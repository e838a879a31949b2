import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../../test/support/databases';
import { openDatabase, withPostgresUser } from './database';
import { disposableDatabase, postgresTestUrl } from './disposable';
import { migrateToLatest } from './migrate';

describe.skipIf(!postgresAvailable)('the PostgreSQL introspector Lintas migrates with', () => {
  let database: Awaited<ReturnType<typeof disposableDatabase>>;
  let handle: ReturnType<typeof openDatabase>;

  beforeAll(async () => {
    database = await disposableDatabase('postgres', 'introspect');
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  it("describes the current schema's tables as Kysely's own introspector does", async () => {
    const schema = new URL(database.url).searchParams.get('schema')!;
    const pool = new pg.Pool({ connectionString: withPostgresUser(postgresTestUrl), max: 1 });
    const kyselys = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    try {
      const theirs = (await kyselys.introspection.getTables({ withInternalKyselyTables: true })).filter((table) => table.schema === schema);
      const ours = await handle.db.introspection.getTables({ withInternalKyselyTables: true });
      expect(ours.length).toBeGreaterThan(10);
      expect(ours.map((table) => table.name)).toContain('lintas_migrations');
      const shape = (tables: typeof ours) =>
        tables
          .map((table) => ({ ...table, columns: table.columns.map(({ comment: _, ...column }) => column) }))
          .sort((a, b) => a.name.localeCompare(b.name));
      expect(shape(ours)).toEqual(shape(theirs));
    } finally {
      await kyselys.destroy();
    }
  });

  it('migrates while other schemas on the same server are created and dropped', async () => {
    // Kysely's introspector reads every schema and failed ("schema … does not exist") when one went away mid-query.
    const churn = new pg.Client({ connectionString: withPostgresUser(postgresTestUrl) });
    await churn.connect();
    let stop = false;
    let churned = 0;
    const churning = (async () => {
      while (!stop) {
        const name = `introspect_churn_${process.pid}_${churned++}`;
        await churn.query(`create schema ${name}; create table ${name}.t (id serial primary key, note text)`);
        await churn.query(`drop schema ${name} cascade`);
      }
    })();
    try {
      for (let i = 0; i < 40; i += 1) expect(await migrateToLatest(handle.db)).toEqual([]);
    } finally {
      stop = true;
      await churning;
      await churn.end();
    }
    expect(churned).toBeGreaterThan(5);
  });
});
