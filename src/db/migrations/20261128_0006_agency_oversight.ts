import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agency_sanctions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('decision', 'text', (c) => c.notNull()) // the reference of the decision that imposed it
    .addColumn('authority', 'text')
    .addColumn('amount', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agency_sanctions_agency').on('agency_sanctions').columns(['agency_id', 'decided_on']).execute();

  await db.schema
    .createTable('assessment_criteria_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body', 'text', (c) => c.notNull()) // JSON: name, source, criteria [{ code, label, maxScore, weight }]
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agency_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('criteria_set_id', 'text', (c) => c.notNull().references('assessment_criteria_sets.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull()) // JSON: { code: { score, evidence } }
    .addColumn('total', 'integer', (c) => c.notNull()) // weighted score, 0 to 1000
    .addColumn('assessed_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agency_assessments_once', ['agency_id', 'criteria_set_id', 'period'])
    .execute();
  await db.schema.createIndex('agency_assessments_ranking').on('agency_assessments').columns(['criteria_set_id', 'period', 'total']).execute();

  await db.schema
    .createTable('agency_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id').onDelete('cascade'))
    .addColumn('fees', 'integer', (c) => c.notNull())
    .addColumn('orientation', 'integer', (c) => c.notNull())
    .addColumn('contract', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending, approved, rejected
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'text')
    .addColumn('moderated_at', 'text')
    .execute();
  await db.schema.createIndex('agency_ratings_queue').on('agency_ratings').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('agency_ratings_agency').on('agency_ratings').columns(['agency_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['agency_ratings', 'agency_assessments', 'assessment_criteria_sets', 'agency_sanctions']) await db.schema.dropTable(table).execute();
}
