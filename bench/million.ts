// The large synthetic databases the benchmarks share: seeded once, then reused by every later run.
// SQLite: a file in bench/.data. PostgreSQL: a schema on the test server (DATABASE_URL_TEST).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Presets, SingleBar } from 'cli-progress';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { openContext } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { withPostgresUser } from '../src/db/database';
import { postgresTestUrl } from '../src/db/disposable';
import { isPostgres } from '../src/db/dialect';
import type { Database } from '../src/db/schema';
import { seedSynthetic } from '../src/modules/synthetic/seed-synthetic';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seed = 7;
/**
 * What the synthetic seed writes, as a number: a database seeded by an earlier one is seeded again (2: with
 * referrals). Recorded in the SQLite marker file and in PostgreSQL's bench_seed_complete table.
 */
const seedFormat = 2;
const seedMark = `seed format ${seedFormat}`;
const print = (line = '') => process.stdout.write(`${line}\n`);

/** The URL of the PostgreSQL schema holding `size` synthetic complaints (whether or not it is seeded yet). */
export function postgresMillionUrl(size: number): string {
  const url = new URL(postgresTestUrl);
  url.searchParams.set('schema', `bench_complaints_${size}_seed${seed}`);
  return url.toString();
}

async function onPostgres<T>(statement: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: withPostgresUser(postgresTestUrl) });
  await client.connect();
  try {
    return (await client.query(statement)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A database URL holding `size` synthetic complaints (seed 7, five years up to 1 November 2026), seeded on first
 * use with a progress bar and kept for later runs. 
 * A half-seeded database (an interrupted run), or one seeded by an earlier format of the seed, is thrown away and
 * seeded again.
 */
export async function millionComplaintDatabase(kind: 'sqlite' | 'postgres', size = 1_000_000, { searchIndex = true }: { searchIndex?: boolean } = {}): Promise<string> {
  let url: string;
  let complete: () => Promise<boolean>;
  let markComplete: () => Promise<void>;
  let discard: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = path.join(root, 'bench/.data');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `list-${size}-seed${seed}.db`);
    const marker = `${file}.complete`;
    url = `sqlite:${file}`;
    complete = async () => fs.existsSync(file) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').startsWith(seedMark);
    markComplete = async () => fs.writeFileSync(marker, `${seedMark}, ${new Date().toISOString()}`);
    discard = async () => {
      for (const leftover of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(leftover, { force: true });
    };
  } else {
    url = postgresMillionUrl(size);
    const schema = new URL(url).searchParams.get('schema')!;
    complete = async () => {
      const table = await onPostgres(`select 1 from pg_tables where schemaname = '${schema}' and tablename = 'bench_seed_complete'`);
      return table.length === 1 && (await onPostgres(`select 1 from ${schema}.bench_seed_complete where at like '${seedMark},%'`)).length === 1;
    };
    markComplete = async () => {
      await onPostgres(`create table ${schema}.bench_seed_complete (at text not null)`);
      await onPostgres(`insert into ${schema}.bench_seed_complete values ('${seedMark}, ${new Date().toISOString()}')`);
    };
    discard = async () => {
      await onPostgres(`drop schema if exists ${schema} cascade`);
      await onPostgres(`create schema ${schema}`);
    };
  }
  if (!(await complete())) {
    await discard();
    await seedDatabase(kind, url, size);
    await markComplete();
  }
  // Benchmarks that do not search may skip the index (and open their database with `searchIndex: false`).
  await bringUpToDate(url, size, { searchIndex });
  return url;
}

async function seedDatabase(kind: 'sqlite' | 'postgres', url: string, size: number) {
  print(`Seeding ${size.toLocaleString('en')} synthetic complaints on ${kind} (once; later runs reuse it)…`);
  const { ctx, handle } = await openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }));
  if (kind === 'sqlite') {
    // A benchmark's database, thrown away when a seeding run is interrupted: no need to wait for the disk.
    await sql`PRAGMA synchronous = OFF`.execute(ctx.db);
    // Complaints arrive in random order of their keys: with the whole database in cache, inserting into a dozen
    // indexes does not slow down as the file grows past the usual cache (it did, from 1,200 to 200 per second).
    await sql`PRAGMA cache_size = -4000000`.execute(ctx.db);
  }
  const bar = new SingleBar({ format: '  seeding [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}', noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 10_000 }, Presets.shades_classic);
  const started = performance.now();
  const deferred = await dropSecondaryIndexes(ctx.db);
  bar.start(size, 0);
  // Without the search index: it is built after, in one pass, as `lintas search reindex` does (bringUpToDate).
  await seedSynthetic(ctx, { count: size, seed, until: new Date('2026-11-01'), batchSize: 10_000, searchIndex: false, onProgress: (n) => bar.update(n) });
  bar.stop();
  print(`  creating ${deferred.length} indexes…`);
  if (kind === 'postgres') await sql`SET maintenance_work_mem = '1GB'`.execute(ctx.db);
  for (const index of deferred) await sql.raw(index.definition).execute(ctx.db);
  const seconds = (performance.now() - started) / 1000;
  print(`  seeded in ${seconds.toFixed(0)} s (${Math.round(size / seconds).toLocaleString('en')} complaints/s)`);
  // On PostgreSQL, VACUUM also sets the visibility map, so that covering indexes are read without the table.
  await (kind === 'postgres' ? sql`VACUUM ANALYZE` : sql`ANALYZE`).execute(ctx.db);
  await handle.close();
}

/** The tables a synthetic seed writes to. */
const seededTables = ['complaints', 'complaint_workers', 'complaint_respondents', 'complaint_grievances', 'complaint_events', 'complaint_outcomes', 'complaint_facts', 'audit_log'];

/**
 * Drops the seeded tables' secondary indexes and returns their definitions, to be created again once the rows are
 * in: a sorted build at the end is much faster than a million inserts at random places in each of them. Kept are
 * the primary keys and unique constraints, and the indexes that begin with complaint_id, which the seed's own
 * writes read through (the dashboard facts are computed from a complaint's rows).
 */
async function dropSecondaryIndexes(db: Kysely<Database>): Promise<Array<{ name: string; definition: string }>> {
  const tables = sql.join(seededTables);
  const indexes = isPostgres(db)
    ? await sql<{ name: string; definition: string }>`
        select ic.relname as name, pg_get_indexdef(x.indexrelid) as definition
        from pg_index x
        join pg_class ic on ic.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema() and t.relname in (${tables}) and not x.indisprimary
          and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
          and coalesce((select a.attname from pg_attribute a where a.attrelid = t.oid and a.attnum = x.indkey[0]), '') <> 'complaint_id'`.execute(db)
    : await sql<{ name: string; definition: string }>`
        select m.name, m.sql as definition from sqlite_master m
        where m.type = 'index' and m.sql is not null and m.tbl_name in (${tables})
          and (select i.name from pragma_index_info(m.name) i where i.seqno = 0) <> 'complaint_id'`.execute(db);
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
  return indexes.rows;
}

/**
 * Opens the database once so that new migrations are applied and, with `searchIndex`, a missing or stale search
 * index is built (as at start), timing the build: the full indexing rate of the search benchmark. An interrupted
 * build is resumed by the next run.
 */
async function bringUpToDate(url: string, size: number, { searchIndex }: { searchIndex: boolean }) {
  const bar = new SingleBar({ format: '  search index [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}', noTTYOutput: !process.stdout.isTTY, notTTYSchedule: 10_000 }, Presets.shades_classic);
  let started = 0;
  // A resumed build starts from what an interrupted one indexed: only the rest is timed.
  let resumedFrom = null as number | null;
  const { ctx, handle, applied } = await openContext(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), {
    searchIndex,
    search: {
      onRebuild: (total) => {
        print(`Building the search index of ${total.toLocaleString('en')} complaints…`);
        started = performance.now();
        bar.start(total, 0);
      },
      onProgress: (done) => {
        resumedFrom ??= done;
        bar.update(done);
      },
    },
  });
  if (started) {
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    const built = size - (resumedFrom ?? 0);
    const resumed = resumedFrom ? `, resumed at ${resumedFrom.toLocaleString('en')}` : '';
    print(`  search index: ${built.toLocaleString('en')} complaints indexed in ${seconds.toFixed(0)} s (${Math.round(built / seconds).toLocaleString('en')} complaints/s${resumed}; target ≥ 1,000/s)`);
    lastIndexBuild.set(url, { seconds, complaints: built, resumedFrom: resumedFrom ?? 0 });
  }
  if (started || applied.length > 0) {
    // New tables or indexes (a migration, the search index): statistics for the planner, and on PostgreSQL the
    // visibility map, so that covering indexes are read without the table.
    if (applied.length > 0) print(`  migrations applied: ${applied.join(', ')}`);
    await (isPostgres(ctx.db) ? sql`VACUUM ANALYZE` : sql`ANALYZE`).execute(ctx.db);
  }
  await handle.close();
}

/** The index builds timed in this run, by database URL (the search benchmark prints them). */
export const lastIndexBuild = new Map<string, { seconds: number; complaints: number; resumedFrom: number }>();
