import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../dialect';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('first_action_days', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('resolution_days', 'integer', (c) => c.notNull().defaultTo(90))
    .addColumn('accepts_public_complaints', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_organisation').on('users').column('organisation_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('pin_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('idempotency_key', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('complainant_type', 'text', (c) => c.notNull())
    .addColumn('complainant', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('sector', 'text')
    .addColumn('occupation', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('narrative_text', 'text', (c) => c.notNull())
    .addColumn('narrative_language', 'text', (c) => c.notNull())
    .addColumn('relief_sought', 'text', (c) => c.notNull())
    .addColumn('consent_services', 'integer', (c) => c.notNull())
    .addColumn('consent_share', 'integer', (c) => c.notNull())
    .addColumn('consent_statistics', 'integer', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('worker_count', 'integer', (c) => c.notNull())
    .addColumn('grievance_codes', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text', (c) => c.references('users.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('first_action_due_at', 'text', (c) => c.notNull())
    .addColumn('first_action_at', 'text')
    .addColumn('resolution_due_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('track_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('track_locked_until', 'text')
    .execute();
  // The list is always scoped to one organisation and ordered by received_at; each index serves a common filter.
  const complaintIndexes: Array<[string, string[]]> = [
    ['complaints_org_received', ['organisation_id', 'received_at', 'id']],
    ['complaints_org_state_received', ['organisation_id', 'state', 'received_at', 'id']],
    ['complaints_org_destination_received', ['organisation_id', 'destination', 'received_at', 'id']],
    ['complaints_org_origin_received', ['organisation_id', 'origin', 'received_at', 'id']],
    ['complaints_org_assigned_state', ['organisation_id', 'assigned_to', 'state', 'received_at']],
    ['complaints_org_first_action_due', ['organisation_id', 'first_action_due_at']],
  ];
  for (const [name, columns] of complaintIndexes) {
    await db.schema.createIndex(name).on('complaints').columns(columns).execute();
  }
  await db.schema
    .createIndex('complaints_org_idempotency')
    .on('complaints')
    .columns(['organisation_id', 'idempotency_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('complaint_workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_latin', 'text')
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('nationality', 'text')
    .addColumn('passport_number', 'text')
    .addColumn('phone', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('complaint_workers_complaint').on('complaint_workers').column('complaint_id').execute();

  await db.schema
    .createTable('complaint_respondents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .execute();
  await db.schema
    .createIndex('complaint_respondents_complaint')
    .on('complaint_respondents')
    .column('complaint_id')
    .execute();

  await db.schema
    .createTable('complaint_grievances')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_grievances_pk', ['complaint_id', 'code'])
    .execute();
  await db.schema
    .createIndex('complaint_grievances_code')
    .on('complaint_grievances')
    .columns(['code', 'complaint_id'])
    .execute();

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('summary', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_events_complaint')
    .on('complaint_events')
    .columns(['complaint_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('complaint_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('currency', 'text')
    .addColumn('claimed', 'bigint')
    .addColumn('awarded', 'bigint')
    .addColumn('received', 'bigint')
    .addColumn('decided_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_outcomes_complaint')
    .on('complaint_outcomes')
    .column('complaint_id')
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('content', postgres ? sql`bytea` : 'blob', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_complaint').on('evidence').column('complaint_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('organisation_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();

  // One row holding the end of the hash chain; updating it in every audited transaction serialises appends.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();

  // The audit log is append-only in the database itself, not only in our code.
  if (postgres) {
    await sql`CREATE FUNCTION lintas_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION lintas_audit_append_only()`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION lintas_audit_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('The core migration cannot be reverted: restore a backup instead.');
}
