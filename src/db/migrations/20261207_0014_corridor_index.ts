import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

// SQLite only: the dashboard's complaints by corridor, grouped along an index ordered by corridor, so that SQLite
// neither sorts nor reads the table (over five years of a large organisation it did both: 1.4 s at a million).
// PostgreSQL groups with a hash over its covering dashboard index.
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.createIndex('complaints_corridor_org').on('complaints').columns(['organisation_id', 'origin', 'destination', 'received_at', 'worker_count']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.dropIndex('complaints_corridor_org').execute();
}
