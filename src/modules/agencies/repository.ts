import { type Kysely, sql } from 'kysely';
import type { AgencyLicenceEventTable, AgencyTable, Database } from '../../db/schema';
import { refreshComplaintFacts } from '../dashboard/facts';

export function listAgencyRows(db: Kysely<Database>, country?: string) {
  let query = db.selectFrom('agencies').selectAll();
  if (country) query = query.where('issuing_country', '=', country);
  return query.execute();
}

export function findAgencyRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAgenciesByLicence(db: Kysely<Database>, licenceNumber: string) {
  return db.selectFrom('agencies').selectAll().where('licence_number', '=', licenceNumber).execute();
}

export function findAgencyRows(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('agencies').selectAll().where('id', 'in', ids).execute();
}

export async function insertAgencies(trx: Kysely<Database>, rows: AgencyTable[]) {
  for (let i = 0; i < rows.length; i += 500) await trx.insertInto('agencies').values(rows.slice(i, i + 500)).execute();
}

export async function updateAgency(trx: Kysely<Database>, id: string, changes: Partial<AgencyTable>) {
  await trx.updateTable('agencies').set(changes).where('id', '=', id).execute();
}

export async function insertLicenceEvents(trx: Kysely<Database>, rows: AgencyLicenceEventTable[]) {
  for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('agency_licence_events').values(rows.slice(i, i + 1000)).execute();
}

export function licenceEvents(db: Kysely<Database>, agencyIds: string[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('agency_licence_events').selectAll().where('agency_id', 'in', agencyIds).orderBy('effective_on').orderBy('recorded_at').execute();
}

/** Complaints naming each agency, by state: for the public look-up's suppressed counts. */
export function complaintCountsByAgency(db: Kysely<Database>, agencyIds: string[]) {
  if (agencyIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('complaint_respondents')
    .innerJoin('complaints', 'complaints.id', 'complaint_respondents.complaint_id')
    .select(['complaint_respondents.agency_id as agencyId', sql<number>`count(distinct complaints.id)`.as('count')])
    .where('complaint_respondents.agency_id', 'in', agencyIds)
    .where('complaints.consent_statistics', '=', 1)
    .groupBy('complaint_respondents.agency_id')
    .execute();
}

export function findRespondent(db: Kysely<Database>, complaintId: string, respondentId: string) {
  return db.selectFrom('complaint_respondents').selectAll().where('complaint_id', '=', complaintId).where('id', '=', respondentId).executeTakeFirst();
}

/**
 * Links a respondent of a complaint to an agency; with no agency, `confirmedBy` records that someone checked it is
 * not listed. Call inside a transaction: the dashboard's facts of the complaint are written again.
 */
export async function linkRespondent(trx: Kysely<Database>, complaintId: string, respondentId: string, agencyId: string | null, confirmedBy: string | null) {
  await trx
    .updateTable('complaint_respondents')
    .set({ agency_id: agencyId, agency_confirmed_by: confirmedBy })
    .where('id', '=', respondentId)
    .where('complaint_id', '=', complaintId)
    .execute();
  await refreshComplaintFacts(trx, [complaintId]);
}
