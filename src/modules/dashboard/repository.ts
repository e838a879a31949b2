import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { type FactKind, factCodes, indicatorGrievances } from './facts';

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

type FactScope = ExpressionBuilder<Database, 'complaint_facts'>;

/** The same complaints as `inScope`, on the copy of the complaint's columns that each fact carries. */
function factsInScope(eb: FactScope, kind: FactKind, filter: DashboardFilter) {
  const conditions = [eb('complaint_facts.kind', '=', kind)];
  const codes = factCodes[kind];
  if (codes) conditions.push(eb('complaint_facts.code', 'in', [...codes]));
  if (filter.organisationId) conditions.push(eb('complaint_facts.organisation_id', '=', filter.organisationId));
  if (filter.receivedFrom) conditions.push(eb('complaint_facts.received_at', '>=', filter.receivedFrom));
  if (filter.receivedBefore) conditions.push(eb('complaint_facts.received_at', '<', filter.receivedBefore));
  if (filter.origin) conditions.push(eb('complaint_facts.origin', '=', filter.origin));
  if (filter.destination) conditions.push(eb('complaint_facts.destination', '=', filter.destination));
  if (filter.country) conditions.push(eb.or([eb('complaint_facts.origin', '=', filter.country), eb('complaint_facts.destination', '=', filter.country)]));
  return eb.and(conditions);
}

/**
 * The sum of the facts' values per code for one kind of fact (facts.ts): complaints per code, or workers per sex.
 * Each complaint has at most one fact per kind and code, so a complaint counts once under each of its codes.
 */
async function factTotals(db: Kysely<Database>, kind: FactKind, filter: DashboardFilter): Promise<Array<{ code: string; value: number }>> {
  const rows = await db
    .selectFrom('complaint_facts')
    .where((eb) => factsInScope(eb, kind, filter))
    .select(['complaint_facts.code', (eb) => eb.fn.sum<number>('complaint_facts.value').as('value')])
    .groupBy('complaint_facts.code')
    .execute();
  return rows.map((r) => ({ code: r.code, value: n(r.value) })).sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
}

/** Complaints by grievance: a complaint with several grievances counts once under each. */
export async function complaintsByGrievance(db: Kysely<Database>, filter: DashboardFilter) {
  return (await factTotals(db, 'grievance', filter)).map((r) => ({ code: r.code, complaints: r.value }));
}

/** Workers by sex: each worker named on a complaint counts once. */
export async function workersBySex(db: Kysely<Database>, filter: DashboardFilter) {
  return (await factTotals(db, 'sex', filter)).map((r) => ({ code: r.code, workers: r.value }));
}

/** Complaints by type of respondent: a complaint against two employers counts once under "employer". */
export async function complaintsByRespondentType(db: Kysely<Database>, filter: DashboardFilter) {
  return (await factTotals(db, 'respondent_type', filter)).map((r) => ({ code: r.code, complaints: r.value }));
}

/**
 * Complaints against recruitment agencies of the registry (respondents a desk officer linked), most complained
 * about first; `unlinked` counts complaints naming an agency nobody has linked yet.
 */
export async function complaintsByAgency(db: Kysely<Database>, filter: DashboardFilter, limit = 20) {
  const totals = await factTotals(db, 'agency', filter);
  const unlinked = await factTotals(db, 'agency_unlinked', filter);
  const agencies = new Map<string, { name: string; licence_number: string; issuing_country: string }>();
  for (let i = 0; i < totals.length; i += 500) {
    const ids = totals.slice(i, i + 500).map((t) => t.code);
    const rows = await db.selectFrom('agencies').select(['id', 'name', 'licence_number', 'issuing_country']).where('id', 'in', ids).execute();
    for (const row of rows) agencies.set(row.id, row);
  }
  const items = totals
    .map((t) => ({ t, agency: agencies.get(t.code) }))
    .filter((x) => x.agency)
    .map(({ t, agency }) => ({ agencyId: t.code, name: agency!.name, licenceNumber: agency!.licence_number, country: agency!.issuing_country, complaints: t.value }))
    .sort((a, b) => b.complaints - a.complaints || a.name.localeCompare(b.name));
  return { items: items.slice(0, limit), agencies: totals.length, unlinked: unlinked[0]?.value ?? 0 };
}

/**
 * Complaints showing each ILO forced-labour indicator (through the grievances mapped to it, `indicatorGrievances`
 * in facts.ts), and complaints about recruitment fees or related costs in the ILO definition: each complaint counts
 * once per line.
 */
export async function complaintsByIndicator(db: Kysely<Database>, filter: DashboardFilter) {
  const found = new Map((await factTotals(db, 'indicator', filter)).map((r) => [r.code, r.value]));
  // Every line, none found included: a report shows each indicator.
  return Object.entries(indicatorGrievances)
    .filter(([, codes]) => codes.length > 0)
    .map(([code]) => ({ code, complaints: found.get(code) ?? 0 }))
    .sort((a, b) => b.complaints - a.complaints || a.code.localeCompare(b.code));
}

/** Outcomes recorded on the complaints, by type: a complaint with two outcomes of one type counts once. */
export async function complaintsByOutcome(db: Kysely<Database>, filter: DashboardFilter) {
  return (await factTotals(db, 'outcome', filter)).map((r) => ({ code: r.code, complaints: r.value }));
}

/** Money claimed, awarded and received on the outcomes, per currency (in minor units; currencies are never added up). */
export async function moneyByCurrency(db: Kysely<Database>, filter: DashboardFilter) {
  const rows = await db
    .selectFrom('complaint_facts')
    .where((eb) => factsInScope(eb, 'money', filter))
    .select([
      'complaint_facts.code as currency',
      (eb) => eb.fn.countAll<number>().as('complaints'),
      (eb) => eb.fn.sum<number>('complaint_facts.claimed').as('claimed'),
      (eb) => eb.fn.sum<number>('complaint_facts.awarded').as('awarded'),
      (eb) => eb.fn.sum<number>('complaint_facts.received').as('received'),
    ])
    .groupBy('complaint_facts.code')
    .execute();
  return rows
    .map((r) => ({ currency: r.currency, complaints: n(r.complaints), claimed: n(r.claimed), awarded: n(r.awarded), received: n(r.received) }))
    .sort((a, b) => b.complaints - a.complaints || a.currency.localeCompare(b.currency));
}

/**
 * How many complaints took each whole number of days (UTC calendar days from the day received) to their first
 * action or resolution: a histogram from which percentiles are read exactly (see percentiles.ts), so both databases
 * give the same figures. The day counts are written with the dates (migration 0016) and read from a narrow index.
 */
export async function daysHistogram(db: Kysely<Database>, filter: DashboardFilter, column: 'days_to_first_action' | 'days_to_resolution') {
  const days = sql.ref<number>(`complaints.${column}`);
  const rows = await scoped(db.selectFrom('complaints'), filter)
    .where(days, 'is not', null)
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
