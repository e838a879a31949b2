import path from 'node:path';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import type { AgencyLicenceEventTable, AgencyTable, Database } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Actor } from '../auth/actor';
import { assertSameOrganisation, authorize } from '../auth/policies';
import { recordAudit } from '../audit/service';
import { findComplaint } from '../complaints/repository';
import { parseLicenceList, type RejectedRow } from './import-licences';
import { AgencyNameIndex } from './name-index';
import { latestRanks, ratingSummaries, sanctionTypes, sanctionsOf } from './oversight';
import {
  complaintCountsByAgency,
  findAgenciesByLicence,
  findAgencyRow,
  findAgencyRows,
  findRespondent,
  insertAgencies,
  insertLicenceEvents,
  licenceEvents,
  linkRespondent,
  listAgencyRows,
  updateAgency,
} from './repository';
import type { ImportMapping, LicenceStatus } from './schema';

export function presentAgency(row: AgencyTable) {
  return {
    id: row.id,
    name: row.name,
    otherNames: JSON.parse(row.other_names) as string[],
    licenceNumber: row.licence_number,
    issuingCountry: row.issuing_country,
    issuingAuthority: row.issuing_authority,
    licenceStatus: row.licence_status as LicenceStatus,
    licenceValidFrom: row.licence_valid_from,
    licenceValidTo: row.licence_valid_to,
  };
}

// The registry's names are matched in memory; the index is rebuilt after an import.
const indexes = new WeakMap<object, Promise<AgencyNameIndex>>();

async function buildIndex(db: Kysely<Database>) {
  const index = new AgencyNameIndex();
  for (const row of await listAgencyRows(db)) index.add(row.id, row.issuing_country, [row.name, ...(JSON.parse(row.other_names) as string[])]);
  return index;
}

function nameIndex(ctx: AppContext) {
  let index = indexes.get(ctx.db);
  if (!index) {
    index = buildIndex(ctx.db);
    indexes.set(ctx.db, index);
    index.catch(() => indexes.delete(ctx.db));
  }
  return index;
}

export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  columns: Record<string, string | undefined>;
  dryRun: boolean;
}

/**
 * Imports an official licence list (CSV or XLSX). A dry run only reports; otherwise good rows create agencies or
 * update the one with the same licence number (a changed status is recorded in the licence history), and bad
 * rows are reported by line with their reasons.
 */
export async function importLicences(
  ctx: AppContext,
  actor: Actor,
  file: string,
  options: { country: string; mapping?: ImportMapping; dryRun?: boolean; onProgress?: (done: number, total: number) => void },
): Promise<ImportReport> {
  if (actor.kind !== 'system') authorize(actor, 'agency.import');
  const parsed = await parseLicenceList(file, options.mapping);
  const report: ImportReport = { total: parsed.total, created: 0, updated: 0, unchanged: 0, rejected: parsed.rejected, columns: parsed.columns, dryRun: Boolean(options.dryRun) };
  const existing = new Map((await listAgencyRows(ctx.db, options.country)).map((row) => [row.licence_number, row]));
  const now = nowIso();
  const today = now.slice(0, 10);
  const batchSize = 1000;
  for (let start = 0; start < parsed.rows.length; start += batchSize) {
    const created: AgencyTable[] = [];
    const events: AgencyLicenceEventTable[] = [];
    const updates: Array<{ id: string; changes: Partial<AgencyTable> }> = [];
    for (const row of parsed.rows.slice(start, start + batchSize)) {
      const fields = {
        name: row.name,
        issuing_authority: row.authority,
        licence_status: row.status,
        licence_valid_from: row.validFrom,
        licence_valid_to: row.validTo,
        other_names: JSON.stringify(row.otherNames),
        addresses: JSON.stringify(row.addresses),
      };
      const current = existing.get(row.licenceNumber);
      if (!current) {
        const agency: AgencyTable = { id: newId(), licence_number: row.licenceNumber, issuing_country: options.country, created_at: now, updated_at: now, ...fields };
        created.push(agency);
        existing.set(row.licenceNumber, agency);
        // A list says what a licence is now. It was valid from its issue date; a status other than valid is known
        // only from this list (an expired licence ends at its end date, which the validity dates already say).
        const source = `import ${path.basename(file)}`;
        if (row.validFrom) events.push({ id: newId(), agency_id: agency.id, status: 'valid', effective_on: row.validFrom, source, recorded_at: now });
        if (row.status !== 'valid' && !(row.status === 'expired' && row.validTo)) {
          events.push({ id: newId(), agency_id: agency.id, status: row.status, effective_on: today, source, recorded_at: now });
        }
        if (!row.validFrom && row.status === 'valid') events.push({ id: newId(), agency_id: agency.id, status: 'valid', effective_on: today, source, recorded_at: now });
        continue;
      }
      const changed = (Object.keys(fields) as Array<keyof typeof fields>).some((k) => current[k] !== fields[k]);
      if (!changed) {
        report.unchanged += 1;
        continue;
      }
      updates.push({ id: current.id, changes: { ...fields, updated_at: now } });
      if (current.licence_status !== row.status) {
        events.push({ id: newId(), agency_id: current.id, status: row.status, effective_on: today, source: `import ${path.basename(file)}`, recorded_at: now });
      }
      Object.assign(current, fields);
    }
    report.created += created.length;
    report.updated += updates.length;
    if (!options.dryRun) {
      await ctx.db.transaction().execute(async (trx) => {
        await insertAgencies(trx, created);
        for (const { id, changes } of updates) await updateAgency(trx, id, changes);
        await insertLicenceEvents(trx, events);
        await recordAudit(trx, actor, [{ action: 'agency.import', entityType: 'agency_list', entityId: options.country, details: { created: created.length, updated: updates.length } }]);
      });
    }
    options.onProgress?.(Math.min(start + batchSize, parsed.rows.length), parsed.rows.length);
  }
  if (!options.dryRun) indexes.delete(ctx.db);
  return report;
}

/** Agencies whose names are like a typed one, best first, for the desk officer to confirm. */
export async function matchAgencies(ctx: AppContext, typed: string, country?: string) {
  const matches = (await nameIndex(ctx)).match(typed, { country, limit: 5 });
  const rows = new Map((await findAgencyRows(ctx.db, matches.map((m) => m.agencyId))).map((r) => [r.id, r]));
  return matches.map((m) => ({ agency: presentAgency(rows.get(m.agencyId)!), matchedName: m.name, score: Math.round(m.score * 1000) / 1000, likelySame: m.likelySame }));
}

/** The licence status in force on a date, from the licence history and the validity dates. */
export function licenceStatusOn(agency: AgencyTable, events: AgencyLicenceEventTable[], date: string): LicenceStatus {
  let status: LicenceStatus | undefined;
  for (const event of events) if (event.effective_on <= date) status = event.status as LicenceStatus;
  if (!status) return 'expired'; // not yet licensed on that date
  if (status === 'valid' && ((agency.licence_valid_from && date < agency.licence_valid_from) || (agency.licence_valid_to && date > agency.licence_valid_to))) return 'expired';
  return status;
}

export async function getAgency(ctx: AppContext, id: string) {
  const row = await findAgencyRow(ctx.db, id);
  if (!row) throw new AppError('not_found');
  const [history, sanctions] = await Promise.all([licenceEvents(ctx.db, [id]), sanctionsOf(ctx.db, [id])]);
  return {
    ...presentAgency(row),
    licenceHistory: history.map((e) => ({ status: e.status as LicenceStatus, effectiveOn: e.effective_on, source: e.source })),
    sanctions: sanctions.map((x) => ({ type: x.type as (typeof sanctionTypes)[number], decidedOn: x.decided_on, until: x.until, decision: x.decision, authority: x.authority, amount: x.amount === null ? null : Number(x.amount), currency: x.currency })),
  };
}

/** Counts published about a person-free aggregate: below 5, only "fewer than 5" is said. */
export const suppressedCount = (count: number) => (count === 0 ? { count: 0, fewerThan: null } : count < 5 ? { count: null, fewerThan: 5 } : { count, fewerThan: null });

/** The public look-up: agencies by licence number or name, with licence status and suppressed complaint counts. */
export async function lookUpAgencies(ctx: AppContext, query: string) {
  const q = query.trim();
  if (q.length < 2) return [];
  const byLicence = await findAgenciesByLicence(ctx.db, q.toUpperCase());
  const ids = byLicence.length ? byLicence.map((row) => row.id) : (await matchAgencies(ctx, q)).map((m) => m.agency.id);
  const rows = new Map((await findAgencyRows(ctx.db, ids)).map((row) => [row.id, row]));
  const [counts, sanctions, ranks, ratings] = await Promise.all([
    complaintCountsByAgency(ctx.db, ids).then((list) => new Map(list.map((c) => [c.agencyId, Number(c.count)]))),
    sanctionsOf(ctx.db, ids),
    latestRanks(ctx.db, ids),
    ratingSummaries(ctx.db, ids),
  ]);
  return ids.map((id) => ({
    ...presentAgency(rows.get(id)!),
    complaints: suppressedCount(counts.get(id) ?? 0),
    sanctions: sanctions.filter((x) => x.agency_id === id).map((x) => ({ type: x.type as (typeof sanctionTypes)[number], decidedOn: x.decided_on, until: x.until, decision: x.decision })),
    assessment: ranks.get(id) ?? null,
    ratings: ratings.get(id) ?? null,
  }));
}

/**
 * Links a respondent of a complaint to an agency of the registry (the desk officer confirms a match), or clears
 * the link; returns the flag for possible illegal recruitment.
 */
export async function confirmRespondentAgency(ctx: AppContext, actor: Actor, complaintId: string, respondentId: string, agencyId: string | null, notInRegistry = false) {
  authorize(actor, 'complaint.record_event');
  const complaint = await findComplaint(ctx.db, complaintId);
  if (!complaint) throw new AppError('not_found');
  assertSameOrganisation(actor, complaint.organisation_id);
  const respondent = await findRespondent(ctx.db, complaintId, respondentId);
  if (!respondent) throw new AppError('not_found');
  if (agencyId && !(await findAgencyRow(ctx.db, agencyId))) throw new AppError('validation_failed', {}, [{ path: 'body.agencyId', code: 'unknown_agency' }]);
  await ctx.db.transaction().execute(async (trx) => {
    await linkRespondent(trx, complaintId, respondentId, agencyId, agencyId || notInRegistry ? actor.userId : null);
    await recordAudit(trx, actor, [{ action: 'complaint.link_agency', entityType: 'complaint', entityId: complaintId, organisationId: complaint.organisation_id, details: { respondentId, agencyId, notInRegistry } }]);
  });
  const confirmed = agencyId || notInRegistry ? actor.userId : null;
  return { agencyId, ...(await recruitmentFlags(ctx, complaint.rights_facts, complaint.received_at, [{ id: respondentId, agency_id: agencyId, agency_confirmed_by: confirmed, type: respondent.type }]))[0] };
}

/**
 * For each recruitment-agency respondent linked to the registry: the licence status on the recruitment date (or
 * the date of receipt when it is not known), and whether that points to illegal recruitment.
 */
export async function recruitmentFlags(
  ctx: AppContext,
  rightsFacts: string | null,
  receivedAt: string,
  respondents: Array<{ id: string; agency_id: string | null; agency_confirmed_by: string | null; type: string }>,
) {
  const recruitedOn = (rightsFacts ? (JSON.parse(rightsFacts) as { recruitedOn?: string }).recruitedOn : undefined) ?? receivedAt.slice(0, 10);
  const linked = respondents.filter((r) => r.agency_id);
  const agencies = new Map((await findAgencyRows(ctx.db, linked.map((r) => r.agency_id!))).map((a) => [a.id, a]));
  const events = await licenceEvents(ctx.db, [...agencies.keys()]);
  return respondents.map((r) => {
    if (r.type !== 'recruitment_agency') return { respondentId: r.id, registry: 'unchecked' as const, licenceStatusOnRecruitment: null, possibleIllegalRecruitment: false, checkedOn: recruitedOn };
    // Checked by a desk officer and not on the registry: recruiting without a licence, as far as Lintas knows.
    if (!r.agency_id) {
      const checked = Boolean(r.agency_confirmed_by);
      return { respondentId: r.id, registry: checked ? ('not_in_registry' as const) : ('unchecked' as const), licenceStatusOnRecruitment: null, possibleIllegalRecruitment: checked, checkedOn: recruitedOn };
    }
    const agency = agencies.get(r.agency_id)!;
    const status = licenceStatusOn(agency, events.filter((e) => e.agency_id === agency.id), recruitedOn);
    return { respondentId: r.id, registry: 'linked' as const, licenceStatusOnRecruitment: status, possibleIllegalRecruitment: status !== 'valid', checkedOn: recruitedOn };
  });
}
