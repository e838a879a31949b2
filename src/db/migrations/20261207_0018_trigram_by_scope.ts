import type { Kysely } from 'kysely';
import { replaceScopedTrigramIndex } from '../../modules/search/repository';
import { isPostgres } from '../dialect';

// PostgreSQL only: the trigram index holds the organisation as its id's first 8 characters instead of the whole id,
// which cost 100 ms to intersect with a rare part at a million complaints (`createPostgresTrigramIndex` in
// src/modules/search/repository.ts). Replaced only where the first version was built.
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await replaceScopedTrigramIndex(db);
}

// The index is left as it is: earlier versions' queries work with it, and their rebuilds create their own.
export async function down(): Promise<void> {}
