import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect';

// SQLite only. SQLite groups by sorting: a figure over five years of a large organisation (hundreds of thousands
// of facts) spent most of its time in that sort. Ordered by code, then date, each figure's query names every code
// of its kind (`factCodes` in src/modules/dashboard/facts.ts): SQLite seeks the period's range once per code and
// the rows arrive grouped, with nothing to sort. PostgreSQL aggregates with a hash and keeps the date-first order,
// which reads only the period when no code is named.
const covered = ['origin', 'destination', 'value', 'claimed', 'awarded', 'received'];

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.dropIndex('complaint_facts_org').execute();
  await db.schema.dropIndex('complaint_facts_all').execute();
  await db.schema.createIndex('complaint_facts_org').on('complaint_facts').columns(['kind', 'organisation_id', 'code', 'received_at', ...covered]).execute();
  await db.schema.createIndex('complaint_facts_all').on('complaint_facts').columns(['kind', 'code', 'received_at', 'organisation_id', ...covered]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await db.schema.dropIndex('complaint_facts_org').execute();
  await db.schema.dropIndex('complaint_facts_all').execute();
  await db.schema.createIndex('complaint_facts_org').on('complaint_facts').columns(['kind', 'organisation_id', 'received_at', 'code', ...covered]).execute();
  await db.schema.createIndex('complaint_facts_all').on('complaint_facts').columns(['kind', 'received_at', 'organisation_id', 'code', ...covered]).execute();
}
