import type { Kysely } from 'kysely';
import type { Database, ReferralEventTable, ReferralTable } from '../../db/schema';

export async function insertReferral(trx: Kysely<Database>, row: ReferralTable) {
  await trx.insertInto('referrals').values(row).execute();
}

export function findReferral(db: Kysely<Database>, id: string) {
  return db.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateReferral(trx: Kysely<Database>, id: string, changes: Partial<ReferralTable>) {
  await trx.updateTable('referrals').set(changes).where('id', '=', id).execute();
}

/** Adds an event once: an event that came twice (from a partner node) is kept once. */
export async function insertReferralEvent(trx: Kysely<Database>, event: ReferralEventTable): Promise<boolean> {
  const result = await trx.insertInto('referral_events').values(event).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listReferralEvents(db: Kysely<Database>, referralId: string) {
  return db.selectFrom('referral_events').selectAll().where('referral_id', '=', referralId).orderBy('occurred_at').orderBy('id').execute();
}

export interface ReferralFilter {
  organisationId: string;
  direction: 'incoming' | 'outgoing';
  state?: string;
  overdueAt?: string;
  complaintId?: string;
  limit: number;
}

export function listReferralRows(db: Kysely<Database>, filter: ReferralFilter) {
  let query = db
    .selectFrom('referrals')
    .selectAll()
    .where(filter.direction === 'incoming' ? 'to_organisation_id' : 'from_organisation_id', '=', filter.organisationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.overdueAt) query = query.where('state', '=', 'pending').where('response_due_at', '<', filter.overdueAt);
  if (filter.complaintId) query = query.where((eb) => eb.or([eb('complaint_id', '=', filter.complaintId!), eb('received_complaint_id', '=', filter.complaintId!)]));
  return query.execute();
}

/** Referrals by direction and state for an organisation, with how many pending ones are past their due date. */
export async function countReferrals(db: Kysely<Database>, organisationId: string, now: string) {
  const counts = { incoming: { pending: 0, accepted: 0, overdue: 0 }, outgoing: { pending: 0, accepted: 0, overdue: 0 } };
  for (const direction of ['incoming', 'outgoing'] as const) {
    const column = direction === 'incoming' ? 'to_organisation_id' : 'from_organisation_id';
    const rows = await db
      .selectFrom('referrals')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>(eb.case().when('response_due_at', '<', now).then(1).else(0).end()).as('late')])
      .where(column, '=', organisationId)
      .where('state', 'in', ['pending', 'accepted'])
      .groupBy('state')
      .execute();
    for (const row of rows) {
      if (row.state === 'pending') {
        counts[direction].pending = Number(row.n);
        counts[direction].overdue = Number(row.late ?? 0);
      } else counts[direction].accepted = Number(row.n);
    }
  }
  return counts;
}
