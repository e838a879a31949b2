import { type Kysely, sql } from 'kysely';
import { daysBetweenSql } from '../dialect';

// The dashboard's time to first action and to resolution are histograms of whole days since a complaint was
// received. Computed from the two dates on every read, a year of every organisation (200,000 complaints at a
// million) cost over 400 ms on SQLite, most of it date arithmetic and sorting wide index entries. The day counts are
// now written with the dates (`updateComplaint`, the synthetic seed) and read from narrow indexes.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('days_to_first_action', 'integer').execute();
  await db.schema.alterTable('complaints').addColumn('days_to_resolution', 'integer').execute();
  const received = sql.ref('received_at');
  await db
    .updateTable('complaints')
    .set({ days_to_first_action: daysBetweenSql(db, received, sql.ref('first_action_at')) })
    .where('first_action_at', 'is not', null)
    .execute();
  await db
    .updateTable('complaints')
    .set({ days_to_resolution: daysBetweenSql(db, received, sql.ref('resolved_at')) })
    .where('resolved_at', 'is not', null)
    .execute();
  await db.schema.createIndex('complaints_days_org').on('complaints').columns(['organisation_id', 'received_at', 'days_to_first_action', 'days_to_resolution']).execute();
  await db.schema.createIndex('complaints_days_all').on('complaints').columns(['received_at', 'days_to_first_action', 'days_to_resolution']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('complaints_days_all').execute();
  await db.schema.dropIndex('complaints_days_org').execute();
  await db.schema.alterTable('complaints').dropColumn('days_to_resolution').execute();
  await db.schema.alterTable('complaints').dropColumn('days_to_first_action').execute();
}
