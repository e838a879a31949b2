import { type Kysely, sql } from 'kysely';
import { postgresNamesVector } from '../../modules/search/repository';
import { isPostgres } from '../dialect';

// PostgreSQL only: a GIN index of the names in each search document (`postgresNamesVector` in
// src/modules/search/repository.ts; since index format 5 each lexeme carries its organisation's mark). A name searched as a phrase was looked up in the whole document, so every
// complaint using both words in its narrative was read to check their order.
// Created here for indexes built before; a rebuild drops and creates it with the others (createPostgresSearchIndexes).
// SQLite searches names in their own FTS5 columns already.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create index if not exists complaint_search_names on complaint_search using gin (${sql.raw(postgresNamesVector)})`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index if exists complaint_search_names`.execute(db);
}
