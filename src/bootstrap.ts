import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from './config';
import type { AppContext } from './context';
import { type DatabaseHandle, openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { ensureCriteriaSets } from './modules/agencies/oversight';
import { ensureAgreementReferenceData } from './modules/agreements/service';
import { type BackgroundRebuild, type EnsureSearchIndexOptions, ensureSearchIndex } from './modules/search/service';

async function loadPinKey(handle: DatabaseHandle, config: Config): Promise<Buffer> {
  if (config.secret) return createHash('sha256').update(config.secret).digest();
  const existing = await handle.db.selectFrom('settings').select('value').where('key', '=', 'pin_key').executeTakeFirst();
  if (existing) return Buffer.from(existing.value, 'hex');
  const key = randomBytes(32).toString('hex');
  await handle.db.insertInto('settings').values({ key: 'pin_key', value: key }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const stored = await handle.db.selectFrom('settings').select('value').where('key', '=', 'pin_key').executeTakeFirstOrThrow();
  return Buffer.from(stored.value, 'hex');
}

export interface OpenOptions {
  /**
   * Hears about a rebuild of the search index at start (a new ICU version or index format), which can take minutes;
   * `background: true` (the server) opens at once and rebuilds meanwhile, stopped by `handle.close()`.
   */
  search?: EnsureSearchIndexOptions;
  /**
   * False leaves a missing or stale search index as it is (searches see what is indexed): only for tools that do
   * not search, such as the dashboard and export benchmarks on a database whose index is still to be built.
   */
  searchIndex?: boolean;
}

/** Opens the database, brings its schema up to date and returns the context every service takes. */
export async function openContext(
  config: Config,
  options: OpenOptions = {},
): Promise<{ ctx: AppContext; handle: DatabaseHandle; applied: string[]; searchRebuild: BackgroundRebuild | null }> {
  const handle = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(handle.db);
    if (handle.dialect === 'sqlite') {
      // The query planner needs statistics to pick the right index for each list filter at a million rows.
      // analysis_limit keeps ANALYZE to seconds on a large file; after a migration every index is measured anew.
      await sql`PRAGMA analysis_limit = 1000`.execute(handle.db);
      await (applied.length > 0 ? sql`ANALYZE` : sql`PRAGMA optimize = 0x10002`).execute(handle.db);
    }
    // Word segmentation depends on ICU: an index built by another ICU (or format) is rebuilt.
    const searchRebuild = options.searchIndex === false ? null : await ensureSearchIndex(handle.db, options.search);
    if (searchRebuild) {
      // Closing stops a rebuild still going on (after the page it writes); the next start resumes it.
      const close = handle.close.bind(handle);
      handle.close = async () => {
        await searchRebuild.stop();
        await close();
      };
    }
    await ensureAgreementReferenceData(handle.db);
    await ensureCriteriaSets(handle.db);
    const pinKey = await loadPinKey(handle, config);
    return { ctx: { db: handle.db, dialect: handle.dialect, openReader: handle.openReader, config, pinKey, outboxWritten: () => undefined }, handle, applied, searchRebuild };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
