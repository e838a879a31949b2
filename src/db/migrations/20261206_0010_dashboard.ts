import type { Kysely } from 'kysely';

// The dashboard counts complaints of one organisation (or all) received in a period, grouped by a code. Complaint
// rows are wide (narrative, personal data as JSON), so scanning them is slow at a million complaints; these
// covering indexes hold every column the aggregates read, so the database answers from the index alone
// (bench/dashboard.ts). The attached tables get (complaint_id, code…) indexes so joins stay inside indexes too.
const dashboardColumns = ['origin', 'destination', 'channel', 'state', 'sector', 'worker_count', 'first_action_at', 'resolved_at', 'first_action_due_at', 'resolution_due_at', 'id'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('complaints_dashboard_org').on('complaints').columns(['organisation_id', 'received_at', ...dashboardColumns]).execute();
  await db.schema.createIndex('complaints_dashboard_all').on('complaints').columns(['received_at', 'organisation_id', ...dashboardColumns]).execute();
  await db.schema.createIndex('complaint_workers_dashboard').on('complaint_workers').columns(['complaint_id', 'sex']).execute();
  await db.schema.createIndex('complaint_respondents_dashboard').on('complaint_respondents').columns(['complaint_id', 'type', 'agency_id']).execute();
  await db.schema.createIndex('complaint_outcomes_dashboard').on('complaint_outcomes').columns(['complaint_id', 'type', 'currency', 'claimed', 'awarded', 'received']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['complaint_outcomes_dashboard', 'complaint_respondents_dashboard', 'complaint_workers_dashboard', 'complaints_dashboard_all', 'complaints_dashboard_org']) {
    await db.schema.dropIndex(name).execute();
  }
}
