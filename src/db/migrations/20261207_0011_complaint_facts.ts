import { type Kysely, sql } from 'kysely';
import { refreshComplaintFacts } from '../../modules/dashboard/facts';
import { isPostgres } from '../dialect';

// The dashboard's fact table (src/modules/dashboard/facts.ts), filled here from the complaints already stored.
// Two covering indexes, one per way the dashboard scopes complaints: an organisation's, or every organisation's
// in a period. Each figure reads one range of one of them and nothing else.
const covered = ['code', 'origin', 'destination', 'value', 'claimed', 'awarded', 'received'];

export async function up(db: Kysely<any>): Promise<void> {
  let table = db.schema
    .createTable('complaint_facts')
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('claimed', 'bigint')
    .addColumn('awarded', 'bigint')
    .addColumn('received', 'bigint')
    .addPrimaryKeyConstraint('complaint_facts_pk', ['complaint_id', 'kind', 'code']);
  if (!isPostgres(db)) table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  await refreshComplaintFacts(db, 'all');
  // Built after the rows are in: faster than keeping them up to date row by row.
  await db.schema.createIndex('complaint_facts_org').on('complaint_facts').columns(['kind', 'organisation_id', 'received_at', ...covered]).execute();
  await db.schema.createIndex('complaint_facts_all').on('complaint_facts').columns(['kind', 'received_at', 'organisation_id', ...covered]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('complaint_facts').execute();
}
