import { type Expression, type Kysely, sql } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { Database } from '../../db/schema';
import { groupBy } from '../../lib/group';
import type { SearchableComplaint, SearchDocument } from './document';
import { fts5NameQuery, fts5SpellingQuery, fts5TrigramQuery, fts5WordQuery, postgresDocument, type SearchPlan, tsNameQuery, tsSpellingQuery, tsWordQuery } from './query';

// Multi-row inserts stay under SQLite's limit of bound parameters per statement.
const chunk = <T>(rows: T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
};

/** The token of an organisation in SQLite's word index (its `scope` column): letters and digits only, one word. */
export const scopeToken = (organisationId: string) => `o${organisationId.toLowerCase().replace(/[^0-9a-z]/g, '')}`;

// FNV-1a: a well-spread hash of an organisation's id, for the marks below.
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/**
 * The mark of an organisation at the head of every lexeme of its PostgreSQL documents (`postgresDocument`): `o`
 * and 7 letters or digits from a hash of its id. A query for one organisation's words asks for its lexemes only,
 * so GIN looks a word's beginning up among that organisation's words ("sdn":* at a Thai desk no longer gathers
 * every Malaysian complaint's "sdn bhd" first, 125 ms at a million, to AND them with the organisation after). Two
 * organisations sharing a mark (one chance in 10^10 a pair) would only cost time: the organisation is checked after.
 */
export const postgresScopePrefix = (organisationId: string): string => `o${fnv1a(organisationId).toString(36).padStart(7, '0')}`;

/**
 * The names of a PostgreSQL document (weight A: names and their Latin spellings, with their positions): the
 * expression of the index complaint_search_names (migration 0017), written the same way in the query so that the
 * planner uses it. A name's phrase is looked up there, among the few complaints naming both words, not among every
 * complaint using them in its narrative.
 */
export const postgresNamesVector = `ts_filter(document, '{a}')`;

/**
 * The organisation as one trigram in SQLite's trigram index (its `scope` column): three characters of the Private
 * Use Area (U+E000–U+F8FF), which text does not hold, from a hash of the id. Two organisations sharing one (about
 * one chance in 10^11 a pair) would only cost time: matches are still checked against complaint_search.
 */
export function scopeTrigram(organisationId: string): string {
  const hash = fnv1a(organisationId);
  const second = Math.imul(hash ^ 0x5bd1e995, 0x01000193) >>> 0;
  return String.fromCharCode(0xe000 + (hash % 6400), 0xe000 + ((hash >>> 13) % 6400), 0xe000 + (second % 6400));
}

/**
 * Adds complaints to the index; returns how many. Call inside the transaction that writes them. `skipIndexed`
 * leaves out complaints that are in the index already (a rebuild meets complaints indexed by their own writes).
 */
export async function insertSearchDocuments(trx: Kysely<Database>, documents: SearchDocument[], { skipIndexed = false } = {}): Promise<number> {
  if (skipIndexed && documents.length > 0) {
    const indexed = await indexedAmong(trx, documents.map((d) => d.complaintId));
    // On PostgreSQL a complaint indexed by a transaction still open is met by the unique key (ON CONFLICT below).
    documents = documents.filter((d) => !indexed.has(d.complaintId));
  }
  if (documents.length === 0) return 0;
  if (isPostgres(trx)) {
    // One statement of column arrays: a VALUES list of thousands of parameters cost more to parse and plan than
    // the entries to write. Rows keep their order (ordinality), so ids follow it as on SQLite.
    const column = (pick: (d: SearchDocument) => string) => documents.map(pick);
    await sql`
      insert into complaint_search (complaint_id, organisation_id, folded, document)
      select t.complaint_id, t.organisation_id, t.folded, t.document::tsvector
      from unnest(${column((d) => d.complaintId)}::text[], ${column((d) => d.organisationId)}::text[], ${column((d) => d.folded)}::text[],
        ${column((d) => postgresDocument(postgresScopePrefix(d.organisationId), d))}::text[])
        with ordinality as t(complaint_id, organisation_id, folded, document, n)
      order by t.n
      ${skipIndexed ? sql`on conflict (complaint_id) do nothing` : sql``}`.execute(trx);
    return documents.length;
  }
  // SQLite writes one transaction at a time, so the next ids can be taken here without a race.
  const last = await sql<{ id: number | null }>`select max(id) as id from complaint_search`.execute(trx);
  let id = Number(last.rows[0]?.id ?? 0);
  const rows = documents.map((document) => ({ id: (id += 1), document }));
  for (const part of chunk(rows, 2000)) {
    await sql`insert into complaint_search (id, complaint_id, organisation_id, folded) values ${sql.join(
      part.map(({ id, document: d }) => sql`(${id}, ${d.complaintId}, ${d.organisationId}, ${d.folded})`),
    )}`.execute(trx);
    await sql`insert into complaint_search_words (rowid, words, names, latin, keys, scope) values ${sql.join(
      part.map(({ id, document: d }) => sql`(${id}, ${d.words}, ${d.names}, ${d.latin}, ${d.keys}, ${scopeToken(d.organisationId)})`),
    )}`.execute(trx);
    await sql`insert into complaint_search_trigram (rowid, folded, scope) values ${sql.join(
      part.map(({ id, document: d }) => sql`(${id}, ${d.folded}, ${scopeTrigram(d.organisationId)})`),
    )}`.execute(trx);
  }
  return documents.length;
}

/** Removes complaints from the index (before indexing them again after an edit). Call inside a transaction. */
export async function deleteSearchDocuments(trx: Kysely<Database>, complaintIds: string[]): Promise<void> {
  if (complaintIds.length === 0) return;
  if (!isPostgres(trx)) {
    const rows = await trx.selectFrom('complaint_search').select('id').where('complaint_id', 'in', complaintIds).execute();
    const ids = rows.map((row) => row.id);
    if (ids.length) {
      await sql`delete from complaint_search_words where rowid in (${sql.join(ids)})`.execute(trx);
      await sql`delete from complaint_search_trigram where rowid in (${sql.join(ids)})`.execute(trx);
    }
  }
  await trx.deleteFrom('complaint_search').where('complaint_id', 'in', complaintIds).execute();
}

/**
 * PostgreSQL's full-text indexes of complaint_search: the GIN index of the words, and a trigram index of the folded
 * text when pg_trgm is installed and the database's LC_CTYPE is a UTF-8 locale (in a C ctype database pg_trgm
 * silently ignores Thai). Created by the search migration, and again after a rebuild (`rebuildSearchIndex` drops
 * them first: building a GIN index once is several times faster than keeping it up to date row by row).
 */
export async function createPostgresSearchIndexes(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists complaint_search_document on complaint_search using gin (document)`.execute(db);
  await sql`create index if not exists complaint_search_names on complaint_search using gin (${sql.raw(postgresNamesVector)})`.execute(db);
  await createPostgresTrigramIndex(db);
}

/** The first characters of an organisation's id: its scope in PostgreSQL's trigram index (see below). */
const trigramScope = (column: Expression<string>) => sql<string>`left(${column}, 8)`;

/**
 * PostgreSQL's trigram index of the folded text, with the organisation in it (pg_trgm answers = too), so that GIN
 * intersects the organisation with a query's parts inside the index: with a trigram index of the text alone,
 * PostgreSQL ANDed its bitmap with one of the organisation's rows and rechecked 180,000 rows for a Khmer word
 * common at other desks (1.2 s at a million). The organisation is its id's first 8 characters: the trigrams of a
 * whole id (34 of them, each in the posting lists of all the organisation's rows) cost 100 ms to intersect, those of
 * 8 characters 15 to 45 ms; the rare complaint of another organisation sharing them is left out after.
 */
async function createPostgresTrigramIndex(db: Kysely<any>): Promise<void> {
  const trigram = await sql<{ schema: string; ctype: string }>`
    select n.nspname as schema, d.datctype as ctype
    from pg_extension e join pg_namespace n on n.oid = e.extnamespace, pg_database d
    where e.extname = 'pg_trgm' and d.datname = current_database()`.execute(db);
  const found = trigram.rows[0];
  if (found && /utf-?8/i.test(found.ctype)) {
    const trigrams = sql.id(found.schema, 'gin_trgm_ops');
    await sql`create index if not exists complaint_search_folded_by_scope on complaint_search using gin ((${trigramScope(sql.ref('organisation_id'))}) ${trigrams}, folded ${trigrams})`.execute(db);
  }
}

/** Replaces the trigram index of index format 4's first version (the whole id) where it was built (migration 0018). */
export async function replaceScopedTrigramIndex(db: Kysely<any>): Promise<void> {
  const found = await sql`select 1 from pg_indexes where indexname = 'complaint_search_scoped_folded' and schemaname = current_schema()`.execute(db);
  if (found.rows.length === 0) return;
  await sql`drop index complaint_search_scoped_folded`.execute(db);
  await createPostgresTrigramIndex(db);
}

/** Drops PostgreSQL's full-text indexes before a rebuild (see `createPostgresSearchIndexes`). */
export async function dropPostgresSearchIndexes(db: Kysely<Database>): Promise<void> {
  await sql`drop index if exists complaint_search_document`.execute(db);
  await sql`drop index if exists complaint_search_names`.execute(db);
  await sql`drop index if exists complaint_search_folded_by_scope`.execute(db);
  await sql`drop index if exists complaint_search_scoped_folded`.execute(db); // before migration 0018
  await sql`drop index if exists complaint_search_folded`.execute(db); // before index format 4
}

/**
 * SQLite: settings for writing the whole index at once, and a function that puts them back. FTS5 merges its
 * segments as they pile up, and a merge deletes the pages of the segments it merged, reading each of them: with the
 * node's usual page cache (64 MB) those reads went to the file and a rebuild slowed from 1,700 to 400 complaints per
 * second as the index grew. A larger cache for the rebuild's duration, and merges of 16 segments instead of 4 (half
 * as many levels to rewrite), doubled the rate of a rebuild of 100,000 (bench/search.ts). After the rebuild FTS5
 * goes back to merging 4 at a time, a little with every write.
 */
export async function prepareBulkIndexing(db: Kysely<Database>): Promise<() => Promise<void>> {
  if (isPostgres(db)) return async () => undefined;
  const setMerge = async (segments: number) => {
    for (const table of ['complaint_search_words', 'complaint_search_trigram']) {
      // A literal: FTS5 refuses the number bound as a parameter (better-sqlite3 binds it as a real).
      await sql`insert into ${sql.id(table)} (${sql.id(table)}, rank) values ('automerge', ${sql.lit(Math.trunc(segments))})`.execute(db);
    }
  };
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  await sql`pragma cache_size = -524288`.execute(db);
  await setMerge(16);
  return async () => {
    await setMerge(4);
    await sql.raw(`pragma cache_size = ${Number(before.rows[0]?.cache_size ?? -65536)}`).execute(db);
  };
}

/** Empties the index (before a rebuild). */
export async function clearSearchIndex(db: Kysely<Database>): Promise<void> {
  if (isPostgres(db)) {
    await sql`truncate complaint_search`.execute(db);
    return;
  }
  await sql`insert into complaint_search_words (complaint_search_words) values ('delete-all')`.execute(db);
  await sql`insert into complaint_search_trigram (complaint_search_trigram) values ('delete-all')`.execute(db);
  await sql`delete from complaint_search`.execute(db);
}

/**
 * A page of a rebuild: the next `limit` complaints in received order after `after`, and of them, with what is
 * searched in them, those not in the index yet (after a resume, or indexed meanwhile by their own writes). The
 * page's ids are read first, from an index, so a resume passes over what it indexed before without reading texts;
 * indexed ones are asked by id, not by NOT EXISTS in the page's query, which PostgreSQL planned as a hash
 * anti-join over the whole index for every page. `next` is null after the last page.
 */
export async function loadRebuildPage(
  db: Kysely<Database>,
  after: { receivedAt: string; id: string } | null,
  limit: number,
): Promise<{ complaints: SearchableComplaint[]; next: { receivedAt: string; id: string } | null }> {
  let query = db.selectFrom('complaints').select(['id', 'received_at']);
  if (after) query = query.where((eb) => eb(eb.refTuple('received_at', 'id'), '>', eb.tuple(after.receivedAt, after.id)));
  const page = await query.orderBy('received_at').orderBy('id').limit(limit).execute();
  const last = page[page.length - 1];
  const next = page.length === limit ? { receivedAt: last.received_at, id: last.id } : null;
  const indexed = await indexedAmong(db, page.map((c) => c.id));
  const wanted = page.map((c) => c.id).filter((id) => !indexed.has(id));
  const sources = await loadHighlightSources(db, wanted);
  return { complaints: wanted.flatMap((id) => (sources.has(id) ? [sources.get(id)!] : [])), next };
}

/** Which of these complaints the index holds. */
async function indexedAmong(db: Kysely<Database>, complaintIds: string[]): Promise<Set<string>> {
  const indexed = new Set<string>();
  for (const part of chunk(complaintIds, 5000)) {
    const rows = await db.selectFrom('complaint_search').select('complaint_id').where('complaint_id', 'in', part).execute();
    for (const row of rows) indexed.add(row.complaint_id);
  }
  return indexed;
}

/** How many complaints the index holds. */
export async function countIndexed(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('complaint_search').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function countComplaints(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface SearchHit {
  complaintId: string;
  /** Higher is better; only comparable within one `kind`. */
  score: number;
  /** A match on words (or their beginnings), on a whole name, on the sound of a name, or only inside words. */
  kind: 'words' | 'names' | 'spelling' | 'substring';
}

/**
 * Complaints of one organisation whose words match (`kind`: see `fts5WordQuery`, `fts5NameQuery`,
 * `fts5SpellingQuery`): the `limit` most recently indexed matches, each with its relevance (BM25 on SQLite, ts_rank
 * on PostgreSQL; names weigh more than the narrative).
 */
export async function findWordMatches(
  db: Kysely<Database>,
  organisationId: string,
  plan: SearchPlan,
  limit: number,
  kind: 'words' | 'names' | 'spelling' = 'words',
  recentWindow = defaultRecentWindow,
): Promise<SearchHit[]> {
  if (isPostgres(db)) {
    const prefix = postgresScopePrefix(organisationId);
    const query = postgresQuery(plan, kind, prefix);
    if (!query) return [];
    // Divided by the document's length and its number of distinct words (normalisation 2|8), as BM25 weighs
    // length on SQLite: a complaint naming one worker Aung Kyaw ranks above a group's complaint naming sixty
    // workers among whom one is (recall@20 on latin names 0.82 with 1, the log of the length; 0.97 with 2|8).
    const rank = sql`ts_rank('{0.2, 0.4, 0.4, 1.0}', d.document, ${query}, 2|8)`;
    const toHits = (rows: Array<{ complaint_id: string; score: number }>): SearchHit[] => rows.map((row) => ({ complaintId: row.complaint_id, score: Number(row.score), kind }));
    // First the organisation's newest entries, walked newest first: a common word fills the page there.
    const newest = await newestMatches(db, organisationId, recentWindow, limit, async (window) => (await sql<{ complaint_id: string; score: number }>`
      select d.complaint_id, ${rank} as score
      from (select id, complaint_id, document from complaint_search where organisation_id = ${organisationId} order by id desc limit ${window}) d
      where d.document @@ ${query}
      order by d.id desc
      limit ${limit}`.execute(db)).rows);
    if (newest) return toHits(newest);
    // Then the full-text index, whose lexemes are the organisation's own (postgresScopePrefix; the organisation_id
    // column is asked only after, so that the planner does not AND a bitmap of all its rows). Materialised first:
    // with ORDER BY … LIMIT in the same query the planner may walk the whole table backwards by id, hoping to meet
    // matches early (2.9 s at 100,000 complaints for a word absent from the organisation). A name's phrase is
    // looked up among the names alone (postgresNamesVector), the key of its sound in the document.
    const name = kind === 'names' ? tsNameQuery(plan, prefix) : null;
    const condition = name
      ? sql`${sql.raw(postgresNamesVector)} @@ ${name.phrase}::tsquery${name.key ? sql` or document @@ ${name.key}::tsquery` : sql``}`
      : sql`document @@ ${query}`;
    const result = await sql<{ complaint_id: string; score: number }>`
      with matches as materialized (
        select id, organisation_id from complaint_search
        where ${condition}
      )
      select d.complaint_id, ${rank} as score
      from (select id from matches where organisation_id = ${organisationId} order by id desc limit ${limit}) m join complaint_search d on d.id = m.id
      order by d.id desc`.execute(db);
    return toHits(result.rows);
  }
  const words = { words: fts5WordQuery, names: fts5NameQuery, spelling: fts5SpellingQuery }[kind](plan);
  if (!words) return [];
  // The organisation's token narrows inside FTS5, before any row is joined.
  const expression = `{scope} : "${scopeToken(organisationId)}" AND (${words})`;
  // CROSS JOIN keeps the full-text table the outer loop: it walks the matches newest first and stops at the limit.
  const result = await sql<{ complaint_id: string; score: number }>`
    select d.complaint_id, bm25(complaint_search_words, 1.0, 4.0, 4.0, 1.0, 0.0) as score
    from complaint_search_words cross join complaint_search d on d.id = complaint_search_words.rowid
    where complaint_search_words match ${expression} and d.organisation_id = ${organisationId}
    order by complaint_search_words.rowid desc
    limit ${limit}`.execute(db);
  // BM25 is negative in FTS5, lower being better.
  return result.rows.map((row) => ({ complaintId: row.complaint_id, score: -Number(row.score), kind }));
}

/** The tsquery of a kind of word match on PostgreSQL, for the organisation of `prefix` (see tsWordQuery, tsNameQuery, tsSpellingQuery). */
function postgresQuery(plan: SearchPlan, kind: 'words' | 'names' | 'spelling', prefix: string) {
  if (kind === 'words') {
    const text = tsWordQuery(plan, prefix);
    return text ? sql`${text}::tsquery` : null;
  }
  if (kind === 'spelling') {
    const literal = tsSpellingQuery(plan, prefix);
    return literal ? sql`${literal}::tsquery` : null;
  }
  const name = tsNameQuery(plan, prefix);
  if (!name) return null;
  return name.key ? sql`(${name.phrase}::tsquery || ${name.key}::tsquery)` : sql`${name.phrase}::tsquery`;
}

/**
 * How many of an organisation's newest entries PostgreSQL looks through before it asks its indexes: a common word
 * or part fills a page of results among them at once, where the index would hand over every match first.
 */
export const defaultRecentWindow = 3000;

/**
 * When the first window of newest entries held some matches but not a page, the window that should hold a page at
 * the same density (with half again to spare), if it is at most four times the first (12,000 entries by default);
 * otherwise null (ask the index). A part in one complaint of ten fills a page among the newest 4,500 entries in a
 * few milliseconds, where the index hands over all 20,000 of the organisation's matches to be read and sorted
 * (400 ms at a million). Beyond four times, reading the window cost more than the index at a million ("Heng Sokha":
 * 217 ms with windows up to ten times, 113 ms up to four; up to twice, a common name's phrase went to the index
 * and took 260 ms).
 */
function widerWindow(found: number, window: number, limit: number): number | null {
  if (found === 0) return null;
  const wanted = Math.ceil(((window * limit) / found) * 1.5);
  return wanted <= window * 4 ? wanted : null;
}

/**
 * PostgreSQL: the `limit` newest matches among the organisation's `recentWindow` newest entries (`inWindow` reads a
 * window), then among a wider window when matches were frequent enough there (`widerWindow`); null when neither
 * holds a page and the organisation has more entries: then its indexes must be asked.
 */
async function newestMatches<R>(db: Kysely<Database>, organisationId: string, recentWindow: number, limit: number, inWindow: (window: number) => Promise<R[]>): Promise<R[] | null> {
  const recent = await inWindow(recentWindow);
  if (recent.length >= limit) return recent;
  const wider = widerWindow(recent.length, recentWindow, limit);
  // Counted only as far as it matters (an index-only scan of that many entries).
  const entries = await organisationEntries(db, organisationId, wider ?? recentWindow);
  if (entries <= recentWindow) return recent;
  if (!wider) return null;
  const more = await inWindow(wider);
  return more.length >= limit || entries <= wider ? more : null;
}

/** How many entries an organisation has in the index, up to just past `window` (enough to tell). */
async function organisationEntries(db: Kysely<Database>, organisationId: string, window: number): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*) as n from (select 1 from complaint_search where organisation_id = ${organisationId} limit ${window + 1}) e`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Parts of one or two characters have no trigram to look up: they are searched inside words only among the
 * organisation's newest 20,000 entries, so that a rare one ("zq") does not read every complaint (words beginning
 * with them are still found in all, through the word index). Enough for what such a search is for: a syllable of
 * a name or word someone half remembers, in recent cases.
 */
const shortPartWindow = 20_000;

const likePattern = (part: string) => `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Complaints of one organisation whose folded text holds every part of the query, anywhere (inside a compound
 * word, or one or two characters): the `limit` most recently indexed.
 */
export async function findSubstringMatches(db: Kysely<Database>, organisationId: string, plan: SearchPlan, limit: number, recentWindow = defaultRecentWindow): Promise<SearchHit[]> {
  if (plan.parts.length === 0) return [];
  const toHits = (rows: Array<{ complaint_id: string }>): SearchHit[] => rows.map((row) => ({ complaintId: row.complaint_id, score: 0, kind: 'substring' }));
  if (isPostgres(db)) {
    const conditions = sql.join(
      plan.parts.map((part) => sql`d.folded like ${likePattern(part)} escape '\\'`),
      sql` and `,
    );
    // As for words: the newest entries first, where a common part fills the page; then the trigram index.
    const inWindow = async (window: number) => (await sql<{ complaint_id: string }>`
      select d.complaint_id
      from (select id, complaint_id, folded from complaint_search where organisation_id = ${organisationId} order by id desc limit ${window}) d
      where ${conditions}
      order by d.id desc
      limit ${limit}`.execute(db)).rows;
    const newest = await newestMatches(db, organisationId, recentWindow, limit, inWindow);
    if (newest) return toHits(newest);
    // No trigram to look up: the newest entries only (see shortPartWindow).
    if (plan.parts.every((part) => [...part].length < 3)) return toHits(await inWindow(shortPartWindow));
    // Materialised first (the trigram index narrows), for the same reason as the word matches; the organisation
    // is asked by its scope in the index (createPostgresTrigramIndex), and exactly after.
    const result = await sql<{ complaint_id: string }>`
      with matches as materialized (
        select d.id, d.complaint_id, d.organisation_id from complaint_search d
        where ${trigramScope(sql.ref('d.organisation_id'))} = ${trigramScope(sql.val(organisationId))} and ${conditions}
      )
      select complaint_id from matches where organisation_id = ${organisationId} order by id desc limit ${limit}`.execute(db);
    return toHits(result.rows);
  }
  const trigram = fts5TrigramQuery(plan);
  const short = plan.parts.filter((part) => [...part].length < 3).map((part) => sql`instr(d.folded, ${part}) > 0`);
  if (trigram) {
    const result = await sql<{ complaint_id: string }>`
      select d.complaint_id
      from complaint_search_trigram cross join complaint_search d on d.id = complaint_search_trigram.rowid
      where complaint_search_trigram match ${`{scope} : "${scopeTrigram(organisationId)}" AND {folded} : (${trigram})`} and d.organisation_id = ${organisationId}
      ${short.length ? sql`and ${sql.join(short, sql` and `)}` : sql``}
      order by complaint_search_trigram.rowid desc
      limit ${limit}`.execute(db);
    return toHits(result.rows);
  }
  // No trigram to look up: the newest entries only (see shortPartWindow).
  const result = await sql<{ complaint_id: string }>`
    select d.complaint_id
    from (select id, complaint_id, folded from complaint_search where organisation_id = ${organisationId} order by id desc limit ${shortPartWindow}) d
    where ${sql.join(short, sql` and `)}
    order by d.id desc
    limit ${limit}`.execute(db);
  return toHits(result.rows);
}

/** The texts a page of results is highlighted from. */
export async function loadHighlightSources(db: Kysely<Database>, complaintIds: string[]) {
  if (complaintIds.length === 0) return new Map<string, SearchableComplaint>();
  const [complaints, workers, respondents] = await Promise.all([
    db.selectFrom('complaints').select(['id', 'organisation_id', 'reference', 'complainant', 'narrative_text']).where('id', 'in', complaintIds).execute(),
    db.selectFrom('complaint_workers').select(['complaint_id', 'name', 'name_latin']).where('complaint_id', 'in', complaintIds).orderBy('position').execute(),
    db.selectFrom('complaint_respondents').select(['complaint_id', 'name']).where('complaint_id', 'in', complaintIds).orderBy('position').execute(),
  ]);
  const workersOf = groupBy(workers, (w) => w.complaint_id);
  const respondentsOf = groupBy(respondents, (r) => r.complaint_id);
  return new Map(
    complaints.map((complaint) => [complaint.id, { complaint, workers: workersOf.get(complaint.id) ?? [], respondents: respondentsOf.get(complaint.id) ?? [] }]),
  );
}
