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
  deleteSearchDocuments,
  findSubstringMatches,
  findWordMatches,
  insertSearchDocuments,
  loadHighlightSources,
  loadSearchableComplaints,
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

async function recordedVersion(db: Kysely<Database>): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', versionKey).executeTakeFirst())?.value;
}

async function recordVersion(db: Kysely<Database>, version: string) {
  await db.insertInto('settings').values({ key: versionKey, value: version }).onConflict((oc) => oc.column('key').doUpdateSet({ value: version })).execute();
}

/** Marks the index as needing a rebuild: the next start (or `ensureSearchIndex`) rebuilds it. */
export async function markSearchIndexStale(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', versionKey).execute();
}

/**
 * Rebuilds the whole index, in pages of `batchSize` complaints in received order, each page one transaction;
 * `onProgress` hears how many are done of how many. Searches meanwhile see a partial index. The entries of the next
 * page are built (in a child process, see `startDocumentBuilder`) while those of the page before are written.
 */
export async function rebuildSearchIndex(
  db: Kysely<Database>,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 2000;
  const total = await countComplaints(db);
  await clearSearchIndex(db);
  if (isPostgres(db)) await dropPostgresSearchIndexes(db);
  let done = 0;
  options.onProgress?.(0, total);
  const builder = startDocumentBuilder();
  try {
    let after: { receivedAt: string; id: string } | null = null;
    let building: Promise<SearchDocument[]> | null = null;
    for (;;) {
      const page = await loadSearchableComplaints(db, after, batchSize);
      if (page.length > 0) {
        const last = page[page.length - 1];
        after = { receivedAt: last.receivedAt, id: last.complaint.id };
      }
      const built = building;
      building = page.length > 0 ? builder.build(page) : null;
      if (built) {
        const documents = await built;
        await db.transaction().execute((trx) => insertSearchDocuments(trx, documents));
        done += documents.length;
        options.onProgress?.(done, Math.max(total, done));
      }
      if (!building) break;
      // Give timers (a progress bar) a turn: SQLite calls are synchronous.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    builder.stop();
    if (isPostgres(db)) {
      // More memory for building the GIN indexes than the server's default for maintenance (64 MB), for this once.
      await db.transaction().execute(async (trx) => {
        await sql`set local maintenance_work_mem = '256MB'`.execute(trx);
        await createPostgresSearchIndexes(trx);
      });
    }
  }
  await recordVersion(db, searchIndexVersion());
  return done;
}

/**
 * Rebuilds the index when it was built by another format or ICU version (segmentation depends on ICU's
 * dictionaries), or never built; returns whether it did.
 */
export async function ensureSearchIndex(
  db: Kysely<Database>,
  options: { onRebuild?: (total: number) => void; onProgress?: (done: number, total: number) => void } = {},
): Promise<boolean> {
  const current = searchIndexVersion();
  const recorded = await recordedVersion(db);
  if (recorded === current) return false;
  const total = await countComplaints(db);
  if (total === 0) {
    await recordVersion(db, current);
    return false;
  }
  options.onRebuild?.(total);
  await rebuildSearchIndex(db, { onProgress: options.onProgress });
  return true;
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
