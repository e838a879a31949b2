import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect';

// SQLite only: the trigram table gets a `scope` column holding the organisation as one trigram
// (`scopeTrigram` in src/modules/search/repository.ts). A part found in many other organisations' complaints and
// few or none of the searcher's ("Sdn Bhd" at a Cambodian desk) walked every match to check its organisation:
// 300 ms at a million. Asked for the organisation's trigram AND the parts, FTS5 narrows first. The index is emptied
// and rebuilt at the next start, as by migration 0012.
async function recreateTrigramIndex(db: Kysely<any>, columns: string) {
  await sql`drop table complaint_search_trigram`.execute(db);
  await sql.raw(`create virtual table complaint_search_trigram using fts5(${columns}, content = '', contentless_delete = 1, tokenize = 'trigram')`).execute(db);
  await sql`insert into complaint_search_words (complaint_search_words) values ('delete-all')`.execute(db);
  await sql`delete from complaint_search`.execute(db);
  await db.deleteFrom('settings').where('key', 'in', ['search_index_version', 'search_index_rebuilding']).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await recreateTrigramIndex(db, 'folded, scope');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await recreateTrigramIndex(db, 'folded');
}
