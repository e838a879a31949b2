import type { AppContext } from '../../context';
import type { ComplaintOutcomeTable, OrganisationTable } from '../../db/schema';
import { newComplaintReference } from '../../lib/ids';
import { calendarDaysBetween } from '../../lib/time';
import { SeededRandom } from '../../lib/random';
import { recordAudit } from '../audit/service';
import { buildComplaintRows } from '../complaints/build-complaint-rows';
import { insertComplaints, type NewComplaintRows } from '../complaints/repository';
import { markSearchIndexStale } from '../search/service';
import { createOrganisation, presentOrganisation } from '../organisations/service';
import { generateComplaints, syntheticOrganisations } from './generate';

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
  let batch: Array<NewComplaintRows & { outcomes: ComplaintOutcomeTable[] }> = [];
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
    batch.push({ ...rows, outcomes });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return { organisations: [...organisations.values()].map(presentOrganisation) };
}
