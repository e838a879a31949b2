import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect';

// SQLite's word index gets a fifth column, `scope`, holding one token for the complaint's organisation
// (`scopeToken` in src/modules/search/repository.ts). A search then asks FTS5 for the organisation's token AND the
// words, so a word common in other organisations' complaints is not walked through row by row before the
// organisation filter. The index is emptied and rebuilt at the next start (the recorded version is removed).
// PostgreSQL filters on its organisation index and is unchanged.
async function recreateWordIndex(db: Kysely<any>, columns: string) {
  await sql`drop table complaint_search_words`.execute(db);
  await sql
    .raw(`
    create virtual table complaint_search_words using fts5(
      ${columns},
      content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
      prefix = '2 3'
    )`)
    .execute(db);
  await sql`insert into complaint_search_trigram (complaint_search_trigram) values ('delete-all')`.execute(db);
  await sql`delete from complaint_search`.execute(db);
  await db.deleteFrom('settings').where('key', '=', 'search_index_version').execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await recreateWordIndex(db, 'words, names, latin, keys, scope');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await recreateWordIndex(db, 'words, names, latin, keys');
}
