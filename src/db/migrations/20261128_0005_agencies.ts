import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('licence_number', 'text', (c) => c.notNull())
    .addColumn('issuing_country', 'text', (c) => c.notNull())
    .addColumn('issuing_authority', 'text')
    .addColumn('licence_status', 'text', (c) => c.notNull())
    .addColumn('licence_valid_from', 'text')
    .addColumn('licence_valid_to', 'text')
    .addColumn('other_names', 'text', (c) => c.notNull()) // JSON array: names it trades under
    .addColumn('addresses', 'text', (c) => c.notNull()) // JSON array of { address, city }
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agencies_licence', ['issuing_country', 'licence_number'])
    .execute();

  // Every status a licence had and from when: the check of a complaint asks what it was on the recruitment date.
  await db.schema
    .createTable('agency_licence_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agency_licence_events_agency').on('agency_licence_events').columns(['agency_id', 'effective_on']).execute();

  await db.schema.alterTable('complaint_respondents').addColumn('agency_id', 'text', (c) => c.references('agencies.id')).execute();
  await db.schema.alterTable('complaint_respondents').addColumn('agency_confirmed_by', 'text').execute();
  await db.schema.createIndex('complaint_respondents_agency').on('complaint_respondents').column('agency_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('complaint_respondents_agency').execute();
  await db.schema.alterTable('complaint_respondents').dropColumn('agency_confirmed_by').execute();
  await db.schema.alterTable('complaint_respondents').dropColumn('agency_id').execute();
  await db.schema.dropTable('agency_licence_events').execute();
  await db.schema.dropTable('agencies').execute();
}
