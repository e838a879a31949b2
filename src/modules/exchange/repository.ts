import type { Kysely } from 'kysely';
import { jsonArrayFrom as postgresJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { DialectName } from '../../db/database';
import type { Database } from '../../db/schema';
import { type ComplaintFilters, hasGrievance, whereComplaintsMatch } from '../complaints/repository';
import type { ExportRecord } from './columns';

/** Which complaints an export holds: the filters of the complaint list, without paging. */
export interface ExportFilter extends ComplaintFilters {
  /** Only complaints with at least one of these grievances (the HTCDS export: grievances with trafficking indicators). */
  anyGrievance?: string[];
  sortColumn: 'received_at' | 'first_action_due_at';
  descending: boolean;
}

const caseColumns = [
  'complaints.id',
  'complaints.organisation_id',
  'complaints.reference',
  'complaints.state',
  'complaints.channel',
  'complaints.origin',
  'complaints.destination',
  'complaints.sector',
  'complaints.occupation',
  'complaints.stage',
  'complaints.grievance_codes',
  'complaints.worker_count',
  'complaints.received_at',
  'complaints.first_action_due_at',
  'complaints.first_action_at',
  'complaints.resolved_at',
  'complaints.closed_at',
  'complaints.complainant_type',
  'complaints.relief_sought',
  'complaints.consent_services',
  'complaints.consent_share',
  'complaints.consent_statistics',
  'complaints.narrative_language',
  'complaints.rights_facts',
] as const;
const personalCaseColumns = ['complaints.complainant', 'complaints.narrative_text', 'complaints.consent'] as const;
const workerColumns = ['sex', 'birth_year', 'nationality', 'languages'] as const;
const personalWorkerColumns = ['name', 'name_latin', 'birth_date', 'passport_number', 'phone'] as const;

/**
 * The query of an export: one row per complaint, its workers and respondents as JSON arrays in the same row.
 * A de-identified export never reads the personal columns at all.
 */
function exportQuery(db: Kysely<Database>, dialect: DialectName, filter: ExportFilter, personal: boolean) {
  const jsonArrayFrom = dialect === 'postgres' ? postgresJsonArrayFrom : sqliteJsonArrayFrom;
  let query = db
    .selectFrom('complaints')
    .select(caseColumns)
    .$if(personal, (q) => q.select(personalCaseColumns))
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('complaint_workers')
          .select(personal ? [...workerColumns, ...personalWorkerColumns] : workerColumns)
          .whereRef('complaint_workers.complaint_id', '=', 'complaints.id')
          .orderBy('complaint_workers.position'),
      ).as('workers'),
      jsonArrayFrom(
        eb
          .selectFrom('complaint_respondents')
          .select(personal ? ['type', 'country', 'name'] : ['type', 'country'])
          .whereRef('complaint_respondents.complaint_id', '=', 'complaints.id')
          .orderBy('complaint_respondents.position'),
      ).as('respondents'),
    ]);
  // The list's own filters, so that an export holds exactly the complaints the list shows.
  query = whereComplaintsMatch(query, filter);
  const anyGrievance = filter.anyGrievance;
  if (anyGrievance) query = query.where((eb) => hasGrievance(eb, anyGrievance));
  return query;
}

type Row = Record<string, unknown> & { id: string; workers: unknown; respondents: unknown };

// SQLite answers the JSON arrays as text, PostgreSQL as parsed JSON.
const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
const toRecord = (row: Row) => ({ ...row, workers: parsed(row.workers), respondents: parsed(row.respondents) }) as unknown as ExportRecord;

// Small pages keep few rows in hand: a page still alive while it is formatted gets promoted to the garbage
// collector's old generation, and pages of 1,000 made the heap swing by over 100 MB at a million rows; 200 keep it flat.
const pageSize = 200;

/**
 * The complaints of an export, one at a time, in the list's order (sort column, then id), in constant memory.
 * PostgreSQL streams one query through a cursor (`.stream()`, on a connection of its own from the pool).
 * SQLite reads pages of 200 by keyset, on the export's own read-only connection (`openReader`), so that a long or
 * slowly-read export neither holds the node's main connection nor fills its page cache.
 * Either way the next rows are read only when the consumer asks for them (back-pressure).
 */
export async function* exportRecords(db: Kysely<Database>, dialect: DialectName, filter: ExportFilter, personal: boolean): AsyncGenerator<ExportRecord> {
  const column = `complaints.${filter.sortColumn}` as const;
  const direction = filter.descending ? 'desc' : 'asc';
  const query = exportQuery(db, dialect, filter, personal);
  if (dialect === 'postgres') {
    for await (const row of query.orderBy(column, direction).orderBy('complaints.id', direction).stream(pageSize)) yield toRecord(row as Row);
    return;
  }
  let after: { value: string; id: string } | undefined;
  for (;;) {
    const cursor = after;
    const rows = (await query
      .$if(cursor !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple(column, 'complaints.id'), filter.descending ? '<' : '>', eb.tuple(cursor!.value, cursor!.id))),
      )
      .orderBy(column, direction)
      .orderBy('complaints.id', direction)
      .limit(pageSize)
      .execute()) as Row[];
    for (const row of rows) yield toRecord(row);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1];
    after = { value: last[filter.sortColumn] as string, id: last.id };
  }
}

/** The organisation's name and type, for the HTCDS export's organisation fields. */
export function findExportOrganisation(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'type', 'country']).where('id', '=', id).executeTakeFirst();
}
