import { type Kysely, sql } from 'kysely';

// Two list views were slow at a million complaints (bench/run.ts): the overdue list, which had to walk past every
// recent complaint in date order, and the received queue sorted by first-action deadline. Open complaints are a
// small share of all, so a partial index over them, and one on (state, deadline), serve both.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('complaints_org_open_received')
    .on('complaints')
    .columns(['organisation_id', 'received_at', 'id'])
    .where(sql.ref('state'), 'in', sql`('received', 'in_progress')`)
    .execute();
  await db.schema
    .createIndex('complaints_org_state_first_action_due')
    .on('complaints')
    .columns(['organisation_id', 'state', 'first_action_due_at', 'id'])
    .execute();
  await db.schema.dropIndex('complaints_org_first_action_due').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('complaints_org_first_action_due').on('complaints').columns(['organisation_id', 'first_action_due_at']).execute();
  await db.schema.dropIndex('complaints_org_state_first_action_due').execute();
  await db.schema.dropIndex('complaints_org_open_received').execute();
}
