import type { AppContext } from '../../context';
import type { ComplaintOutcomeTable, OrganisationTable, ReferralEventTable, ReferralTable } from '../../db/schema';
import { newComplaintReference } from '../../lib/ids';
import { addDays, calendarDaysBetween } from '../../lib/time';
import { SeededRandom } from '../../lib/random';
import { recordAudit } from '../audit/service';
import { buildComplaintRows } from '../complaints/build-complaint-rows';
import { insertComplaints, type NewComplaintRows } from '../complaints/repository';
import { markSearchIndexStale } from '../search/service';
import { createOrganisation, presentOrganisation } from '../organisations/service';
import { buildSharedCase } from '../referrals/service';
import type { ShareableField } from '../referrals/schema';
import { generateComplaints, syntheticOrganisations, type SyntheticComplaint } from './generate';

export interface SyntheticSeedOptions {
  count: number;
  seed: number;
  /** The end of the five years the complaints are spread over; the start of today (UTC) by default. */
  until?: Date;
  batchSize?: number;
  onProgress?: (written: number) => void;
  /** Files the complaints with these organisations instead of the synthetic ones (the demo uses its own). */
  organisationFor?: (syntheticKey: string) => OrganisationTable;
  /**
   * False writes the complaints without indexing them for search and marks the index stale, so that it is rebuilt
   * in one pass (faster for a large database); true by default.
   */
  searchIndex?: boolean;
}

/** Finds or creates the synthetic organisations, keyed as in `syntheticOrganisations`. */
export async function ensureSyntheticOrganisations(ctx: AppContext): Promise<Map<string, OrganisationTable>> {
  const existing = await ctx.db.selectFrom('organisations').selectAll().execute();
  const byKey = new Map<string, OrganisationTable>();
  for (const { key, ...input } of syntheticOrganisations) {
    let row = existing.find((o) => o.name === input.name);
    if (!row) {
      const created = await createOrganisation(ctx, { kind: 'system' }, input);
      row = (await ctx.db.selectFrom('organisations').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow());
    }
    byKey.set(key, row);
  }
  return byKey;
}

/**
 * Writes `count` synthetic complaints (with their lifecycle, outcomes and audit entries) in batches, each batch
 * one transaction. The same seed gives the same complaints, ids and references.
 */
export async function seedSynthetic(ctx: AppContext, options: SyntheticSeedOptions): Promise<{ organisations: ReturnType<typeof presentOrganisation>[] }> {
  const until = options.until ?? new Date(new Date().toISOString().slice(0, 10));
  const organisations = options.organisationFor ? new Map<string, OrganisationTable>() : await ensureSyntheticOrganisations(ctx);
  const organisationFor = options.organisationFor ?? ((key: string) => organisations.get(key)!);
  const ids = new SeededRandom(options.seed ^ 0x5eed5);
  const newId = () => ids.uuid();
  const newReference = (country: string, receivedAt: Date) => newComplaintReference(country, receivedAt, (below) => ids.int(0, below - 1));
  const batchSize = options.batchSize ?? 1000;
  const searchIndex = options.searchIndex ?? true;
  if (!searchIndex) await markSearchIndexStale(ctx.db);
  let batch: Array<NewComplaintRows & { outcomes: ComplaintOutcomeTable[]; referral: SyntheticReferralRows | null }> = [];
  let written = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await ctx.db.transaction().execute(async (trx) => {
      // A large transaction is written in parts, each under the databases' limits of bound parameters.
      for (let i = 0; i < rows.length; i += 2000) {
        const part = rows.slice(i, i + 2000);
        await insertComplaints(trx, part, { searchIndex });
        const referrals = part.flatMap((r) => (r.referral ? [r.referral] : []));
        if (referrals.length > 0) {
          await trx.insertInto('referrals').values(referrals.map((r) => r.referral)).execute();
          await trx.insertInto('referral_events').values(referrals.flatMap((r) => r.events)).execute();
        }
        await recordAudit(
          trx,
          { kind: 'system' },
          part.map((r) => ({ action: 'complaint.create', entityType: 'complaint', entityId: r.complaint.id, organisationId: r.complaint.organisation_id, details: { synthetic: true } })),
        );
      }
    });
    written += rows.length;
    options.onProgress?.(written);
    // SQLite calls are synchronous: give timers (the progress bar, a server's health check) a turn between batches.
    await new Promise((resolve) => setImmediate(resolve));
  };

  for (const synthetic of generateComplaints(options.count, options.seed, until)) {
    const organisation = organisationFor(synthetic.organisationKey);
    const rows = buildComplaintRows(synthetic.input, { organisation, createdBy: null, recordedAt: synthetic.input.receivedAt, newId, newReference });
    const complaint = rows.complaint;
    complaint.state = synthetic.state;
    complaint.first_action_at = synthetic.firstActionAt;
    complaint.resolved_at = synthetic.resolvedAt;
    complaint.days_to_first_action = synthetic.firstActionAt ? calendarDaysBetween(complaint.received_at, synthetic.firstActionAt) : null;
    complaint.days_to_resolution = synthetic.resolvedAt ? calendarDaysBetween(complaint.received_at, synthetic.resolvedAt) : null;
    complaint.closed_at = synthetic.closedAt;
    complaint.updated_at = synthetic.closedAt ?? synthetic.resolvedAt ?? synthetic.firstActionAt ?? complaint.received_at;
    const transition = (at: string, from: string, to: string) =>
      rows.events.push({ id: newId(), complaint_id: complaint.id, type: 'transition', occurred_at: at, recorded_at: at, user_id: null, summary: null, data: JSON.stringify({ from, to }) });
    if (synthetic.firstActionAt) transition(synthetic.firstActionAt, 'received', 'in_progress');
    if (synthetic.resolvedAt) transition(synthetic.resolvedAt, 'in_progress', 'resolved');
    if (synthetic.closedAt) transition(synthetic.closedAt, 'resolved', 'closed');
    if (!synthetic.resolvedAt && synthetic.state !== 'received' && synthetic.state !== 'in_progress') transition(complaint.updated_at, 'in_progress', synthetic.state);
    const outcomes: ComplaintOutcomeTable[] = synthetic.outcomes.map((o) => ({
      id: newId(),
      complaint_id: complaint.id,
      type: o.type,
      currency: o.currency,
      claimed: o.claimed,
      awarded: o.awarded,
      received: o.received,
      decided_on: o.decidedAt.slice(0, 10),
      note: null,
      created_by: null,
      created_at: o.decidedAt,
    }));
    const referral = synthetic.referral ? syntheticReferralRows(synthetic, rows, outcomes, organisationFor, newId) : null;
    batch.push({ ...rows, outcomes, referral });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { organisations: [...organisations.values()].map(presentOrganisation) };
}

interface SyntheticReferralRows {
  referral: ReferralTable;
  events: ReferralEventTable[];
}

/** What the facts and narrative of a case travel with: no worker's personal data. */
const syntheticShare: ShareableField[] = ['narrative', 'respondents'];

/** A synthetic complaint's referral as the referral service would have written it, with its history. */
function syntheticReferralRows(
  synthetic: SyntheticComplaint,
  rows: NewComplaintRows,
  outcomes: ComplaintOutcomeTable[],
  organisationFor: (key: string) => OrganisationTable,
  newId: () => string,
): SyntheticReferralRows | null {
  const { toOrganisationKey, sentAt, state, respondedAt, completedAt } = synthetic.referral!;
  const from = rows.complaint.organisation_id;
  const to = organisationFor(toOrganisationKey);
  // The demo files several synthetic desks with one organisation: no referral to itself.
  if (to.id === from) return null;
  const reason = `The worker's case needs follow-up in ${to.country}.`;
  const outcome = completedAt ? { type: outcomes[0]?.type ?? 'no_remedy' } : null;
  const referral: ReferralTable = {
    id: newId(),
    complaint_id: rows.complaint.id,
    from_organisation_id: from,
    to_organisation_id: to.id,
    kind: 'referral',
    state,
    reason,
    shared_fields: JSON.stringify(syntheticShare),
    shared: JSON.stringify(buildSharedCase(rows.complaint, { ...rows, outcomes, evidence: [] }, syntheticShare)),
    hide_receiver: 0,
    consent_override: null,
    created_by: null,
    created_at: sentAt,
    response_due_at: addDays(sentAt, to.first_action_days),
    responded_at: state === 'withdrawn' ? null : respondedAt,
    completed_at: completedAt,
    outcome: outcome ? JSON.stringify(outcome) : null,
    received_complaint_id: null,
    updated_at: completedAt ?? respondedAt ?? sentAt,
  };
  const event = (type: string, organisationId: string, occurredAt: string, body: string | null, data: object = {}): ReferralEventTable => ({
    id: newId(),
    referral_id: referral.id,
    type,
    organisation_id: organisationId,
    user_id: null,
    user_name: null,
    body,
    data: JSON.stringify(data),
    occurred_at: occurredAt,
  });
  const events = [event('sent', from, sentAt, reason, { kind: 'referral', to: to.id })];
  if (respondedAt && state === 'withdrawn') events.push(event('withdrawn', from, respondedAt, 'The worker went home.'));
  if (respondedAt && state === 'declined') events.push(event('declined', to.id, respondedAt, 'Outside what this desk handles.'));
  if (respondedAt && (state === 'accepted' || state === 'completed')) events.push(event('accepted', to.id, respondedAt, null));
  if (completedAt) events.push(event('completed', to.id, completedAt, null, { outcome }));
  return { referral, events };
}
