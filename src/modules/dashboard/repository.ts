import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { Database } from '../../db/schema';

/**
 * Which complaints a figure counts: received in [receivedFrom, receivedBefore), of one organisation (or all, for
 * a node administrator), of one corridor. Every aggregate below counts the same complaints.
 */
export interface DashboardFilter {
  organisationId?: string;
  receivedFrom?: string;
  receivedBefore?: string;
  origin?: string;
  destination?: string;
  /** Complaints from or to this country (the annual country report). */
  country?: string;
}

type ComplaintScope = ExpressionBuilder<Database, 'complaints'>;

function inScope(eb: ComplaintScope, filter: DashboardFilter) {
  const conditions = [];
  if (filter.organisationId) conditions.push(eb('complaints.organisation_id', '=', filter.organisationId));
  if (filter.receivedFrom) conditions.push(eb('complaints.received_at', '>=', filter.receivedFrom));
  if (filter.receivedBefore) conditions.push(eb('complaints.received_at', '<', filter.receivedBefore));
  if (filter.origin) conditions.push(eb('complaints.origin', '=', filter.origin));
  if (filter.destination) conditions.push(eb('complaints.destination', '=', filter.destination));
  if (filter.country) conditions.push(eb.or([eb('complaints.origin', '=', filter.country), eb('complaints.destination', '=', filter.country)]));
  return eb.and(conditions);
}

const scoped = <O>(query: SelectQueryBuilder<Database, 'complaints', O>, filter: DashboardFilter) => query.where((eb) => inScope(eb, filter));
const countAll = (eb: ExpressionBuilder<Database, 'complaints'>) => eb.fn.countAll<number>().as('complaints');
const n = (value: unknown) => Number(value ?? 0);

/** Complaints and workers by month received (YYYY-MM, UTC). */
export async function complaintsByMonth(db: Kysely<Database>, filter: DashboardFilter) {
  const month = sql<string>`substr(complaints.received_at, 1, 7)`;
  const rows = await scoped(db.selectFrom('complaints'), filter)
    .select([month.as('month'), countAll, (eb) => eb.fn.sum<number>('complaints.worker_count').as('workers')])
    .groupBy(month)
    .orderBy(month)
    .execute();
  return rows.map((r) => ({ month: r.month, complaints: n(r.complaints), workers: n(r.workers) }));
}

/** Complaints by one code column of the complaint itself (a missing sector counts as "unknown"). */
export async function complaintsByColumn(db: Kysely<Database>, filter: DashboardFilter, column: 'channel' | 'state' | 'sector' | 'stage') {
  // Only the sector may be missing; a bare column lets the database group along an index that is ordered by it.
  const value = column === 'sector' ? sql<string>`coalesce(complaints.sector, 'unknown')` : sql<string>`complaints.${sql.ref(column)}`;
  const rows = await scoped(db.selectFrom('complaints'), filter).select([value.as('code'), countAll]).groupBy(value).execute();
  return rows.map((r) => ({ code: r.code, complaints: n(r.complaints) })).sort((a, b) => b.complaints - a.complaints || a.code.localeCompare(b.code));
}

/** Complaints and workers by corridor (origin → destination). */
export async function complaintsByCorridor(db: Kysely<Database>, filter: DashboardFilter) {
  const rows = await scoped(db.selectFrom('complaints'), filter)
    .select(['complaints.origin', 'complaints.destination', countAll, (eb) => eb.fn.sum<number>('complaints.worker_count').as('workers')])
    .groupBy(['complaints.origin', 'complaints.destination'])
    .execute();
  return rows
    .map((r) => ({ origin: r.origin, destination: r.destination, complaints: n(r.complaints), workers: n(r.workers) }))
    .sort((a, b) => b.complaints - a.complaints || `${a.origin}${a.destination}`.localeCompare(`${b.origin}${b.destination}`));
}

/** Complaints by grievance: a complaint with several grievances counts once under each. */
export async function complaintsByGrievance(db: Kysely<Database>, filter: DashboardFilter) {
  const rows = await db
    .selectFrom('complaint_grievances')
    .innerJoin('complaints', 'complaints.id', 'complaint_grievances.complaint_id')
    .where((eb) => inScope(eb as unknown as ComplaintScope, filter))
    .select(['complaint_grievances.code', (eb) => eb.fn.countAll<number>().as('complaints')])
    .groupBy('complaint_grievances.code')
    .execute();
  return rows.map((r) => ({ code: r.code, complaints: n(r.complaints) })).sort((a, b) => b.complaints - a.complaints || a.code.localeCompare(b.code));
}

/** Workers by sex: each worker named on a complaint counts once. */
export async function workersBySex(db: Kysely<Database>, filter: DashboardFilter) {
  const rows = await db
    .selectFrom('complaint_workers')
    .innerJoin('complaints', 'complaints.id', 'complaint_workers.complaint_id')
    .where((eb) => inScope(eb as unknown as ComplaintScope, filter))
    .select(['complaint_workers.sex as code', (eb) => eb.fn.countAll<number>().as('workers')])
    .groupBy('complaint_workers.sex')
    .execute();
  return rows.map((r) => ({ code: r.code, workers: n(r.workers) })).sort((a, b) => b.workers - a.workers || a.code.localeCompare(b.code));
}

/** Complaints by type of respondent: a complaint against two employers counts once under "employer". */
export async function complaintsByRespondentType(db: Kysely<Database>, filter: DashboardFilter) {
  const rows = await db
    .selectFrom('complaint_respondents')
    .innerJoin('complaints', 'complaints.id', 'complaint_respondents.complaint_id')
    .where((eb) => inScope(eb as unknown as ComplaintScope, filter))
    .select(['complaint_respondents.type as code', (eb) => eb.fn.count<number>('complaint_respondents.complaint_id').distinct().as('complaints')])
    .groupBy('complaint_respondents.type')
    .execute();
  return rows.map((r) => ({ code: r.code, complaints: n(r.complaints) })).sort((a, b) => b.complaints - a.complaints || a.code.localeCompare(b.code));
}

/**
 * Complaints against recruitment agencies of the registry (respondents a desk officer linked), most complained
 * about first; `unlinked` counts complaints naming an agency nobody has linked yet.
 */
export async function complaintsByAgency(db: Kysely<Database>, filter: DashboardFilter, limit = 20) {
  const linked = await db
    .selectFrom('complaint_respondents')
    .innerJoin('complaints', 'complaints.id', 'complaint_respondents.complaint_id')
    .innerJoin('agencies', 'agencies.id', 'complaint_respondents.agency_id')
    .where((eb) => inScope(eb as unknown as ComplaintScope, filter))
    .select([
      'agencies.id as agencyId',
      'agencies.name',
      'agencies.licence_number as licenceNumber',
      'agencies.issuing_country as country',
      (eb) => eb.fn.count<number>('complaint_respondents.complaint_id').distinct().as('complaints'),
    ])
    .groupBy(['agencies.id', 'agencies.name', 'agencies.licence_number', 'agencies.issuing_country'])
    .execute();
  const unlinked = await db
    .selectFrom('complaint_respondents')
    .innerJoin('complaints', 'complaints.id', 'complaint_respondents.complaint_id')
    .where((eb) => inScope(eb as unknown as ComplaintScope, filter))
    .where('complaint_respondents.type', '=', 'recruitment_agency')
    .where('complaint_respondents.agency_id', 'is', null)
    .select((eb) => eb.fn.count<number>('complaint_respondents.complaint_id').distinct().as('complaints'))
    .executeTakeFirstOrThrow();
  const items = linked
    .map((r) => ({ agencyId: r.agencyId, name: r.name, licenceNumber: r.licenceNumber, country: r.country, complaints: n(r.complaints) }))
    .sort((a, b) => b.complaints - a.complaints || a.name.localeCompare(b.name));
  return { items: items.slice(0, limit), agencies: items.length, unlinked: n(unlinked.complaints) };
}

/**
 * Complaints showing each ILO forced-labour indicator (through the grievances mapped to it in taxonomy.ts), and
 * complaints about recruitment fees or related costs in the ILO definition: each complaint counts once per line.
 */
export async function complaintsByIndicator(db: Kysely<Database>, filter: DashboardFilter, codesByLine: Record<string, string[]>) {
  const lines = Object.entries(codesByLine).filter(([, codes]) => codes.length > 0);
  if (lines.length === 0) return [];
  // One pass over the complaints' grievances (driven by the complaints in scope, as every other figure): per
  // complaint, whether it shows each line (0 or 1); then add those up. No distinct count per line.
  const perComplaint = db
    .selectFrom('complaint_grievances')
    .innerJoin('complaints', 'complaints.id', 'complaint_grievances.complaint_id')
    .where((eb) => inScope(eb as unknown as ComplaintScope, filter))
    .select(lines.map(([, codes], i) => sql<number>`max(case when complaint_grievances.code in (${sql.join(codes)}) then 1 else 0 end)`.as(`line${i}`)))
    .groupBy('complaint_grievances.complaint_id');
  const row = await db
    .selectFrom(perComplaint.as('per_complaint'))
    .select(lines.map((_, i) => sql<number>`sum(${sql.ref(`per_complaint.line${i}`)})`.as(`line${i}`)))
    .executeTakeFirstOrThrow();
  const values = row as Record<string, unknown>;
  return lines.map(([code], i) => ({ code, complaints: n(values[`line${i}`]) })).sort((a, b) => b.complaints - a.complaints || a.code.localeCompare(b.code));
}

/** Outcomes recorded on the complaints, by type: a complaint with two outcomes of one type counts once. */
export async function complaintsByOutcome(db: Kysely<Database>, filter: DashboardFilter) {
  const rows = await db
    .selectFrom('complaint_outcomes')
    .innerJoin('complaints', 'complaints.id', 'complaint_outcomes.complaint_id')
    .where((eb) => inScope(eb as unknown as ComplaintScope, filter))
    .select(['complaint_outcomes.type as code', (eb) => eb.fn.count<number>('complaint_outcomes.complaint_id').distinct().as('complaints')])
    .groupBy('complaint_outcomes.type')
    .execute();
  return rows.map((r) => ({ code: r.code, complaints: n(r.complaints) })).sort((a, b) => b.complaints - a.complaints || a.code.localeCompare(b.code));
}

/** Money claimed, awarded and received on the outcomes, per currency (in minor units; currencies are never added up). */
export async function moneyByCurrency(db: Kysely<Database>, filter: DashboardFilter) {
  const rows = await db
    .selectFrom('complaint_outcomes')
    .innerJoin('complaints', 'complaints.id', 'complaint_outcomes.complaint_id')
    .where((eb) => inScope(eb as unknown as ComplaintScope, filter))
    .where('complaint_outcomes.currency', 'is not', null)
    .select([
      'complaint_outcomes.currency',
      (eb) => eb.fn.count<number>('complaint_outcomes.complaint_id').distinct().as('complaints'),
      (eb) => eb.fn.sum<number>('complaint_outcomes.claimed').as('claimed'),
      (eb) => eb.fn.sum<number>('complaint_outcomes.awarded').as('awarded'),
      (eb) => eb.fn.sum<number>('complaint_outcomes.received').as('received'),
    ])
    .groupBy('complaint_outcomes.currency')
    .execute();
  return rows
    .map((r) => ({ currency: r.currency as string, complaints: n(r.complaints), claimed: n(r.claimed), awarded: n(r.awarded), received: n(r.received) }))
    .sort((a, b) => b.complaints - a.complaints || a.currency.localeCompare(b.currency));
}

/** Whole calendar days (UTC) from the day a complaint was received to the day in `column`: the same on both databases. */
function daysSinceReceived(db: Kysely<Database>, column: 'first_action_at' | 'resolved_at') {
  return isPostgres(db)
    ? sql<number>`(substr(complaints.${sql.ref(column)}, 1, 10)::date - substr(complaints.received_at, 1, 10)::date)`
    : sql<number>`cast(julianday(substr(complaints.${sql.ref(column)}, 1, 10)) - julianday(substr(complaints.received_at, 1, 10)) as integer)`;
}

/**
 * How many complaints took each whole number of days to their first action (or resolution): a histogram from
 * which percentiles are read exactly (see percentiles.ts), so both databases give the same figures.
 */
export async function daysHistogram(db: Kysely<Database>, filter: DashboardFilter, column: 'first_action_at' | 'resolved_at') {
  const days = daysSinceReceived(db, column);
  const rows = await scoped(db.selectFrom('complaints'), filter)
    .where(`complaints.${column}`, 'is not', null)
    .select([days.as('days'), countAll])
    .groupBy(days)
    .execute();
  return rows.map((r) => ({ days: n(r.days), complaints: n(r.complaints) })).sort((a, b) => a.days - b.days);
}

/**
 * Complaints past a deadline now, as the complaint list counts them (`overdue=true`): no first action by its
 * deadline while received, or not resolved by its deadline while open.
 */
export async function overdueCounts(db: Kysely<Database>, filter: DashboardFilter, now: string) {
  const firstAction = sql<number>`sum(case when complaints.state = 'received' and complaints.first_action_at is null and complaints.first_action_due_at < ${now} then 1 else 0 end)`;
  const resolution = sql<number>`sum(case when complaints.resolution_due_at < ${now} then 1 else 0 end)`;
  const either = sql<number>`sum(case when (complaints.state = 'received' and complaints.first_action_at is null and complaints.first_action_due_at < ${now}) or complaints.resolution_due_at < ${now} then 1 else 0 end)`;
  const row = await scoped(db.selectFrom('complaints'), filter)
    .where('complaints.state', 'in', ['received', 'in_progress'])
    .select([either.as('overdue'), firstAction.as('firstAction'), resolution.as('resolution'), countAll])
    .executeTakeFirstOrThrow();
  return { overdue: n(row.overdue), firstActionOverdue: n(row.firstAction), resolutionOverdue: n(row.resolution), open: n(row.complaints) };
}
