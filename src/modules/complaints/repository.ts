import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql, type UpdateObject } from 'kysely';
import { daysBetweenSql } from '../../db/dialect';
import type {
  ComplaintEventTable,
  ComplaintOutcomeTable,
  ComplaintRespondentTable,
  ComplaintTable,
  ComplaintWorkerTable,
  Database,
  EvidenceTable,
} from '../../db/schema';
import { type FactKind, refreshComplaintFacts } from '../dashboard/facts';
import { indexComplaints } from '../search/service';
import type { ComplaintState } from './taxonomy';

export interface NewComplaintRows {
  complaint: ComplaintTable;
  workers: ComplaintWorkerTable[];
  respondents: ComplaintRespondentTable[];
  grievances: string[];
  events: ComplaintEventTable[];
}

// Multi-row inserts are split to stay under the limit of bound parameters per statement (32,766 in SQLite).
async function insertChunked<T extends keyof Database>(trx: Kysely<Database>, table: T, rows: Database[T][]) {
  if (rows.length === 0) return;
  const chunk = Math.max(1, Math.floor(30_000 / Object.keys(rows[0] as object).length));
  for (let i = 0; i < rows.length; i += chunk) {
    await trx.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
  }
}

/**
 * Writes complaints with their workers, respondents, grievances, events and outcomes. Call inside a transaction.
 * `searchIndex: false` leaves them out of the search index: only for a bulk load that rebuilds the index after
 * (see `markSearchIndexStale`).
 */
export async function insertComplaints(
  trx: Kysely<Database>,
  batch: Array<NewComplaintRows & { outcomes?: ComplaintOutcomeTable[] }>,
  { searchIndex = true }: { searchIndex?: boolean } = {},
): Promise<void> {
  await insertChunked(trx, 'complaints', batch.map((rows) => rows.complaint));
  await insertChunked(trx, 'complaint_workers', batch.flatMap((rows) => rows.workers));
  await insertChunked(trx, 'complaint_respondents', batch.flatMap((rows) => rows.respondents));
  await insertChunked(
    trx,
    'complaint_grievances',
    batch.flatMap((rows) => rows.grievances.map((code) => ({ complaint_id: rows.complaint.id, code }))),
  );
  await insertChunked(trx, 'complaint_events', batch.flatMap((rows) => rows.events));
  await insertChunked(trx, 'complaint_outcomes', batch.flatMap((rows) => rows.outcomes ?? []));
  await refreshComplaintFacts(
    trx,
    batch.map((rows) => rows.complaint.id),
  );
  // Indexed in the same transaction: a complaint is searchable as soon as it is acknowledged.
  if (searchIndex) await indexComplaints(trx, batch);
}

/** Writes one complaint with everything attached to it. Call inside a transaction. */
export const insertComplaint = (trx: Kysely<Database>, rows: NewComplaintRows) => insertComplaints(trx, [rows]);

export function findComplaint(db: Kysely<Database>, id: string) {
  return db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findComplaintByReference(db: Kysely<Database>, reference: string) {
  return db.selectFrom('complaints').selectAll().where('reference', '=', reference).executeTakeFirst();
}

export function findComplaintByIdempotencyKey(db: Kysely<Database>, organisationId: string, key: string) {
  return db
    .selectFrom('complaints')
    .select(['id', 'reference', 'state'])
    .where('organisation_id', '=', organisationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** Everything attached to one complaint, for its detail page. */
export async function findComplaintParts(db: Kysely<Database>, id: string) {
  const [workers, respondents, events, outcomes, evidence] = await Promise.all([
    db.selectFrom('complaint_workers').selectAll().where('complaint_id', '=', id).orderBy('position').execute(),
    db.selectFrom('complaint_respondents').selectAll().where('complaint_id', '=', id).orderBy('position').execute(),
    db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', id).orderBy('occurred_at').orderBy('recorded_at').execute(),
    db.selectFrom('complaint_outcomes').selectAll().where('complaint_id', '=', id).orderBy('created_at').execute(),
    db
      .selectFrom('evidence')
      .select(['id', 'filename', 'media_type', 'size_bytes', 'sha256', 'description', 'created_at'])
      .where('complaint_id', '=', id)
      .orderBy('created_at')
      .execute(),
  ]);
  return { workers, respondents, events, outcomes, evidence };
}

/** Overdue, as `isOverdue` in presenters.ts says it: no first action by its deadline, or not resolved by its. */
const overdue = (eb: ExpressionBuilder<Database, 'complaints'>, now: string) =>
  eb.or([
    eb.and([eb('first_action_at', 'is', null), eb('first_action_due_at', '<', now), eb('state', '=', 'received')]),
    eb.and([eb('resolution_due_at', '<', now), eb('state', 'in', ['received', 'in_progress'])]),
  ]);

/** Which complaints a query holds: the list's filters, shared by every query that must agree with the list (exports). */
export interface ComplaintFilters {
  organisationId: string;
  states?: string[];
  channels?: string[];
  origins?: string[];
  destinations?: string[];
  grievance?: string;
  stage?: string;
  /** An ISIC section, or 'unknown' for complaints without one. */
  sector?: string;
  /** Codes the complaint counts under in the dashboard's facts (sex, respondent type, agency, outcome, indicator). */
  facts?: Array<{ kind: FactKind; code: string }>;
  assignedTo?: string | null;
  overdueAt?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

export interface ComplaintFilter extends ComplaintFilters {
  /** Only these complaints (the matches of a search). */
  ids?: string[];
  referencePrefix?: string;
  sortColumn: 'received_at' | 'first_action_due_at';
  descending: boolean;
  after?: { value: string; id: string };
  limit: number;
}

/** Narrows a query over `complaints` to those the filters select. */
export function whereComplaintsMatch<O>(query: SelectQueryBuilder<Database, 'complaints', O>, filter: ComplaintFilters): SelectQueryBuilder<Database, 'complaints', O> {
  query = query.where('organisation_id', '=', filter.organisationId);
  if (filter.states?.length) query = query.where('state', 'in', filter.states);
  if (filter.channels?.length) query = query.where('channel', 'in', filter.channels);
  if (filter.origins?.length) query = query.where('origin', 'in', filter.origins);
  if (filter.destinations?.length) query = query.where('destination', 'in', filter.destinations);
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.sector) query = filter.sector === 'unknown' ? query.where('sector', 'is', null) : query.where('sector', '=', filter.sector);
  for (const { kind, code } of filter.facts ?? []) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('complaint_facts')
          .select(sql`1`.as('one'))
          .whereRef('complaint_facts.complaint_id', '=', 'complaints.id')
          .where('complaint_facts.kind', '=', kind)
          .where('complaint_facts.code', '=', code),
      ),
    );
  }
  if (filter.assignedTo !== undefined) {
    query = filter.assignedTo === null ? query.where('assigned_to', 'is', null) : query.where('assigned_to', '=', filter.assignedTo);
  }
  if (filter.receivedFrom) query = query.where('received_at', '>=', filter.receivedFrom);
  if (filter.receivedTo) query = query.where('received_at', '<', filter.receivedTo);
  const grievance = filter.grievance;
  if (grievance) query = query.where((eb) => hasGrievance(eb, [grievance]));
  if (filter.overdueAt) {
    const now = filter.overdueAt;
    // Only open complaints can be overdue; saying so in the same words as the partial index lets it serve the query.
    query = query.where(sql<boolean>`state in ('received', 'in_progress')`).where((eb) => overdue(eb, now));
  }
  return query;
}

/** The complaint has at least one of these grievances. */
export const hasGrievance = (eb: ExpressionBuilder<Database, 'complaints'>, codes: string[]) =>
  eb.exists(
    eb
      .selectFrom('complaint_grievances')
      .select(sql`1`.as('one'))
      .whereRef('complaint_grievances.complaint_id', '=', 'complaints.id')
      .where('complaint_grievances.code', 'in', codes),
  );

const listColumns = [
  'id',
  'reference',
  'state',
  'channel',
  'origin',
  'destination',
  'sector',
  'stage',
  'grievance_codes',
  'worker_count',
  'assigned_to',
  'received_at',
  'first_action_due_at',
  'first_action_at',
  'resolution_due_at',
  'updated_at',
] as const;

/** One page of complaints without personal data, in a stable order (sort column, then id) for cursor paging. */
export function listComplaintRows(db: Kysely<Database>, filter: ComplaintFilter) {
  let query = whereComplaintsMatch(db.selectFrom('complaints').select(listColumns), filter);
  if (filter.ids) query = query.where('id', 'in', filter.ids.length ? filter.ids : ['']);
  if (filter.referencePrefix) query = query.where('reference', 'like', `${filter.referencePrefix.replace(/[%_\\]/g, '')}%`);
  const column = filter.sortColumn;
  const direction = filter.descending ? 'desc' : 'asc';
  if (filter.after) {
    const { value, id } = filter.after;
    query = query.where((eb) => eb(eb.refTuple(column, 'id'), filter.descending ? '<' : '>', eb.tuple(value, id)));
  }
  return query.orderBy(column, direction).orderBy('id', direction).limit(filter.limit).execute();
}

/** Moves a complaint from one state to another; returns false when it was no longer in `from` (a concurrent change). */
export async function updateComplaintState(
  trx: Kysely<Database>,
  id: string,
  from: ComplaintState,
  changes: Partial<ComplaintTable> & { state: ComplaintState },
): Promise<boolean> {
  const result = await trx.updateTable('complaints').set(withDayCounts(trx, changes)).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateComplaint(trx: Kysely<Database>, id: string, changes: Partial<ComplaintTable>) {
  await trx.updateTable('complaints').set(withDayCounts(trx, changes)).where('id', '=', id).execute();
}

/**
 * The changes, with the day counts the dashboard reads (migration 0016) written beside the date of first action or
 * of resolution they count to (cleared with it).
 */
function withDayCounts(db: Kysely<Database>, changes: Partial<ComplaintTable>) {
  const set: UpdateObject<Database, 'complaints'> = { ...changes };
  const since = (at: string | null | undefined) => (at ? daysBetweenSql(db, sql.ref('received_at'), sql.val(at)) : null);
  if ('first_action_at' in changes) set.days_to_first_action = since(changes.first_action_at);
  if ('resolved_at' in changes) set.days_to_resolution = since(changes.resolved_at);
  return set;
}

export async function insertEvent(trx: Kysely<Database>, event: ComplaintEventTable) {
  await trx.insertInto('complaint_events').values(event).execute();
}

/** Records an outcome. Call inside a transaction: the dashboard's facts of the complaint are written again. */
export async function insertOutcome(trx: Kysely<Database>, outcome: ComplaintOutcomeTable) {
  await trx.insertInto('complaint_outcomes').values(outcome).execute();
  await refreshComplaintFacts(trx, [outcome.complaint_id]);
}

export async function countOutcomes(db: Kysely<Database>, complaintId: string): Promise<number> {
  const row = await db
    .selectFrom('complaint_outcomes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('complaint_id', '=', complaintId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertEvidence(trx: Kysely<Database>, evidence: EvidenceTable) {
  await trx.insertInto('evidence').values(evidence).execute();
}

export function findEvidence(db: Kysely<Database>, complaintId: string, evidenceId: string) {
  return db.selectFrom('evidence').selectAll().where('complaint_id', '=', complaintId).where('id', '=', evidenceId).executeTakeFirst();
}

export async function recordTrackingFailure(db: Kysely<Database>, id: string, failures: number, lockedUntil: string | null) {
  await db.updateTable('complaints').set({ track_failures: failures, track_locked_until: lockedUntil }).where('id', '=', id).execute();
}

/** How many of the organisation's complaints are in each state, in all and among those assigned to one user. */
export async function countComplaintsByState(db: Kysely<Database>, organisationId: string, assignedTo?: string) {
  let query = db
    .selectFrom('complaints')
    .select(['state', (eb) => eb.fn.countAll<number>().as('count')])
    .where('organisation_id', '=', organisationId)
    .groupBy('state');
  if (assignedTo) query = query.where('assigned_to', '=', assignedTo);
  return query.execute();
}

/** How many of the organisation's complaints are past a deadline now. */
export async function countOverdue(db: Kysely<Database>, organisationId: string, now: string, assignedTo?: string): Promise<number> {
  let query = db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where((eb) => overdue(eb, now));
  if (assignedTo) query = query.where('assigned_to', '=', assignedTo);
  return Number((await query.executeTakeFirstOrThrow()).count);
}

/** How many of the organisation's open complaints nobody is assigned to. */
export async function countUnassignedOpen(db: Kysely<Database>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organisation_id', '=', organisationId)
    .where('assigned_to', 'is', null)
    .where('state', 'in', ['received', 'in_progress', 'resolved'])
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
