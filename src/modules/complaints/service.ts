import { createHash } from 'node:crypto';
import type { AppContext } from '../../context';
import type { ComplaintTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { Language } from '../../lib/i18n';
import { nowIso } from '../../lib/time';
import type { ComplaintRightsFacts } from '../agreements/schema';
import { checkCase } from '../agreements/service';
import type { Actor, UserActor } from '../auth/actor';
import { assertSameOrganisation, authorize, can } from '../auth/policies';
import { referencePrefix } from '../search/query';
import { highlightResults, searchComplaints, searchIndexProgress } from '../search/service';
import { auditHistory, recordAudit } from '../audit/service';
import { findOrganisation } from '../organisations/repository';
import { findUser } from '../users/repository';
import { buildComplaintRows } from './build-complaint-rows';
import { complaintPin } from './pin';
import { presentDetail, presentSummary, type RespondentFlag } from './presenters';
import { recruitmentFlags } from '../agencies/service';
import { reportTransferProgress } from '../referrals/service';
import {
  countComplaintsByState,
  countOutcomes,
  countOverdue,
  countUnassignedOpen,
  findComplaint,
  findComplaintByIdempotencyKey,
  findComplaintParts,
  findEvidence,
  insertComplaint,
  insertEvent,
  insertEvidence,
  insertOutcome,
  listComplaintRows,
  updateComplaint,
  updateComplaintState,
  type ComplaintFilters,
} from './repository';
import type { ComplaintInput, ListQuery } from './schema';
import {
  type ComplaintState,
  finalStates,
  isReopening,
  transitions,
  transitionsNeedingReason,
} from './taxonomy';

const isUniqueViolation = (error: unknown, column: string) =>
  error instanceof Error && /unique|duplicate key/i.test(error.message) && error.message.includes(column);

export interface RegisterOptions {
  /** The organisation that receives it: the user's own for desk intake; chosen by routing for the public form. */
  organisationId?: string;
  /** A client-chosen key: a retried request with the same key returns the complaint it already created. */
  idempotencyKey?: string;
}

/** Registers a complaint from the standard form and returns its id, reference and the worker's PIN. */
export async function registerComplaint(ctx: AppContext, actor: Actor, input: ComplaintInput, options: RegisterOptions = {}) {
  if (actor.kind === 'user') authorize(actor, 'complaint.create');
  const organisationId = actor.kind === 'user' ? actor.organisationId : options.organisationId;
  const organisation = organisationId ? await findOrganisation(ctx.db, organisationId) : undefined;
  if (!organisation) throw new AppError('not_found');

  if (options.idempotencyKey) {
    const existing = await findComplaintByIdempotencyKey(ctx.db, organisation.id, options.idempotencyKey);
    if (existing) return { id: existing.id, reference: existing.reference, state: existing.state as ComplaintState, pin: complaintPin(ctx.pinKey, existing.id, 0), replayed: true };
  }
  for (let attempt = 1; ; attempt += 1) {
    const rows = buildComplaintRows(input, {
      organisation,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      idempotencyKey: options.idempotencyKey,
    });
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await insertComplaint(trx, rows);
        await recordAudit(trx, actor, [
          {
            action: 'complaint.create',
            entityType: 'complaint',
            entityId: rows.complaint.id,
            organisationId: organisation.id,
            details: { channel: input.channel, workers: input.workers.length },
          },
        ]);
      });
    } catch (error) {
      // A reference drawn twice (about one in a trillion) is drawn again; a repeated idempotency key means a
      // concurrent retry won, so return what it created.
      if (attempt < 3 && isUniqueViolation(error, 'reference')) continue;
      if (options.idempotencyKey && isUniqueViolation(error, 'idempotency')) return registerComplaint(ctx, actor, input, options);
      throw error;
    }
    const { id, reference } = rows.complaint;
    return { id, reference, state: 'received' as ComplaintState, pin: complaintPin(ctx.pinKey, id, 0), replayed: false };
  }
}

async function loadOwnComplaint(ctx: AppContext, actor: UserActor, id: string): Promise<ComplaintTable> {
  const row = await findComplaint(ctx.db, id);
  if (!row) throw new AppError('not_found');
  assertSameOrganisation(actor, row.organisation_id);
  return row;
}

/** The complaint's facts checked against the agreements of its corridor, when it records a recruitment date. */
async function complaintRightsCheck(ctx: AppContext, row: ComplaintTable, language: Language) {
  if (!row.rights_facts) return null;
  const facts = JSON.parse(row.rights_facts) as ComplaintRightsFacts;
  if (!facts.recruitedOn) return null;
  const result = await checkCase(ctx, { ...facts, origin: row.origin, destination: row.destination, sector: row.sector }, language);
  return { agreements: result.agreements.map((a) => ({ id: a.id, title: a.title })), findings: result.findings };
}

/** One complaint with its personal data, for a user of its organisation; the read is audited. */
export async function getComplaint(ctx: AppContext, actor: Actor, id: string, language: Language = 'en') {
  authorize(actor, 'complaint.read');
  const row = await loadOwnComplaint(ctx, actor, id);
  const parts = await findComplaintParts(ctx.db, id);
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, actor, [{ action: 'complaint.read', entityType: 'complaint', entityId: id, organisationId: row.organisation_id }]),
  );
  const flags = await recruitmentFlags(ctx, row.rights_facts, row.received_at, parts.respondents);
  return presentDetail(row, parts, nowIso(), await complaintRightsCheck(ctx, row, language), flags as RespondentFlag[]);
}

function decodeCursor(cursor: string): { value: string; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof value === 'string' && typeof id === 'string') return { value, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', {}, [{ path: 'querystring.cursor', code: 'cursor' }]);
}

const encodeCursor = (value: string, id: string) => Buffer.from(JSON.stringify([value, id])).toString('base64url');

/** The list's filters as the repository takes them (the end date is inclusive: up to the next day's start). */
/**
 * The list's query as the repository's filters (`whereComplaintsMatch`): the one reading of them, used by the list,
 * the search and exports. `userId` is whom "assigned to me" means.
 */
export function listFilters(query: Omit<ListQuery, 'sort' | 'limit'>, userId: string | null, now: string): Omit<ComplaintFilters, 'organisationId'> {
  return {
    states: query.state,
    channels: query.channel,
    origins: query.origin,
    destinations: query.destination,
    grievance: query.grievance,
    stage: query.stage,
    sector: query.sector,
    facts: [
      ...(query.sex ? [{ kind: 'sex' as const, code: query.sex }] : []),
      ...(query.respondentType ? [{ kind: 'respondent_type' as const, code: query.respondentType }] : []),
      ...(query.agency ? [{ kind: 'agency' as const, code: query.agency }] : []),
      ...(query.outcome ? [{ kind: 'outcome' as const, code: query.outcome }] : []),
      ...(query.indicator ? [{ kind: 'indicator' as const, code: query.indicator }] : []),
    ],
    assignedTo: query.assignedTo === 'me' ? (userId ?? undefined) : query.assignedTo === 'none' ? null : query.assignedTo,
    overdueAt: query.overdue === 'true' ? now : undefined,
    receivedFrom: query.receivedFrom,
    receivedTo: query.receivedTo ? new Date(Date.parse(query.receivedTo) + 86_400_000).toISOString().slice(0, 10) : undefined,
  };
}

/** A page of the organisation's complaints without personal data, filtered and sorted (or ranked by a search). */
export async function listComplaints(ctx: AppContext, actor: Actor, query: ListQuery) {
  authorize(actor, 'complaint.list');
  // Users who may read complaints search their text; analysts, who may not, search references only.
  if (query.q && !referencePrefix(query.q) && can(actor, 'complaint.read')) return searchComplaintList(ctx, actor, query.q, query);
  const now = nowIso();
  const sortColumn = query.sort.replace('-', '') as 'received_at' | 'first_action_due_at';
  const rows = await listComplaintRows(ctx.db, {
    organisationId: actor.organisationId,
    referencePrefix: query.q ? query.q.toUpperCase().replace(/\s+/g, '') : undefined,
    ...listFilters(query, actor.userId, now),
    sortColumn,
    descending: query.sort.startsWith('-'),
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => presentSummary(row, now)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last[sortColumn], last.id) : null,
  };
}

/**
 * A search over the organisation's complaints with the list's filters, ranked, each with its highlights. The
 * highlights show names and narrative, which the list otherwise never does: each complaint whose personal data
 * they show is audited as a read (`complaint.search_read`, naming the fields, never the query).
 */
async function searchComplaintList(ctx: AppContext, actor: UserActor, q: string, query: ListQuery) {
  const now = nowIso();
  const progress = searchIndexProgress(ctx.db);
  const ranked = await searchComplaints(ctx.db, actor.organisationId, q);
  const rows = await listComplaintRows(ctx.db, {
    organisationId: actor.organisationId,
    ids: ranked.complaintIds,
    ...listFilters(query, actor.userId, now),
    sortColumn: 'received_at',
    descending: true,
    limit: ranked.complaintIds.length || 1,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = ranked.complaintIds.filter((id) => byId.has(id));
  const offset = query.cursor ? decodeSearchCursor(query.cursor) : 0;
  const page = ordered.slice(offset, offset + query.limit);
  const highlights = await highlightResults(ctx.db, ranked.plan, page, true);
  const reads = page
    .map((id) => ({ id, fields: [...new Set((highlights.get(id) ?? []).map((h) => h.field).filter((field) => field !== 'reference'))] }))
    .filter((read) => read.fields.length > 0);
  if (reads.length) {
    await ctx.db.transaction().execute((trx) =>
      recordAudit(
        trx,
        actor,
        reads.map((read) => ({ action: 'complaint.search_read', entityType: 'complaint', entityId: read.id, organisationId: actor.organisationId, details: { fields: read.fields.join(' ') } })),
      ),
    );
  }
  return {
    items: page.map((id) => ({ ...presentSummary(byId.get(id)!, now), highlights: highlights.get(id) ?? [] })),
    nextCursor: offset + query.limit < ordered.length ? Buffer.from(JSON.stringify({ offset: offset + query.limit })).toString('base64url') : null,
    ...(progress ? { searchIndex: progress } : {}),
  };
}

function decodeSearchCursor(cursor: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', {}, [{ path: 'querystring.cursor', code: 'cursor' }]);
}

/** Moves a complaint to another state, refusing moves the lifecycle does not allow. */
export async function transitionComplaint(ctx: AppContext, actor: Actor, id: string, input: { to: ComplaintState; reason?: string }) {
  authorize(actor, 'complaint.transition');
  const row = await loadOwnComplaint(ctx, actor, id);
  const from = row.state as ComplaintState;
  const { to } = input;
  const reason = input.reason?.trim() || undefined;
  if (!transitions[from].includes(to)) throw new AppError('transition_not_allowed', { from, to });
  const reopening = isReopening(from, to);
  if (reopening) authorize(actor, 'complaint.reopen');
  if ((reopening || transitionsNeedingReason.includes(to)) && !reason) throw new AppError('reason_required');
  if (to === 'resolved' && (await countOutcomes(ctx.db, id)) === 0) throw new AppError('outcome_required');

  const now = nowIso();
  const changes: Partial<ComplaintTable> & { state: ComplaintState } = { state: to, updated_at: now };
  if (!row.first_action_at) changes.first_action_at = now;
  if (to === 'resolved') changes.resolved_at = now;
  if (to === 'closed') changes.closed_at = now;
  if (reopening) Object.assign(changes, { resolved_at: null, closed_at: null });
  if (from === 'resolved' && to === 'in_progress') changes.resolved_at = null;

  let queued = false;
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await updateComplaintState(trx, id, from, changes))) throw new AppError('transition_not_allowed', { from, to });
    await insertEvent(trx, {
      id: newId(),
      complaint_id: id,
      type: 'transition',
      occurred_at: now,
      recorded_at: now,
      user_id: actor.userId,
      summary: reason ?? null,
      data: JSON.stringify({ from, to, reopened: reopening }),
    });
    await recordAudit(trx, actor, [{ action: 'complaint.transition', entityType: 'complaint', entityId: id, organisationId: row.organisation_id, details: { from, to } }]);
    // A complaint that came by transfer tells the sender of its progress.
    queued = await reportTransferProgress(trx, actor, id, to);
  });
  if (queued) ctx.outboxWritten();
  return { id, state: to, allowedTransitions: transitions[to] };
}

/** Assigns a complaint to a user of its organisation (case managers only to themselves), or clears it. */
export async function assignComplaint(ctx: AppContext, actor: Actor, id: string, userId: string | null) {
  authorize(actor, 'complaint.assign');
  const row = await loadOwnComplaint(ctx, actor, id);
  if (actor.role === 'case_manager' && userId !== null && userId !== actor.userId) throw new AppError('forbidden');
  if (userId) {
    const assignee = await findUser(ctx.db, userId);
    const canHandle = assignee && ['desk_officer', 'case_manager', 'supervisor'].includes(assignee.role);
    if (!assignee || assignee.disabled || assignee.organisation_id !== row.organisation_id || !canHandle) throw new AppError('assignee_invalid');
  }
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updateComplaint(trx, id, { assigned_to: userId, updated_at: now });
    await insertEvent(trx, {
      id: newId(),
      complaint_id: id,
      type: 'assignment',
      occurred_at: now,
      recorded_at: now,
      user_id: actor.userId,
      summary: null,
      data: JSON.stringify({ from: row.assigned_to, to: userId }),
    });
    await recordAudit(trx, actor, [{ action: 'complaint.assign', entityType: 'complaint', entityId: id, organisationId: row.organisation_id, details: { to: userId } }]);
  });
  return { id, assignedTo: userId };
}

/** Adds an entry to the timeline: a contact, a conciliation session, a letter, a decision or a note. */
export async function recordEvent(ctx: AppContext, actor: Actor, id: string, input: { type: string; occurredAt?: string; summary: string }) {
  authorize(actor, 'complaint.record_event');
  const row = await loadOwnComplaint(ctx, actor, id);
  const now = nowIso();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt).toISOString() : now;
  const event = { id: newId(), complaint_id: id, type: input.type, occurred_at: occurredAt, recorded_at: now, user_id: actor.userId, summary: input.summary, data: '{}' };
  await ctx.db.transaction().execute(async (trx) => {
    await insertEvent(trx, event);
    // Anything but an internal note counts as the first action on the case.
    const firstAction = !row.first_action_at && input.type !== 'note' ? { first_action_at: occurredAt } : {};
    await updateComplaint(trx, id, { updated_at: now, ...firstAction });
    await recordAudit(trx, actor, [{ action: 'complaint.record_event', entityType: 'complaint', entityId: id, organisationId: row.organisation_id, details: { type: input.type } }]);
  });
  return { id: event.id, type: event.type as never, occurredAt, recordedAt: now, userId: actor.userId, summary: event.summary, data: {} };
}

export interface OutcomeInput {
  type: string;
  currency?: string;
  claimed?: number;
  awarded?: number;
  received?: number;
  decidedOn?: string;
  note?: string;
}

/** Records an outcome with the money claimed, awarded and actually received. */
export async function recordOutcome(ctx: AppContext, actor: Actor, id: string, input: OutcomeInput) {
  authorize(actor, 'complaint.record_outcome');
  const row = await loadOwnComplaint(ctx, actor, id);
  if (finalStates.includes(row.state as ComplaintState)) throw new AppError('complaint_not_open');
  const now = nowIso();
  const outcome = {
    id: newId(),
    complaint_id: id,
    type: input.type,
    currency: input.currency ?? null,
    claimed: input.claimed ?? null,
    awarded: input.awarded ?? null,
    received: input.received ?? null,
    decided_on: input.decidedOn ?? null,
    note: input.note ?? null,
    created_by: actor.userId,
    created_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertOutcome(trx, outcome);
    await insertEvent(trx, {
      id: newId(),
      complaint_id: id,
      type: 'outcome',
      occurred_at: now,
      recorded_at: now,
      user_id: actor.userId,
      summary: null,
      data: JSON.stringify({ outcomeId: outcome.id, type: input.type }),
    });
    await updateComplaint(trx, id, { updated_at: now, ...(row.first_action_at ? {} : { first_action_at: now }) });
    await recordAudit(trx, actor, [{ action: 'complaint.record_outcome', entityType: 'complaint', entityId: id, organisationId: row.organisation_id, details: { type: input.type } }]);
  });
  return {
    id: outcome.id,
    type: outcome.type as never,
    currency: outcome.currency,
    claimed: outcome.claimed,
    awarded: outcome.awarded,
    received: outcome.received,
    decidedOn: outcome.decided_on,
    note: outcome.note,
    createdAt: now,
  };
}

/** Media types accepted as evidence, with the first bytes a real file of that type starts with (where fixed). */
export const evidenceTypes: Record<string, number[][] | null> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/webp': [[0x52, 0x49, 0x46, 0x46]],
  'image/heic': null,
  'audio/mpeg': null,
  'audio/mp4': null,
  'audio/ogg': [[0x4f, 0x67, 0x67, 0x53]],
  'text/plain': null,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
};

export interface EvidenceUpload {
  filename: string;
  mediaType: string;
  content: Buffer;
  description?: string;
}

/** Attaches a file (contract, payslip, photo, recording) to a complaint, checking its size and type. */
export async function attachEvidence(ctx: AppContext, actor: Actor, id: string, upload: EvidenceUpload) {
  authorize(actor, 'complaint.attach_evidence');
  const row = await loadOwnComplaint(ctx, actor, id);
  if (upload.content.length === 0) throw new AppError('evidence_missing');
  if (upload.content.length > ctx.config.evidenceMaxBytes) throw new AppError('evidence_too_large', { maxMegabytes: Math.floor(ctx.config.evidenceMaxBytes / 1048576) });
  const mediaType = upload.mediaType.split(';')[0].trim().toLowerCase();
  if (!(mediaType in evidenceTypes)) throw new AppError('evidence_type_not_allowed');
  const signatures = evidenceTypes[mediaType];
  if (signatures && !signatures.some((signature) => signature.every((byte, i) => upload.content[i] === byte))) {
    throw new AppError('evidence_type_not_allowed');
  }
  const now = nowIso();
  const evidence = {
    id: newId(),
    complaint_id: id,
    filename: upload.filename.replace(/[\\/\x00-\x1f]/g, '_').slice(0, 255) || 'file',
    media_type: mediaType,
    size_bytes: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    description: upload.description?.slice(0, 1000) ?? null,
    content: upload.content,
    created_by: actor.userId,
    created_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertEvidence(trx, evidence);
    await insertEvent(trx, {
      id: newId(),
      complaint_id: id,
      type: 'evidence_added',
      occurred_at: now,
      recorded_at: now,
      user_id: actor.userId,
      summary: null,
      data: JSON.stringify({ evidenceId: evidence.id, mediaType }),
    });
    await updateComplaint(trx, id, { updated_at: now });
    await recordAudit(trx, actor, [{ action: 'evidence.create', entityType: 'complaint', entityId: id, organisationId: row.organisation_id, details: { evidenceId: evidence.id, mediaType } }]);
  });
  const { content: _content, complaint_id: _complaint, created_by: _by, ...meta } = evidence;
  return { id: meta.id, filename: meta.filename, mediaType, sizeBytes: meta.size_bytes, sha256: meta.sha256, description: meta.description, createdAt: now };
}

/** The content of one evidence file; the read is audited. */
export async function readEvidence(ctx: AppContext, actor: Actor, id: string, evidenceId: string) {
  authorize(actor, 'complaint.read');
  const row = await loadOwnComplaint(ctx, actor, id);
  const evidence = await findEvidence(ctx.db, id, evidenceId);
  if (!evidence) throw new AppError('not_found');
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, actor, [{ action: 'evidence.read', entityType: 'complaint', entityId: id, organisationId: row.organisation_id, details: { evidenceId } }]),
  );
  return { filename: evidence.filename, mediaType: evidence.media_type, content: Buffer.from(evidence.content) };
}

/** Who read and changed a complaint, for supervisors. */
export async function complaintAuditTrail(ctx: AppContext, actor: Actor, id: string) {
  authorize(actor, 'complaint.read_audit');
  await loadOwnComplaint(ctx, actor, id);
  return auditHistory(ctx.db, 'complaint', id);
}

/** Counts by state and overdue, for the organisation and for the actor's own cases: the desk's "my work" figures. */
export async function complaintCounts(ctx: AppContext, actor: Actor) {
  authorize(actor, 'complaint.list');
  const now = nowIso();
  const toRecord = (rows: Array<{ state: string; count: number }>) => Object.fromEntries(rows.map((r) => [r.state, Number(r.count)]));
  const [organisation, mine, overdue, myOverdue, unassigned] = await Promise.all([
    countComplaintsByState(ctx.db, actor.organisationId),
    countComplaintsByState(ctx.db, actor.organisationId, actor.userId),
    countOverdue(ctx.db, actor.organisationId, now),
    countOverdue(ctx.db, actor.organisationId, now, actor.userId),
    countUnassignedOpen(ctx.db, actor.organisationId),
  ]);
  return {
    organisation: { byState: toRecord(organisation), overdue, unassigned },
    mine: { byState: toRecord(mine), overdue: myOverdue },
  };
}
