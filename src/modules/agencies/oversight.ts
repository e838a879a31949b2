import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { AgencyTable, Database } from '../../db/schema';
import { currencyCode, isoDate } from '../../lib/codes';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policies';
import { recordAudit } from '../audit/service';
import { findOrganisation } from '../organisations/repository';
import { type CriteriaSet, seededCriteriaSets } from './criteria-sets';
import { findAgencyRow, insertLicenceEvents, updateAgency } from './repository';

import { sanctionTypes } from './codes';

export { sanctionTypes };

export const sanctionInputSchema = z
  .object({
    type: z.enum(sanctionTypes),
    decidedOn: isoDate,
    until: isoDate.optional().meta({ description: 'For a suspension: the day the licence is valid again' }),
    decision: z.string().trim().min(2).max(300).meta({ description: 'Reference of the decision that imposed it' }),
    authority: z.string().trim().max(300).optional(),
    amount: z.number().int().min(0).optional(),
    currency: currencyCode.optional(),
  })
  .meta({ id: 'SanctionInput' });

export const assessmentInputSchema = z
  .object({
    criteriaSetId: z.string().min(2).max(100),
    period: z.string().regex(/^\d{4}(-(H1|H2|Q[1-4]))?$/, { error: 'period' }).meta({ description: 'A year, half-year or quarter: 2025, 2025-H1, 2025-Q3' }),
    scores: z.record(z.string(), z.object({ score: z.number().min(0), evidence: z.string().trim().max(2000).optional() })),
  })
  .meta({ id: 'AssessmentInput' });

export const ratingInputSchema = z
  .object({
    fees: z.number().int().min(1).max(5),
    orientation: z.number().int().min(1).max(5),
    contract: z.number().int().min(1).max(5),
    comment: z.string().trim().max(1000).optional(),
    language: z.string().max(10).default('en'),
    website: z.string().max(0, { error: 'spam' }).optional(),
  })
  .meta({ id: 'RatingInput' });

/** Regulators: government labour offices (and the node's system administrators). */
async function authorizeRegulator(ctx: AppContext, actor: Actor) {
  authorize(actor, 'agency.regulate');
  if (actor.role === 'system_admin') return actor;
  const organisation = await findOrganisation(ctx.db, actor.organisationId);
  if (organisation?.type !== 'government_labour_office') throw new AppError('forbidden');
  return actor;
}

async function loadAgency(db: Kysely<Database>, id: string): Promise<AgencyTable> {
  const agency = await findAgencyRow(db, id);
  if (!agency) throw new AppError('not_found');
  return agency;
}

/**
 * Records a sanction and the decision that imposed it. A suspension or cancellation changes the licence status
 * from its date (a suspension ends on `until`), in the licence history and, when in effect today, on the agency.
 */
export async function recordSanction(ctx: AppContext, actor: Actor, agencyId: string, input: z.infer<typeof sanctionInputSchema>) {
  const regulator = await authorizeRegulator(ctx, actor);
  const agency = await loadAgency(ctx.db, agencyId);
  const now = nowIso();
  const today = now.slice(0, 10);
  const sanction = {
    id: newId(),
    agency_id: agencyId,
    type: input.type,
    decided_on: input.decidedOn,
    until: input.until ?? null,
    decision: input.decision,
    authority: input.authority ?? null,
    amount: input.amount ?? null,
    currency: input.currency ?? null,
    recorded_by: regulator.userId,
    recorded_at: now,
  };
  const source = `sanction ${input.decision}`;
  const events =
    input.type === 'suspension'
      ? [
          { id: newId(), agency_id: agencyId, status: 'suspended', effective_on: input.decidedOn, source, recorded_at: now },
          ...(input.until ? [{ id: newId(), agency_id: agencyId, status: 'valid', effective_on: input.until, source, recorded_at: now }] : []),
        ]
      : input.type === 'cancellation'
        ? [{ id: newId(), agency_id: agencyId, status: 'cancelled', effective_on: input.decidedOn, source, recorded_at: now }]
        : [];
  let status = agency.licence_status;
  if (input.type === 'cancellation' && input.decidedOn <= today) status = 'cancelled';
  if (input.type === 'suspension' && input.decidedOn <= today && (!input.until || input.until > today)) status = 'suspended';
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('agency_sanctions').values(sanction).execute();
    await insertLicenceEvents(trx, events);
    if (status !== agency.licence_status) await updateAgency(trx, agencyId, { licence_status: status, updated_at: now });
    await recordAudit(trx, actor, [{ action: 'agency.sanction', entityType: 'agency', entityId: agencyId, details: { type: input.type } }]);
  });
  return { id: sanction.id, type: input.type, decidedOn: input.decidedOn, until: sanction.until, decision: input.decision, licenceStatus: status };
}

/** The criteria sets, seeded ones first added to a database that lacks them. */
export async function ensureCriteriaSets(db: Kysely<Database>) {
  for (const set of seededCriteriaSets) {
    await db.insertInto('assessment_criteria_sets').values({ id: set.id, body: JSON.stringify(set), updated_at: nowIso() }).onConflict((oc) => oc.column('id').doNothing()).execute();
  }
}

export async function listCriteriaSets(ctx: AppContext): Promise<CriteriaSet[]> {
  return (await ctx.db.selectFrom('assessment_criteria_sets').selectAll().orderBy('id').execute()).map((row) => JSON.parse(row.body) as CriteriaSet);
}

/** Records (or corrects) an agency's assessment for a period: a score per criterion, with its evidence. */
export async function recordAssessment(ctx: AppContext, actor: Actor, agencyId: string, input: z.infer<typeof assessmentInputSchema>) {
  const regulator = await authorizeRegulator(ctx, actor);
  await loadAgency(ctx.db, agencyId);
  const set = (await listCriteriaSets(ctx)).find((s) => s.id === input.criteriaSetId);
  if (!set) throw new AppError('validation_failed', {}, [{ path: 'body.criteriaSetId', code: 'unknown_criteria_set' }]);
  const problems = [
    ...set.criteria.filter((c) => !(c.code in input.scores)).map((c) => ({ path: `body.scores.${c.code}`, code: 'invalid_type', params: { expected: 'number' } })),
    ...Object.entries(input.scores).flatMap(([code, value]) => {
      const criterion = set.criteria.find((c) => c.code === code);
      if (!criterion) return [{ path: `body.scores.${code}`, code: 'unrecognized_keys' }];
      return value.score > criterion.maxScore ? [{ path: `body.scores.${code}.score`, code: 'too_big', params: { maximum: criterion.maxScore } }] : [];
    }),
  ];
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  const weights = set.criteria.reduce((sum, c) => sum + c.weight, 0);
  const total = Math.round((1000 * set.criteria.reduce((sum, c) => sum + (c.weight * input.scores[c.code].score) / c.maxScore, 0)) / weights);
  const now = nowIso();
  const row = { id: newId(), agency_id: agencyId, criteria_set_id: set.id, period: input.period, scores: JSON.stringify(input.scores), total, assessed_by: regulator.userId, recorded_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('agency_assessments')
      .values(row)
      .onConflict((oc) => oc.columns(['agency_id', 'criteria_set_id', 'period']).doUpdateSet({ scores: row.scores, total, assessed_by: row.assessed_by, recorded_at: now }))
      .execute();
    await recordAudit(trx, actor, [{ action: 'agency.assess', entityType: 'agency', entityId: agencyId, details: { criteriaSet: set.id, period: input.period, total } }]);
  });
  return { agencyId, criteriaSetId: set.id, period: input.period, score: total / 10 };
}

/** Agencies of one criteria set and period, best first; equal scores share a rank. */
export async function assessmentRanking(db: Kysely<Database>, criteriaSetId: string, period: string) {
  const rows = await db
    .selectFrom('agency_assessments')
    .innerJoin('agencies', 'agencies.id', 'agency_assessments.agency_id')
    .select(['agencies.id as agencyId', 'agencies.name as name', 'agencies.licence_number as licenceNumber', 'agency_assessments.total as total'])
    .where('criteria_set_id', '=', criteriaSetId)
    .where('period', '=', period)
    .orderBy('agency_assessments.total', 'desc')
    .orderBy('agencies.name')
    .execute();
  let rank = 0;
  let previous: number | undefined;
  return rows.map((row, index) => {
    if (row.total !== previous) rank = index + 1;
    previous = row.total;
    return { rank, of: rows.length, agencyId: row.agencyId, name: row.name, licenceNumber: row.licenceNumber, score: row.total / 10 };
  });
}

/** A worker's rating of an agency, waiting for moderation before it counts. */
export async function submitRating(ctx: AppContext, agencyId: string, input: z.infer<typeof ratingInputSchema>) {
  if (input.website) throw new AppError('spam_rejected');
  await loadAgency(ctx.db, agencyId);
  const row = { id: newId(), agency_id: agencyId, fees: input.fees, orientation: input.orientation, contract: input.contract, comment: input.comment ?? null, language: input.language, status: 'pending', created_at: nowIso(), moderated_by: null, moderated_at: null };
  await ctx.db.insertInto('agency_ratings').values(row).execute();
  return { id: row.id, status: 'pending' as const };
}

/** The moderation queue: ratings not yet approved or rejected, oldest first. */
export async function pendingRatings(ctx: AppContext, actor: Actor) {
  authorize(actor, 'agency.moderate');
  const rows = await ctx.db
    .selectFrom('agency_ratings')
    .innerJoin('agencies', 'agencies.id', 'agency_ratings.agency_id')
    .select(['agency_ratings.id', 'agency_ratings.agency_id', 'agencies.name as agencyName', 'fees', 'orientation', 'contract', 'comment', 'language', 'agency_ratings.created_at'])
    .where('status', '=', 'pending')
    .orderBy('agency_ratings.created_at')
    .limit(200)
    .execute();
  return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, agencyName: r.agencyName, fees: r.fees, orientation: r.orientation, contract: r.contract, comment: r.comment, language: r.language, createdAt: r.created_at }));
}

export async function moderateRating(ctx: AppContext, actor: Actor, ratingId: string, decision: 'approve' | 'reject') {
  authorize(actor, 'agency.moderate');
  const rating = await ctx.db.selectFrom('agency_ratings').selectAll().where('id', '=', ratingId).executeTakeFirst();
  if (!rating) throw new AppError('not_found');
  const status = decision === 'approve' ? ('approved' as const) : ('rejected' as const);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('agency_ratings').set({ status, moderated_by: actor.userId, moderated_at: nowIso() }).where('id', '=', ratingId).execute();
    await recordAudit(trx, actor, [{ action: 'agency.moderate_rating', entityType: 'agency', entityId: rating.agency_id, details: { ratingId, status } }]);
  });
  return { id: ratingId, status };
}

/** Approved ratings of agencies: how many and their averages, hidden below 5 ratings. */
export async function ratingSummaries(db: Kysely<Database>, agencyIds: string[]) {
  if (agencyIds.length === 0) return new Map<string, ReturnType<typeof summary>>();
  const rows = await db
    .selectFrom('agency_ratings')
    .select(['agency_id', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.avg<number>('fees').as('fees'), (eb) => eb.fn.avg<number>('orientation').as('orientation'), (eb) => eb.fn.avg<number>('contract').as('contract')])
    .where('status', '=', 'approved')
    .where('agency_id', 'in', agencyIds)
    .groupBy('agency_id')
    .execute();
  const summary = (r: (typeof rows)[number]) => {
    const count = Number(r.count);
    const round = (v: number) => Math.round(Number(v) * 10) / 10;
    return count < 5 ? { count: null, fewerThan: 5, fees: null, orientation: null, contract: null } : { count, fewerThan: null, fees: round(r.fees), orientation: round(r.orientation), contract: round(r.contract) };
  };
  return new Map(rows.map((r) => [r.agency_id, summary(r)]));
}

/** Sanctions of agencies, newest first. */
export async function sanctionsOf(db: Kysely<Database>, agencyIds: string[]) {
  if (agencyIds.length === 0) return [];
  return db.selectFrom('agency_sanctions').selectAll().where('agency_id', 'in', agencyIds).orderBy('decided_on', 'desc').execute();
}

/** Each agency's place in the latest period it was assessed in. */
export async function latestRanks(db: Kysely<Database>, agencyIds: string[]) {
  const ranks = new Map<string, { criteriaSet: string; period: string; rank: number; of: number; score: number }>();
  if (agencyIds.length === 0) return ranks;
  const latest = await db.selectFrom('agency_assessments').select(['agency_id', 'criteria_set_id', 'period']).where('agency_id', 'in', agencyIds).orderBy('period', 'desc').execute();
  const sets = new Map((await db.selectFrom('assessment_criteria_sets').selectAll().execute()).map((s) => [s.id, (JSON.parse(s.body) as CriteriaSet).name]));
  for (const row of latest) {
    if (ranks.has(row.agency_id)) continue;
    const ranking = await assessmentRanking(db, row.criteria_set_id, row.period);
    const entry = ranking.find((r) => r.agencyId === row.agency_id)!;
    ranks.set(row.agency_id, { criteriaSet: sets.get(row.criteria_set_id) ?? row.criteria_set_id, period: row.period, rank: entry.rank, of: entry.of, score: entry.score });
  }
  return ranks;
}

/** The regulator's view: agencies with the most complaints still open, across every organisation of the node. */
export async function mostUnresolved(ctx: AppContext, actor: Actor, country?: string) {
  await authorizeRegulator(ctx, actor);
  let query = ctx.db
    .selectFrom('complaint_respondents')
    .innerJoin('complaints', 'complaints.id', 'complaint_respondents.complaint_id')
    .innerJoin('agencies', 'agencies.id', 'complaint_respondents.agency_id')
    .select(['agencies.id as agencyId', 'agencies.name as name', 'agencies.licence_number as licenceNumber', 'agencies.licence_status as licenceStatus', sql<number>`count(distinct complaints.id)`.as('open')])
    .where('complaints.state', 'in', ['received', 'in_progress'])
    .groupBy(['agencies.id', 'agencies.name', 'agencies.licence_number', 'agencies.licence_status'])
    .orderBy('open', 'desc')
    .limit(50);
  if (country) query = query.where('agencies.issuing_country', '=', country);
  return (await query.execute()).map((r) => ({ ...r, open: Number(r.open) }));
}

/** An agency's complaint record: by state, grievance, outcome and year, and money claimed, awarded and received. */
export async function agencyRecord(ctx: AppContext, actor: Actor, agencyId: string) {
  authorize(actor, 'complaint.list');
  await loadAgency(ctx.db, agencyId);
  const base = ctx.db
    .selectFrom('complaint_respondents')
    .innerJoin('complaints', 'complaints.id', 'complaint_respondents.complaint_id')
    .where('complaint_respondents.agency_id', '=', agencyId);
  const [byState, byYear, byGrievance, money] = await Promise.all([
    base.select(['complaints.state as key', sql<number>`count(distinct complaints.id)`.as('count')]).groupBy('complaints.state').execute(),
    base.select([sql<string>`substr(complaints.received_at, 1, 4)`.as('key'), sql<number>`count(distinct complaints.id)`.as('count')]).groupBy(sql`substr(complaints.received_at, 1, 4)`).orderBy('key').execute(),
    base
      .innerJoin('complaint_grievances', 'complaint_grievances.complaint_id', 'complaints.id')
      .select(['complaint_grievances.code as key', sql<number>`count(distinct complaints.id)`.as('count')])
      .groupBy('complaint_grievances.code')
      .execute(),
    base
      .innerJoin('complaint_outcomes', 'complaint_outcomes.complaint_id', 'complaints.id')
      .select(['complaint_outcomes.currency as currency', (eb) => eb.fn.sum<number>('claimed').as('claimed'), (eb) => eb.fn.sum<number>('awarded').as('awarded'), (eb) => eb.fn.sum<number>('received').as('received')])
      .where('complaint_outcomes.currency', 'is not', null)
      .groupBy('complaint_outcomes.currency')
      .execute(),
  ]);
  const counts = (rows: Array<{ key: string; count: number }>) => Object.fromEntries(rows.map((r) => [r.key, Number(r.count)]));
  return {
    byState: counts(byState),
    byYear: counts(byYear),
    byGrievance: counts(byGrievance),
    money: money.map((m) => ({ currency: m.currency!, claimed: Number(m.claimed ?? 0), awarded: Number(m.awarded ?? 0), received: Number(m.received ?? 0) })),
  };
}
