import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { Database } from '../../db/schema';
import { startDocumentBuilder } from './builder';
import { buildSearchDocument, type SearchableComplaint, type SearchDocument } from './document';
import { type Highlight, highlightComplaint } from './highlight';
import { searchIndexVersion } from './normalise';
import { planSearch, type SearchPlan } from './query';
import {
  clearSearchIndex,
  createPostgresSearchIndexes,
  dropPostgresSearchIndexes,
  defaultRecentWindow,
  countComplaints,
  countIndexed,
  deleteSearchDocuments,
  findSubstringMatches,
  findWordMatches,
  insertSearchDocuments,
  loadHighlightSources,
  loadRebuildPage,
  prepareBulkIndexing,
  type SearchHit,
} from './repository';

const versionKey = 'search_index_version';

/** Indexes newly written complaints. Call inside the transaction that writes them. */
export async function indexComplaints(trx: Kysely<Database>, complaints: SearchableComplaint[]): Promise<void> {
  await insertSearchDocuments(trx, complaints.map(buildSearchDocument));
}

/** Indexes complaints again after their narrative, names or respondents changed. Call inside the transaction. */
export async function reindexComplaints(trx: Kysely<Database>, complaintIds: string[]): Promise<void> {
  await deleteSearchDocuments(trx, complaintIds);
  const sources = await loadHighlightSources(trx, complaintIds);
  await indexComplaints(trx, [...sources.values()]);
}

/** The index version this build of Lintas writes on this database (format and ICU version). */
const indexVersion = (db: Kysely<Database>) => searchIndexVersion(isPostgres(db) ? 'postgres' : 'sqlite');

async function readSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

async function writeSetting(db: Kysely<Database>, key: string, value: string) {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** Marks the index as needing a rebuild: the next start (or `ensureSearchIndex`) rebuilds it. */
export async function markSearchIndexStale(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', versionKey).execute();
}

const rebuildingKey = 'search_index_rebuilding';

/** How far a rebuild under way has come, by database (none when the index is complete). */
const rebuilds = new WeakMap<Kysely<Database>, { indexed: number; total: number }>();

/**
 * While the index is being rebuilt: how many complaints it holds of how many. Searches meanwhile find only what is
 * indexed (the list says so); null when the index is complete.
 */
export function searchIndexProgress(db: Kysely<Database>): { indexed: number; total: number } | null {
  const progress = rebuilds.get(db);
  return progress ? { ...progress } : null;
}

/**
 * Rebuilds the whole index, in pages of `batchSize` complaints in received order, each page one transaction;
 * `onProgress` hears how many are done of how many. The entries of the next page are built (in a child process, see
 * `startDocumentBuilder`) while those of the page before are written. Complaints indexed meanwhile by their own
 * writes (intake, an edit) are not indexed twice. `resume` carries on a rebuild that was stopped, keeping what it
 * wrote; `signal` stops it between pages (the next start resumes it). Returns how many complaints are indexed.
 */
export async function rebuildSearchIndex(
  db: Kysely<Database>,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void; resume?: boolean; signal?: AbortSignal } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 2000;
  const version = indexVersion(db);
  if (!options.resume) {
    await clearSearchIndex(db);
    if (isPostgres(db)) await dropPostgresSearchIndexes(db);
    await db.deleteFrom('settings').where('key', '=', versionKey).execute();
    await writeSetting(db, rebuildingKey, version);
  }
  const progress = { indexed: await countIndexed(db), total: await countComplaints(db) };
  rebuilds.set(db, progress);
  const report = () => options.onProgress?.(progress.indexed, Math.max(progress.total, progress.indexed));
  report();
  const builder = startDocumentBuilder();
  const restoreSettings = await prepareBulkIndexing(db);
  let finished = false;
  try {
    let after: { receivedAt: string; id: string } | null = null;
    let building: Promise<SearchDocument[]> | null = null;
    let end = false;
    for (;;) {
      // The next page of complaints not indexed yet (after a resume, whole pages may be indexed already).
      let page: SearchableComplaint[] = [];
      while (page.length === 0 && !end && !options.signal?.aborted) {
        const loaded = await loadRebuildPage(db, after, batchSize);
        page = loaded.complaints;
        after = loaded.next;
        end = !loaded.next;
      }
      const built = building;
      building = page.length > 0 ? builder.build(page) : null;
      if (built) {
        const documents = await built;
        await db.transaction().execute(async (trx) => {
          progress.indexed += await insertSearchDocuments(trx, documents, { skipIndexed: true });
        });
        report();
      }
      if (!building) break;
      // Give timers and requests a turn: SQLite calls are synchronous.
      await new Promise((resolve) => setImmediate(resolve));
    }
    finished = !options.signal?.aborted;
  } finally {
    builder.stop();
    await restoreSettings();
  }
  // Stopped: the index stays incomplete (and says so) until the next start resumes the rebuild.
  if (!finished) return progress.indexed;
  if (isPostgres(db)) {
    // More memory for building the GIN indexes than the server's default for maintenance (64 MB), for this once.
    await db.transaction().execute(async (trx) => {
      await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
      await createPostgresSearchIndexes(trx);
    });
  }
  await writeSetting(db, versionKey, version);
  await db.deleteFrom('settings').where('key', '=', rebuildingKey).execute();
  rebuilds.delete(db);
  return progress.indexed;
}

/** A rebuild of the index going on in the background (see `ensureSearchIndex`). */
export interface BackgroundRebuild {
  /** Settles when the rebuild is done (or stopped); rejects when it failed. */
  finished: Promise<number>;
  /** Stops the rebuild after the page being written; the next start resumes it. */
  stop(): Promise<void>;
}

export interface EnsureSearchIndexOptions {
  /** Hears that a rebuild starts, and of how many complaints (a new ICU or index format, or an index never built). */
  onRebuild?: (total: number) => void;
  onProgress?: (done: number, total: number) => void;
  /** True returns at once and rebuilds in the background (`lintas start`): searches find what is indexed so far. */
  background?: boolean;
  /** Hears why a background rebuild failed (it is tried again at the next start). */
  onError?: (error: unknown) => void;
  batchSize?: number;
}

/**
 * Rebuilds the index when it was built by another format or ICU version (segmentation depends on ICU's
 * dictionaries), or never built, resuming a rebuild that was stopped for the same version; returns the rebuild
 * (already finished unless `background`), or null when the index was up to date.
 */
export async function ensureSearchIndex(db: Kysely<Database>, options: EnsureSearchIndexOptions = {}): Promise<BackgroundRebuild | null> {
  const current = indexVersion(db);
  if ((await readSetting(db, versionKey)) === current) return null;
  const total = await countComplaints(db);
  if (total === 0) {
    await writeSetting(db, versionKey, current);
    await db.deleteFrom('settings').where('key', '=', rebuildingKey).execute();
    return null;
  }
  const resume = (await readSetting(db, rebuildingKey)) === current;
  options.onRebuild?.(total);
  const controller = new AbortController();
  const finished = rebuildSearchIndex(db, { onProgress: options.onProgress, resume, signal: controller.signal, batchSize: options.batchSize });
  const rebuild: BackgroundRebuild = {
    finished,
    stop: async () => {
      controller.abort();
      await finished.catch(() => undefined);
    },
  };
  if (options.background) finished.catch((error) => options.onError?.(error));
  else await finished;
  return rebuild;
}

export interface RankedSearch {
  plan: SearchPlan;
  /**
   * Complaint ids, best first: for a query of several words, names holding them in order or sounding like them;
   * then matches on words (and their beginnings) by relevance; then matches only inside words, newest first; then
   * names that sound like the Latin words of the query, by relevance.
   */
  complaintIds: string[];
}

const byRelevance = (hits: SearchHit[]) =>
  hits
    .map((hit, order) => ({ hit, order }))
    .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
    .map(({ hit }) => hit.complaintId);

/**
 * Searches one organisation's complaints. Only the `candidates` most recently indexed matches of each kind are
 * ranked (300: six pages; at 1,000 a common word cost three times as much, bench/search.ts): enough for a person
 * to look through, and it keeps a common word from ranking a million complaints. `recentWindow` (PostgreSQL): see
 * `defaultRecentWindow`; the answer is the same whatever it is, only the time differs.
 */
export async function searchComplaints(
  db: Kysely<Database>,
  organisationId: string,
  query: string,
  { candidates = 300, recentWindow = defaultRecentWindow }: { candidates?: number; recentWindow?: number } = {},
): Promise<RankedSearch> {
  const plan = planSearch(query);
  const complaintIds: string[] = [];
  const seen = new Set<string>();
  const add = (ids: string[]) => {
    for (const id of ids) {
      if (complaintIds.length >= candidates) return;
      if (!seen.has(id)) {
        seen.add(id);
        complaintIds.push(id);
      }
    }
  };
  const tiers: Array<() => Promise<string[]>> = [
    async () => (plan.tokens.length > 1 ? byRelevance(await findWordMatches(db, organisationId, plan, candidates, 'names', recentWindow)) : []),
    async () => byRelevance(await findWordMatches(db, organisationId, plan, candidates, 'words', recentWindow)),
    async () => (await findSubstringMatches(db, organisationId, plan, candidates, recentWindow)).map((hit) => hit.complaintId),
    async () => (plan.spellingKey ? byRelevance(await findWordMatches(db, organisationId, plan, candidates, 'spelling', recentWindow)) : []),
  ];
  if (isPostgres(db)) {
    // Each query is a round trip to the server: ask them all at once on the pool's connections.
    for (const ids of await Promise.all(tiers.map((tier) => tier()))) add(ids);
  } else {
    // SQLite answers in-process: stop as soon as enough are found.
    for (const tier of tiers) if (complaintIds.length < candidates) add(await tier());
  }
  return { plan, complaintIds };
}

/** The highlights of a page of results, by complaint id (see `highlightComplaint` for what `personalData` allows). */
export async function highlightResults(db: Kysely<Database>, plan: SearchPlan, complaintIds: string[], personalData: boolean): Promise<Map<string, Highlight[]>> {
  const sources = await loadHighlightSources(db, complaintIds);
  return new Map(complaintIds.map((id) => [id, sources.has(id) ? highlightComplaint(sources.get(id)!, plan, personalData) : []]));
}
