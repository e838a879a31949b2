import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { ComplaintTable, Database, OrganisationTable, ReferralEventTable, ReferralTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { addDays, nowIso } from '../../lib/time';
import type { Actor, UserActor } from '../auth/actor';
import { assertSameOrganisation, authorize } from '../auth/policies';
import { recordAudit } from '../audit/service';
import { buildComplaintRows } from '../complaints/build-complaint-rows';
import { findComplaint, findComplaintParts, insertComplaint, insertEvent, insertOutcome, updateComplaint } from '../complaints/repository';
import { complaintInputSchema } from '../complaints/schema';
import { type ComplaintState, finalStates } from '../complaints/taxonomy';
import { enqueueMessage } from '../federation/outbox';
import { findOrganisation } from '../organisations/repository';
import { findUser } from '../users/repository';
import { countReferrals, findReferral, insertReferral, insertReferralEvent, listReferralEvents, listReferralRows, updateReferral } from './repository';
import {
  fieldsRequiredForTransfer,
  type ReferralAction,
  type ReferralEventType,
  type ReferralInput,
  type ReferralKind,
  type ReferralListQuery,
  type ReferralOutcome,
  type ReferralState,
  type ShareableField,
  type SharedCase,
} from './schema';

type Parts = Awaited<ReturnType<typeof findComplaintParts>>;

/** The part of a complaint the sender chose to share. The case's facts without personal data always travel. */
export function buildSharedCase(row: ComplaintTable, parts: Parts, share: ShareableField[]): SharedCase {
  const has = (field: ShareableField) => share.includes(field);
  const shared: SharedCase = {
    reference: row.reference,
    channel: row.channel,
    receivedAt: row.received_at,
    origin: row.origin,
    destination: row.destination,
    sector: row.sector,
    occupation: row.occupation,
    stage: row.stage,
    grievances: row.grievance_codes.split(' ').filter(Boolean),
    workerCount: row.worker_count,
    rightsFacts: row.rights_facts ? (JSON.parse(row.rights_facts) as Record<string, unknown>) : null,
    // Consent travels with the case: the receiver must honour what the worker agreed to.
    consent: { services: row.consent_services === 1, shareWithOrganisations: row.consent_share === 1, statistics: row.consent_statistics === 1 },
  };
  if (has('narrative')) shared.narrative = { text: row.narrative_text, language: row.narrative_language };
  if (has('workers') || has('workerContacts') || has('workerIdentity')) {
    shared.workers = parts.workers.map((w) => ({
      ...(has('workers') ? { name: w.name, nameLatin: w.name_latin ?? undefined, sex: w.sex, languages: JSON.parse(w.languages) as string[] } : {}),
      ...(has('workerContacts') && w.phone ? { phone: w.phone } : {}),
      ...(has('workerIdentity')
        ? { birthDate: w.birth_date ?? undefined, birthYear: w.birth_year ?? undefined, nationality: w.nationality ?? undefined, passportNumber: w.passport_number ?? undefined }
        : {}),
    }));
  }
  if (has('complainant')) shared.complainant = { type: row.complainant_type, ...(JSON.parse(row.complainant) as Record<string, unknown>) };
  if (has('respondents')) shared.respondents = parts.respondents.map((r) => ({ type: r.type, name: r.name, country: r.country, agencyId: r.agency_id }));
  if (has('reliefSought')) shared.reliefSought = JSON.parse(row.relief_sought) as SharedCase['reliefSought'];
  if (has('outcomes')) {
    shared.outcomes = parts.outcomes.map((o) => ({
      type: o.type,
      currency: o.currency,
      claimed: o.claimed === null ? null : Number(o.claimed),
      awarded: o.awarded === null ? null : Number(o.awarded),
      received: o.received === null ? null : Number(o.received),
      decidedOn: o.decided_on,
    }));
  }
  return shared;
}

const organisationRef = (row: Pick<OrganisationTable, 'id' | 'name' | 'country' | 'type'> | undefined, id: string) =>
  row ? { id: row.id, name: row.name, country: row.country, type: row.type } : { id, name: '', country: '', type: '' };

async function organisationsById(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return new Map<string, OrganisationTable>();
  const rows = await db.selectFrom('organisations').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

function presentSummary(row: ReferralTable, organisationId: string, organisations: Map<string, OrganisationTable>, now: string) {
  const shared = JSON.parse(row.shared) as SharedCase;
  const incoming = row.to_organisation_id === organisationId;
  return {
    id: row.id,
    kind: row.kind as ReferralKind,
    state: row.state as ReferralState,
    direction: incoming ? ('incoming' as const) : ('outgoing' as const),
    from: organisationRef(organisations.get(row.from_organisation_id), row.from_organisation_id),
    to: organisationRef(organisations.get(row.to_organisation_id), row.to_organisation_id),
    complaintId: incoming ? row.received_complaint_id : row.complaint_id,
    reference: shared.reference,
    grievances: shared.grievances,
    createdAt: row.created_at,
    responseDueAt: row.response_due_at,
    overdue: row.state === 'pending' && row.response_due_at < now,
    updatedAt: row.updated_at,
  };
}

function presentEvent(event: ReferralEventTable) {
  return {
    id: event.id,
    type: event.type as ReferralEventType,
    organisationId: event.organisation_id,
    userName: event.user_name,
    body: event.body,
    data: JSON.parse(event.data) as Record<string, unknown>,
    occurredAt: event.occurred_at,
  };
}

/** A referral may be seen by the two organisations at its ends (and by system administrators of the node). */
function assertParty(actor: UserActor, row: ReferralTable): 'sender' | 'receiver' {
  if (actor.organisationId === row.from_organisation_id) return 'sender';
  if (actor.organisationId === row.to_organisation_id) return 'receiver';
  throw new AppError('not_found');
}

/** What happens on this node when a referral event is applied, whether it was made here or came from a partner. */
async function applyEvent(trx: Kysely<Database>, referral: ReferralTable, event: ReferralEventTable, changes: Partial<ReferralTable>): Promise<void> {
  if (!(await insertReferralEvent(trx, event))) return; // already applied
  const updated = { ...referral, ...changes, updated_at: event.occurred_at };
  await updateReferral(trx, referral.id, { ...changes, updated_at: event.occurred_at });
  const [from, to] = [await findOrganisation(trx, referral.from_organisation_id), await findOrganisation(trx, referral.to_organisation_id)];

  // On the sender's node: the complaint's timeline shows what happened to the referral; an accepted transfer
  // closes the sender's complaint; an outcome reported by the receiver is recorded on the complaint.
  if (from && from.node_id === null && referral.complaint_id) {
    const complaint = await findComplaint(trx, referral.complaint_id);
    if (complaint) {
      const at = event.occurred_at;
      await insertEvent(trx, {
        id: newId(),
        complaint_id: complaint.id,
        type: 'referral',
        occurred_at: at,
        recorded_at: at,
        user_id: event.user_id,
        summary: null,
        data: JSON.stringify({ referralId: referral.id, event: event.type, kind: referral.kind, organisationId: event.organisation_id, ...(event.type === 'progress' ? { state: JSON.parse(event.data).state } : {}) }),
      });
      const open = !finalStates.includes(complaint.state as ComplaintState);
      if (event.type === 'accepted' && referral.kind === 'transfer' && open) {
        await updateComplaint(trx, complaint.id, { state: 'closed', closed_at: at, updated_at: at, ...(complaint.first_action_at ? {} : { first_action_at: at }) });
        await insertEvent(trx, {
          id: newId(),
          complaint_id: complaint.id,
          type: 'transition',
          occurred_at: at,
          recorded_at: at,
          user_id: null,
          summary: null,
          data: JSON.stringify({ from: complaint.state, to: 'closed', transferredTo: referral.to_organisation_id, referralId: referral.id }),
        });
      }
      if (event.type === 'completed' && updated.outcome && open) {
        const outcome = JSON.parse(updated.outcome) as ReferralOutcome;
        await insertOutcome(trx, {
          id: newId(),
          complaint_id: complaint.id,
          type: outcome.type,
          currency: outcome.currency ?? null,
          claimed: outcome.claimed ?? null,
          awarded: outcome.awarded ?? null,
          received: outcome.received ?? null,
          decided_on: at.slice(0, 10),
          note: outcome.note ?? null,
          created_by: null,
          created_at: at,
        });
      }
      await updateComplaint(trx, complaint.id, { updated_at: at });
    }
  }

  // On the receiver's node: an accepted transfer becomes the receiver's own complaint, built from what was shared.
  if (to && to.node_id === null && event.type === 'accepted' && referral.kind === 'transfer' && !referral.received_complaint_id) {
    const complaintId = await createTransferredComplaint(trx, referral, to);
    await updateReferral(trx, referral.id, { received_complaint_id: complaintId });
  }
}

/** The receiver's complaint for an accepted transfer: the shared fields, received through the `referral` channel. */
async function createTransferredComplaint(trx: Kysely<Database>, referral: ReferralTable, organisation: OrganisationTable): Promise<string> {
  const shared = JSON.parse(referral.shared) as SharedCase;
  const complainant = (shared.complainant ?? { type: 'worker' }) as Record<string, unknown>;
  const input = complaintInputSchema.parse({
    channel: 'referral',
    complainant: { type: complainant.type ?? 'worker', name: complainant.name, phone: complainant.phone, relationship: complainant.relationship },
    workers: (shared.workers ?? []).map((w) => ({
      name: w.name,
      nameLatin: w.nameLatin,
      sex: w.sex ?? 'unknown',
      birthDate: w.birthDate,
      birthYear: w.birthYear,
      nationality: w.nationality,
      passportNumber: w.passportNumber,
      phone: w.phone,
      languages: w.languages ?? [],
    })),
    respondents: (shared.respondents ?? []).map((r) => ({ type: r.type, name: r.name, country: r.country ?? undefined })),
    origin: shared.origin,
    destination: shared.destination,
    sector: shared.sector ?? undefined,
    occupation: shared.occupation ?? undefined,
    stage: shared.stage,
    grievances: shared.grievances,
    narrative: shared.narrative,
    reliefSought: shared.reliefSought ?? [],
    consent: { services: true, shareWithOrganisations: shared.consent?.shareWithOrganisations ?? false, statistics: shared.consent?.statistics ?? false },
    rightsFacts: shared.rightsFacts ?? undefined,
  });
  const rows = buildComplaintRows(input, { organisation, createdBy: null });
  rows.events.push({
    id: newId(),
    complaint_id: rows.complaint.id,
    type: 'referral',
    occurred_at: rows.complaint.received_at,
    recorded_at: rows.complaint.received_at,
    user_id: null,
    summary: null,
    data: JSON.stringify({ referralId: referral.id, event: 'transferred_in', kind: 'transfer', organisationId: referral.from_organisation_id, senderReference: shared.reference }),
  });
  await insertComplaint(trx, rows);
  return rows.complaint.id;
}

/** Queues the event for the partner node hosting the other end of the referral, if it is not hosted here. */
async function forwardToPartner(trx: Kysely<Database>, referral: ReferralTable, counterpartId: string, event: ReferralEventTable, changes: Partial<ReferralTable>) {
  const counterpart = await findOrganisation(trx, counterpartId);
  if (!counterpart?.node_id) return false;
  await enqueueMessage(trx, counterpart.node_id, 'referral.event', { referralId: referral.id, event: { ...event, user_id: null }, changes });
  return true;
}

/** The message body that carries a new referral to the receiver's node. */
export function sentMessageBody(referral: ReferralTable, event: ReferralEventTable, from: OrganisationTable) {
  return {
    referral: { ...referral, complaint_id: null, received_complaint_id: null, created_by: null },
    event: { ...event, user_id: null },
    fromOrganisation: { id: from.id, name: from.name, type: from.type, country: from.country, languages: JSON.parse(from.languages) as string[] },
  };
}

/**
 * Refers or transfers a complaint to another organisation, here or on a partner node. Refused without the
 * worker's consent to sharing, unless a supervisor records an override with a reason.
 */
export async function createReferral(ctx: AppContext, actor: Actor, complaintId: string, input: ReferralInput) {
  authorize(actor, 'referral.create');
  const complaint = await findComplaint(ctx.db, complaintId);
  if (!complaint) throw new AppError('not_found');
  assertSameOrganisation(actor, complaint.organisation_id);
  if (finalStates.includes(complaint.state as ComplaintState)) throw new AppError('complaint_not_open');
  const target = await findOrganisation(ctx.db, input.toOrganisationId);
  if (!target) throw new AppError('validation_failed', {}, [{ path: 'toOrganisationId', code: 'unknown_organisation' }]);
  if (target.id === complaint.organisation_id) throw new AppError('referral_target_invalid');
  const share = [...new Set(input.share)];
  if (input.kind === 'transfer' && !fieldsRequiredForTransfer.every((f) => share.includes(f))) throw new AppError('transfer_needs_fields');
  if (complaint.consent_share !== 1) {
    if (!input.consentOverride) throw new AppError('consent_not_shared');
    authorize(actor, 'referral.override_consent');
  }
  if (input.kind === 'transfer') {
    const active = await ctx.db.selectFrom('referrals').select('id').where('complaint_id', '=', complaintId).where('kind', '=', 'transfer').where('state', 'in', ['pending', 'accepted']).executeTakeFirst();
    if (active) throw new AppError('transfer_pending');
  }

  const parts = await findComplaintParts(ctx.db, complaintId);
  const now = nowIso();
  const user = await findUser(ctx.db, actor.userId);
  const from = (await findOrganisation(ctx.db, complaint.organisation_id))!;
  const row: ReferralTable = {
    id: newId(),
    complaint_id: complaintId,
    from_organisation_id: complaint.organisation_id,
    to_organisation_id: target.id,
    kind: input.kind,
    state: 'pending',
    reason: input.reason,
    shared_fields: JSON.stringify(share),
    shared: JSON.stringify(buildSharedCase(complaint, parts, share)),
    hide_receiver: input.hideReceiverFromWorker ? 1 : 0,
    consent_override: input.consentOverride ? JSON.stringify({ reason: input.consentOverride.reason, by: user?.name ?? null, at: now }) : null,
    created_by: actor.userId,
    created_at: now,
    response_due_at: addDays(now, target.first_action_days),
    responded_at: null,
    completed_at: null,
    outcome: null,
    received_complaint_id: null,
    updated_at: now,
  };
  const event: ReferralEventTable = {
    id: newId(),
    referral_id: row.id,
    type: 'sent',
    organisation_id: row.from_organisation_id,
    user_id: actor.userId,
    user_name: user?.name ?? null,
    body: input.reason,
    data: JSON.stringify({ kind: input.kind, to: target.id }),
    occurred_at: now,
  };
  let queued = false;
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(trx, actor, [
      {
        action: 'referral.create',
        entityType: 'complaint',
        entityId: complaintId,
        organisationId: complaint.organisation_id,
        details: { referralId: row.id, kind: input.kind, to: target.id, share: share.join(' '), consentOverridden: Boolean(input.consentOverride) },
      },
      // The override is its own entry, so that an audit review finds every case shared without consent.
      ...(input.consentOverride
        ? [{ action: 'referral.consent_override', entityType: 'complaint', entityId: complaintId, organisationId: complaint.organisation_id, details: { referralId: row.id } }]
        : []),
    ]);
    await insertReferral(trx, row);
    await applyEvent(trx, row, event, {});
    if (target.node_id) {
      await enqueueMessage(trx, target.node_id, 'referral.sent', sentMessageBody(row, event, from));
      queued = true;
    }
  });
  if (queued) ctx.outboxWritten();
  return getReferral(ctx, actor, row.id, { audit: false });
}

/** Which side may take each action, from which states, and the state it leads to. */
const actionRules: Record<ReferralAction['action'], { side: 'sender' | 'receiver' | 'either'; from: ReferralState[]; to?: ReferralState; permission: 'referral.respond' | 'referral.message' }> = {
  accept: { side: 'receiver', from: ['pending'], to: 'accepted', permission: 'referral.respond' },
  decline: { side: 'receiver', from: ['pending'], to: 'declined', permission: 'referral.respond' },
  withdraw: { side: 'sender', from: ['pending'], to: 'withdrawn', permission: 'referral.respond' },
  complete: { side: 'receiver', from: ['accepted'], to: 'completed', permission: 'referral.respond' },
  message: { side: 'either', from: ['pending', 'accepted'], permission: 'referral.message' },
};

const eventTypeOf: Record<ReferralAction['action'], ReferralEventType> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn', complete: 'completed', message: 'message' };

/** Accept, decline, withdraw, complete with an outcome, or write on the referral's thread. */
export async function actOnReferral(ctx: AppContext, actor: Actor, id: string, action: ReferralAction) {
  const rule = actionRules[action.action];
  authorize(actor, rule.permission);
  const referral = await findReferral(ctx.db, id);
  if (!referral) throw new AppError('not_found');
  const side = assertParty(actor, referral);
  if ((rule.side !== 'either' && rule.side !== side) || !rule.from.includes(referral.state as ReferralState)) throw new AppError('referral_not_allowed');
  if (action.action === 'complete' && referral.kind === 'transfer') throw new AppError('referral_not_allowed');

  const now = nowIso();
  const user = await findUser(ctx.db, actor.userId);
  const changes: Partial<ReferralTable> = {};
  if (rule.to) changes.state = rule.to;
  if (action.action === 'accept' || action.action === 'decline') changes.responded_at = now;
  if (action.action === 'complete') {
    changes.completed_at = now;
    changes.outcome = JSON.stringify(action.outcome);
  }
  const body = action.action === 'decline' || action.action === 'withdraw' ? action.reason : action.action === 'message' ? action.body : action.action === 'accept' ? (action.note ?? null) : (action.outcome.note ?? null);
  const event: ReferralEventTable = {
    id: newId(),
    referral_id: id,
    type: eventTypeOf[action.action],
    organisation_id: actor.organisationId,
    user_id: actor.userId,
    user_name: user?.name ?? null,
    body,
    data: JSON.stringify(action.action === 'complete' ? { outcome: action.outcome } : {}),
    occurred_at: now,
  };
  let queued = false;
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(trx, actor, [{ action: `referral.${action.action}`, entityType: 'referral', entityId: id, organisationId: actor.organisationId, details: { state: changes.state ?? referral.state } }]);
    // Re-read inside the transaction: another user may have answered in the meantime.
    const current = await findReferral(trx, id);
    if (!current || !rule.from.includes(current.state as ReferralState)) throw new AppError('referral_not_allowed');
    await applyEvent(trx, current, event, changes);
    const counterpart = side === 'sender' ? current.to_organisation_id : current.from_organisation_id;
    queued = await forwardToPartner(trx, current, counterpart, event, changes);
  });
  if (queued) ctx.outboxWritten();
  return getReferral(ctx, actor, id, { audit: false });
}

/**
 * Called inside the transaction that moves a complaint to another state: when the complaint came by transfer,
 * the sender hears of its progress.
 */
export async function reportTransferProgress(trx: Kysely<Database>, actor: UserActor, complaintId: string, state: ComplaintState): Promise<boolean> {
  const referral = await trx.selectFrom('referrals').selectAll().where('received_complaint_id', '=', complaintId).executeTakeFirst();
  if (!referral) return false;
  const user = await findUser(trx, actor.userId);
  const event: ReferralEventTable = {
    id: newId(),
    referral_id: referral.id,
    type: 'progress',
    organisation_id: referral.to_organisation_id,
    user_id: actor.userId,
    user_name: user?.name ?? null,
    body: null,
    data: JSON.stringify({ state }),
    occurred_at: nowIso(),
  };
  await applyEvent(trx, referral, event, {});
  return forwardToPartner(trx, referral, referral.from_organisation_id, event, {});
}

/** Applies a referral event that came from a partner node (the inbox has already checked it is new and in order). */
export async function applyPartnerEvent(trx: Kysely<Database>, fromNodeId: string, referralId: string, event: ReferralEventTable, changes: Partial<ReferralTable>) {
  const referral = await findReferral(trx, referralId);
  if (!referral) throw new AppError('not_found');
  // A partner may only speak for the end of the referral it hosts.
  const actingSide = await findOrganisation(trx, event.organisation_id);
  const isEnd = event.organisation_id === referral.from_organisation_id || event.organisation_id === referral.to_organisation_id;
  if (!isEnd || actingSide?.node_id !== fromNodeId) throw new AppError('not_found');
  const allowed: Array<keyof ReferralTable> = ['state', 'responded_at', 'completed_at', 'outcome'];
  const safe = Object.fromEntries(Object.entries(changes).filter(([key]) => allowed.includes(key as keyof ReferralTable))) as Partial<ReferralTable>;
  await applyEvent(trx, referral, { ...event, user_id: null }, safe);
}

/** Stores a referral that came from a partner node, and the sending organisation so the directory knows it. */
export async function receivePartnerReferral(trx: Kysely<Database>, fromNodeId: string, body: ReturnType<typeof sentMessageBody>) {
  const { referral, event, fromOrganisation } = body;
  const to = await findOrganisation(trx, referral.to_organisation_id);
  if (!to || to.node_id !== null) throw new AppError('not_found');
  const known = await findOrganisation(trx, fromOrganisation.id);
  if (!known) {
    await trx
      .insertInto('organisations')
      .values({
        id: fromOrganisation.id,
        name: fromOrganisation.name,
        type: fromOrganisation.type,
        country: fromOrganisation.country,
        languages: JSON.stringify(fromOrganisation.languages),
        first_action_days: 10,
        resolution_days: 90,
        accepts_public_complaints: 0,
        created_at: nowIso(),
        profile: '{}',
        listed: 0,
        node_id: fromNodeId,
      })
      .execute();
  } else if (known.node_id !== fromNodeId) throw new AppError('not_found');
  if (await findReferral(trx, referral.id)) return;
  await insertReferral(trx, { ...referral, complaint_id: null, received_complaint_id: null, created_by: null });
  await insertReferralEvent(trx, event);
}

/** One referral as its sender or receiver sees it; the shared fields are personal data, so the read is audited. */
export async function getReferral(ctx: AppContext, actor: Actor, id: string, options: { audit?: boolean } = {}) {
  authorize(actor, 'referral.read');
  const row = await findReferral(ctx.db, id);
  if (!row) throw new AppError('not_found');
  assertParty(actor, row);
  if (options.audit !== false) {
    await ctx.db.transaction().execute((trx) => recordAudit(trx, actor, [{ action: 'referral.read', entityType: 'referral', entityId: id, organisationId: actor.organisationId }]));
  }
  const organisations = await organisationsById(ctx.db, [row.from_organisation_id, row.to_organisation_id]);
  const events = await listReferralEvents(ctx.db, id);
  const override = row.consent_override ? (JSON.parse(row.consent_override) as { reason: string; by: string | null; at: string }) : null;
  return {
    ...presentSummary(row, actor.organisationId, organisations, nowIso()),
    reason: row.reason,
    sharedFields: JSON.parse(row.shared_fields) as ShareableField[],
    shared: JSON.parse(row.shared) as SharedCase,
    hideReceiverFromWorker: row.hide_receiver === 1,
    consentOverride: override,
    respondedAt: row.responded_at,
    completedAt: row.completed_at,
    outcome: row.outcome ? (JSON.parse(row.outcome) as ReferralOutcome) : null,
    events: events.map(presentEvent),
  };
}

/** Incoming or outgoing referrals of the user's organisation, newest first; no personal data in the list. */
export async function listReferrals(ctx: AppContext, actor: Actor, query: ReferralListQuery) {
  authorize(actor, 'referral.read');
  const now = nowIso();
  const rows = await listReferralRows(ctx.db, {
    organisationId: actor.organisationId,
    direction: query.direction,
    state: query.state,
    overdueAt: query.overdue === 'true' ? now : undefined,
    complaintId: query.complaintId,
    limit: query.limit,
  });
  const organisations = await organisationsById(ctx.db, rows.flatMap((r) => [r.from_organisation_id, r.to_organisation_id]));
  return { items: rows.map((row) => presentSummary(row, actor.organisationId, organisations, now)) };
}

export async function referralCounts(ctx: AppContext, actor: Actor) {
  authorize(actor, 'referral.read');
  return countReferrals(ctx.db, actor.organisationId, nowIso());
}

/**
 * What the worker following a complaint is told about referrals: that it went to another organisation, and
 * that organisation's name unless the sender chose not to show it.
 */
export async function referralsForTracking(db: Kysely<Database>, complaintId: string) {
  const rows = await db.selectFrom('referrals').selectAll().where('complaint_id', '=', complaintId).where('state', 'in', ['pending', 'accepted', 'completed']).orderBy('created_at').execute();
  const organisations = await organisationsById(db, rows.map((r) => r.to_organisation_id));
  const result = [];
  for (const row of rows) {
    const progress = await db
      .selectFrom('referral_events')
      .select('data')
      .where('referral_id', '=', row.id)
      .where('type', '=', 'progress')
      .orderBy('occurred_at', 'desc')
      .executeTakeFirst();
    result.push({
      kind: row.kind as ReferralKind,
      state: row.state as ReferralState,
      organisation: row.hide_receiver === 1 ? null : (organisations.get(row.to_organisation_id)?.name ?? null),
      country: row.hide_receiver === 1 ? null : (organisations.get(row.to_organisation_id)?.country ?? null),
      since: row.responded_at ?? row.created_at,
      progress: progress ? ((JSON.parse(progress.data) as { state: ComplaintState }).state ?? null) : null,
    });
  }
  return result;
}
