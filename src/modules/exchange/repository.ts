import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { groupBy } from '../../lib/group';
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
 * The complaints of an export: the list's filters, without paging. A de-identified export never reads the personal
 * columns at all.
 */
function exportQuery(db: Kysely<Database>, filter: ExportFilter, personal: boolean) {
  let query = db.selectFrom('complaints').select(caseColumns).$if(personal, (q) => q.select(personalCaseColumns));
  // The list's own filters, so that an export holds exactly the complaints the list shows.
  query = whereComplaintsMatch(query, filter);
  const anyGrievance = filter.anyGrievance;
  if (anyGrievance) query = query.where((eb) => hasGrievance(eb, anyGrievance));
  return query;
}

type ComplaintRow = Omit<ExportRecord, 'workers' | 'respondents'> & { first_action_due_at: string };

/** The workers and respondents of a page of complaints, one query each, in their positions. */
async function peopleOf(db: Kysely<Database>, ids: string[], personal: boolean) {
  const [workers, respondents] = await Promise.all([
    db
      .selectFrom('complaint_workers')
      .select(['complaint_id', ...workerColumns])
      .$if(personal, (q) => q.select(personalWorkerColumns))
      .where('complaint_id', 'in', ids)
      .orderBy('complaint_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('complaint_respondents')
      .select(['complaint_id', 'type', 'country'])
      .$if(personal, (q) => q.select('name'))
      .where('complaint_id', 'in', ids)
      .orderBy('complaint_id')
      .orderBy('position')
      .execute(),
  ]);
  const byComplaint = (row: { complaint_id: string }) => row.complaint_id;
  return { workers: groupBy(workers, byComplaint), respondents: groupBy(respondents, byComplaint) };
}

// Small pages keep few rows in hand: a page still alive while it is formatted gets promoted to the garbage
// collector's old generation, and pages of 1,000 made the heap swing by over 100 MB at a million rows; 200 keep it flat.
const pageSize = 200;

/**
 * The complaints of an export, one at a time, in the list's order (sort column, then id), in constant memory:
 * keyset pages of 200 complaints, then the page's workers and respondents in one query each. Each page is a query
 * of its own, so a long or slowly-read export holds no connection between pages (on SQLite, call it with the
 * export's own read-only connection, `openReader`, so that it neither waits on the node's main connection nor
 * fills its page cache). The next page is read only when the consumer asks for it (back-pressure).
 *
 * Workers and respondents are read as rows, not as JSON arrays built by the database: `JSON.parse` keeps every
 * short string value it reads (10 characters or fewer, such as a passport number) in V8's string table, outside the
 * young generation, and at a million complaints that garbage made the process grow by some 100 MB before a full
 * collection came (bench/export.ts measures it).
 */
export async function* exportRecords(db: Kysely<Database>, filter: ExportFilter, personal: boolean): AsyncGenerator<ExportRecord> {
  const column = `complaints.${filter.sortColumn}` as const;
  const direction = filter.descending ? 'desc' : 'asc';
  const query = exportQuery(db, filter, personal);
  let after: { value: string; id: string } | undefined;
  for (;;) {
    const cursor = after;
    const complaints = (await query
      .$if(cursor !== undefined, (q) =>
        q.where((eb) => eb(eb.refTuple(column, 'complaints.id'), filter.descending ? '<' : '>', eb.tuple(cursor!.value, cursor!.id))),
      )
      .orderBy(column, direction)
      .orderBy('complaints.id', direction)
      .limit(pageSize)
      .execute()) as ComplaintRow[];
    if (complaints.length === 0) return;
    const people = await peopleOf(db, complaints.map((complaint) => complaint.id), personal);
    for (const complaint of complaints) {
      yield { ...complaint, workers: people.workers.get(complaint.id) ?? [], respondents: people.respondents.get(complaint.id) ?? [] } as ExportRecord;
    }
    if (complaints.length < pageSize) return;
    const last = complaints[complaints.length - 1];
    after = { value: last[filter.sortColumn] as string, id: last.id };
  }
}

/** The organisation's name and type, for the HTCDS export's organisation fields. */
export function findExportOrganisation(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').select(['id', 'name', 'type', 'country']).where('id', '=', id).executeTakeFirst();
}
