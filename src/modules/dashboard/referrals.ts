import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { DashboardFilter } from './repository';

/**
 * Referrals and transfers between organisations, by sender, receiver, kind and state: what the Sankey diagram
 * draws. A referral counts when it was sent in the period and the organisation (if one is chosen) sent or received
 * it; a corridor filter keeps the referrals of complaints in that corridor (complaints of this node only).
 */
export async function referralFlows(db: Kysely<Database>, filter: DashboardFilter) {
  let query = db
    .selectFrom('referrals')
    .leftJoin('organisations as sender', 'sender.id', 'referrals.from_organisation_id')
    .leftJoin('organisations as receiver', 'receiver.id', 'referrals.to_organisation_id')
    .select([
      'referrals.from_organisation_id as fromOrganisationId',
      sql<string>`coalesce(sender.name, referrals.from_organisation_id)`.as('fromOrganisation'),
      sql<string>`coalesce(sender.country, '')`.as('fromCountry'),
      'referrals.to_organisation_id as toOrganisationId',
      sql<string>`coalesce(receiver.name, referrals.to_organisation_id)`.as('toOrganisation'),
      sql<string>`coalesce(receiver.country, '')`.as('toCountry'),
      'referrals.kind',
      'referrals.state',
      (eb) => eb.fn.countAll<number>().as('referrals'),
    ])
    .groupBy(['referrals.from_organisation_id', 'sender.name', 'sender.country', 'referrals.to_organisation_id', 'receiver.name', 'receiver.country', 'referrals.kind', 'referrals.state']);
  if (filter.organisationId) {
    const id = filter.organisationId;
    query = query.where((eb) => eb.or([eb('referrals.from_organisation_id', '=', id), eb('referrals.to_organisation_id', '=', id)]));
  }
  if (filter.receivedFrom) query = query.where('referrals.created_at', '>=', filter.receivedFrom);
  if (filter.receivedBefore) query = query.where('referrals.created_at', '<', filter.receivedBefore);
  if (filter.origin || filter.destination || filter.country) {
    const { origin, destination, country } = filter;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('complaints')
          .select(sql`1`.as('one'))
          .whereRef('complaints.id', '=', 'referrals.complaint_id')
          .where((eb) =>
            eb.and([
              ...(origin ? [eb('complaints.origin', '=', origin)] : []),
              ...(destination ? [eb('complaints.destination', '=', destination)] : []),
              ...(country ? [eb.or([eb('complaints.origin', '=', country), eb('complaints.destination', '=', country)])] : []),
            ]),
          ),
      ),
    );
  }
  const rows = await query.execute();
  const flows = rows
    .map((r) => ({ ...r, referrals: Number(r.referrals) }))
    .sort((a, b) => b.referrals - a.referrals || a.fromOrganisation.localeCompare(b.fromOrganisation) || a.toOrganisation.localeCompare(b.toOrganisation));
  return { available: true, flows };
}
