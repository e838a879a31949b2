// The dashboard's fact table: for each complaint, one row per code it counts under in a figure that reads the
// complaint's attached rows (grievances, indicators, workers' sex, respondent types, agencies, outcomes, money), with
// a copy of the columns the dashboard filters on (organisation, date received, corridor).
//
// Counting these through joins meant one index look-up per complaint in scope: about a second for the 200,000
// complaints of a year at a million (bench/dashboard.ts). Here a figure is one range of one covering index.
// Facts are derived data: `refreshComplaintFacts` writes them again from the attached rows, and every change of
// those rows calls it in the same transaction (insertComplaints, insertOutcome, linkRespondent). The columns copied
// from the complaint never change after intake.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { Database } from '../../db/schema';
import { forcedLabourIndicators, grievanceCodes, grievances, outcomeTypes, respondentTypes, sexes } from '../complaints/taxonomy';

/** The figures kept as facts, and what `code` holds in each. */
export type FactKind =
  | 'grievance' // a grievance code
  | 'indicator' // an ILO forced-labour indicator, or recruitment_fees (through the grievances, see indicatorGrievances)
  | 'sex' // workers' sex; value = how many workers
  | 'respondent_type' // a respondent type
  | 'agency' // a registry agency's id linked to a respondent
  | 'agency_unlinked' // code '-': a recruitment agency respondent not linked to the registry
  | 'outcome' // an outcome type
  | 'money'; // a currency; claimed/awarded/received = the complaint's sums in it (minor units)

/** The grievance codes behind each ILO forced-labour indicator, and behind recruitment fees (ILO definition). */
export const indicatorGrievances: Record<string, string[]> = {
  ...Object.fromEntries(forcedLabourIndicators.map((indicator) => [indicator, grievanceCodes.filter((code) => (grievances[code].indicators as readonly string[]).includes(indicator))])),
  recruitment_fees: grievanceCodes.filter((code) => grievances[code].recruitmentFees),
};

/**
 * Every code a kind of fact can hold, for the kinds whose codes come from the taxonomy (checked at every write):
 * a dashboard query names them so that SQLite reads its index code by code (migration 0013). Agencies and
 * currencies are open lists.
 */
export const factCodes: Partial<Record<FactKind, readonly string[]>> = {
  grievance: grievanceCodes,
  indicator: Object.keys(indicatorGrievances),
  sex: sexes,
  respondent_type: respondentTypes,
  outcome: outcomeTypes,
};

const columns = sql.raw('complaint_id, organisation_id, received_at, origin, destination, kind, code, value, claimed, awarded, received');
const complaint = sql.raw("c.id, c.organisation_id, c.received_at, c.origin, c.destination");

/**
 * Writes the facts of some complaints again (all complaints with `'all'`, as the migration that introduced them
 * does). Call inside the transaction that changed their attached rows.
 */
export async function refreshComplaintFacts(trx: Kysely<Database>, complaintIds: string[] | 'all'): Promise<void> {
  if (complaintIds !== 'all' && complaintIds.length === 0) return;
  // Stay under SQLite's limit of bound parameters per statement.
  if (complaintIds !== 'all' && complaintIds.length > 5000) {
    for (let i = 0; i < complaintIds.length; i += 5000) await refreshComplaintFacts(trx, complaintIds.slice(i, i + 5000));
    return;
  }
  // The complaints are picked on the attached table's own column: PostgreSQL does not carry an IN list across the
  // join, and picked on complaints it read the whole attached table for each batch (quadratic in a bulk load).
  // On PostgreSQL the ids go as one array parameter: a list of thousands of parameters costs more to plan than to run.
  const ids = complaintIds === 'all' ? null : isPostgres(trx) ? sql`= any(${complaintIds}::text[])` : sql`in (${sql.join(complaintIds)})`;
  const scope = (table: string) => (ids ? sql`${sql.ref(`${table}.complaint_id`)} ${ids}` : sql`1 = 1`);
  if (complaintIds === 'all') await sql`delete from complaint_facts`.execute(trx);
  else await sql`delete from complaint_facts where complaint_id ${ids}`.execute(trx);
  const indicatorPairs = Object.entries(indicatorGrievances).flatMap(([indicator, codes]) => codes.map((code) => sql`(${indicator}, ${code})`));
  const insert = (select: ReturnType<typeof sql>) => sql`insert into complaint_facts (${columns}) ${select}`.execute(trx);
  await insert(sql`
    select ${complaint}, 'grievance', g.code, 1, null, null, null
    from complaint_grievances g join complaints c on c.id = g.complaint_id where ${scope('g')}`);
  await insert(sql`
    select ${complaint}, 'indicator', i.indicator, 1, null, null, null
    from complaint_grievances g join complaints c on c.id = g.complaint_id
    join (select column1 as indicator, column2 as code from (values ${sql.join(indicatorPairs)}) as v) i on i.code = g.code
    where ${scope('g')} group by ${complaint}, i.indicator`);
  await insert(sql`
    select ${complaint}, 'sex', w.sex, count(*), null, null, null
    from complaint_workers w join complaints c on c.id = w.complaint_id where ${scope('w')} group by ${complaint}, w.sex`);
  await insert(sql`
    select ${complaint}, 'respondent_type', r.type, 1, null, null, null
    from complaint_respondents r join complaints c on c.id = r.complaint_id where ${scope('r')} group by ${complaint}, r.type`);
  await insert(sql`
    select ${complaint}, 'agency', r.agency_id, 1, null, null, null
    from complaint_respondents r join complaints c on c.id = r.complaint_id
    where ${scope('r')} and r.agency_id is not null group by ${complaint}, r.agency_id`);
  await insert(sql`
    select ${complaint}, 'agency_unlinked', '-', 1, null, null, null
    from complaint_respondents r join complaints c on c.id = r.complaint_id
    where ${scope('r')} and r.type = 'recruitment_agency' and r.agency_id is null group by ${complaint}`);
  await insert(sql`
    select ${complaint}, 'outcome', o.type, 1, null, null, null
    from complaint_outcomes o join complaints c on c.id = o.complaint_id where ${scope('o')} group by ${complaint}, o.type`);
  await insert(sql`
    select ${complaint}, 'money', o.currency, 1, sum(o.claimed), sum(o.awarded), sum(o.received)
    from complaint_outcomes o join complaints c on c.id = o.complaint_id
    where ${scope('o')} and o.currency is not null group by ${complaint}, o.currency`);
}
