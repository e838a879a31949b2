import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import type { Actor, UserActor } from '../auth/actor';
import { authorize, can } from '../auth/policies';
import { summariseDays } from './percentiles';
import {
  complaintsByAgency,
  complaintsByColumn,
  complaintsByCorridor,
  complaintsByGrievance,
  complaintsByIndicator,
  complaintsByMonth,
  complaintsByOutcome,
  complaintsByRespondentType,
  type DashboardFilter,
  daysHistogram,
  moneyByCurrency,
  overdueCounts,
  workersBySex,
} from './repository';
import { referralFlows } from './referrals';
import type { Dashboard, DashboardQuery } from './schema';

export { indicatorGrievances } from './facts';

/**
 * Each figure of the dashboard as its own query (the benchmark times them one by one). All count the complaints
 * the filter selects; `now` only matters for what is overdue.
 */
export const dashboardQueries = {
  overTime: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByMonth(db, filter),
  byGrievance: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByGrievance(db, filter),
  byIndicator: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByIndicator(db, filter),
  byCorridor: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByCorridor(db, filter),
  bySex: (db: Kysely<Database>, filter: DashboardFilter) => workersBySex(db, filter),
  bySector: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByColumn(db, filter, 'sector'),
  byChannel: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByColumn(db, filter, 'channel'),
  byState: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByColumn(db, filter, 'state'),
  byRespondentType: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByRespondentType(db, filter),
  byAgency: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByAgency(db, filter),
  outcomes: (db: Kysely<Database>, filter: DashboardFilter) => complaintsByOutcome(db, filter),
  money: (db: Kysely<Database>, filter: DashboardFilter) => moneyByCurrency(db, filter),
  firstAction: async (db: Kysely<Database>, filter: DashboardFilter) => summariseDays(await daysHistogram(db, filter, 'days_to_first_action')),
  resolution: async (db: Kysely<Database>, filter: DashboardFilter) => summariseDays(await daysHistogram(db, filter, 'days_to_resolution')),
  overdue: (db: Kysely<Database>, filter: DashboardFilter, now: string) => overdueCounts(db, filter, now),
  referrals: (db: Kysely<Database>, filter: DashboardFilter) => referralFlows(db, filter),
} as const;

/** The day after an ISO date: `to` is inclusive for people, the queries take an exclusive upper bound. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The complaints a user's dashboard counts: their own organisation's (a node administrator's: every
 * organisation's, or the one they name), in the period and corridor asked for.
 */
export function dashboardFilter(actor: UserActor, query: DashboardQuery & { country?: string }): DashboardFilter {
  if (query.organisationId && actor.role !== 'system_admin' && query.organisationId !== actor.organisationId) throw new AppError('not_found');
  if (query.from && query.to && query.to < query.from) throw new AppError('validation_failed', {}, [{ path: 'querystring.to', code: 'period_reversed' }]);
  return {
    organisationId: actor.role === 'system_admin' ? query.organisationId : actor.organisationId,
    receivedFrom: query.from,
    receivedBefore: query.to ? dayAfter(query.to) : undefined,
    origin: query.origin,
    destination: query.destination,
    country: query.country,
  };
}

/** Every figure of the dashboard for the complaints the filter selects. */
export async function computeDashboard(db: Kysely<Database>, filter: DashboardFilter, now = nowIso()) {
  const q = dashboardQueries;
  // One query after the other: on SQLite they would not overlap anyway, and on PostgreSQL one request should not
  // hold sixteen pooled connections.
  const overTime = await q.overTime(db, filter);
  const byGrievance = await q.byGrievance(db, filter);
  const byIndicator = await q.byIndicator(db, filter);
  const byCorridor = await q.byCorridor(db, filter);
  const bySex = await q.bySex(db, filter);
  const bySector = await q.bySector(db, filter);
  const byChannel = await q.byChannel(db, filter);
  const byState = await q.byState(db, filter);
  const byRespondentType = await q.byRespondentType(db, filter);
  const byAgency = await q.byAgency(db, filter);
  const outcomes = await q.outcomes(db, filter);
  const money = await q.money(db, filter);
  const firstAction = await q.firstAction(db, filter);
  const resolution = await q.resolution(db, filter);
  const overdue = await q.overdue(db, filter, now);
  const referrals = await q.referrals(db, filter);
  return {
    totals: { complaints: overTime.reduce((sum, m) => sum + m.complaints, 0), workers: overTime.reduce((sum, m) => sum + m.workers, 0) },
    overTime,
    byGrievance,
    byIndicator,
    byCorridor,
    bySex,
    bySector,
    byChannel,
    byState,
    byRespondentType,
    byAgency,
    outcomes,
    money,
    firstAction,
    resolution,
    overdue,
    referrals,
  };
}

/** The dashboard of a signed-in user: aggregates only, over what they may see. */
export async function getDashboard(ctx: AppContext, actor: Actor, query: DashboardQuery & { country?: string }): Promise<Dashboard> {
  authorize(actor, 'dashboard.view');
  const filter = dashboardFilter(actor, query);
  const generatedAt = nowIso();
  const figures = await computeDashboard(ctx.db, filter, generatedAt);
  return {
    scope: {
      organisationId: filter.organisationId ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      origin: query.origin ?? null,
      destination: query.destination ?? null,
      country: query.country ?? null,
      // The list behind a figure is the user's own organisation's list: only for those who work cases there.
      drillDown: can(actor, 'complaint.read') && filter.organisationId === actor.organisationId,
      generatedAt,
    },
    ...figures,
  };
}
