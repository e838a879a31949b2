import { referralsForTracking } from '../referrals/service';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { recordAudit } from '../audit/service';
import { findComplaintByReference, recordTrackingFailure } from '../complaints/repository';
import { pinMatches } from '../complaints/pin';
import { registerComplaint } from '../complaints/service';
import type { ComplaintState } from '../complaints/taxonomy';
import { findOrganisation, findPublicIntakeOrganisations } from '../organisations/repository';
import type { PublicComplaintInput } from './schema';

const trackingAttempts = 10;
const trackingLockMinutes = 60;

/** The organisation that receives a public complaint: the one asked for, else one in the origin, then the destination. */
async function routePublicComplaint(ctx: AppContext, input: PublicComplaintInput): Promise<string> {
  if (input.organisationId) {
    const chosen = await findOrganisation(ctx.db, input.organisationId);
    if (chosen?.accepts_public_complaints) return chosen.id;
  }
  const candidates = await findPublicIntakeOrganisations(ctx.db);
  const match =
    candidates.find((o) => o.country === input.origin) ?? candidates.find((o) => o.country === input.destination) ?? candidates[0];
  if (!match) throw new AppError('no_intake_organisation');
  return match.id;
}

/** Files a complaint from the public pages (no log-in) and returns the reference and PIN to follow it. */
export async function filePublicComplaint(ctx: AppContext, input: PublicComplaintInput) {
  if (input.website) throw new AppError('spam_rejected');
  const { organisationId: _chosen, website: _trap, ...form } = input;
  const organisationId = await routePublicComplaint(ctx, input);
  const created = await registerComplaint(ctx, { kind: 'public' }, { ...form, channel: 'online' }, { organisationId });
  return { reference: created.reference, pin: created.pin };
}

/** Accepts a reference typed loosely: any case, spaces or no dashes, and O/I/L for 0/1 in the random part. */
function normaliseReference(typed: string): string {
  const compact = typed.toUpperCase().replace(/[\s_-]/g, '');
  const match = /^([A-Z]{2})(\d{2})([0-9A-Z]{4})([0-9A-Z]{4})$/.exec(compact);
  if (!match) return compact;
  const random = (part: string) => part.replace(/O/g, '0').replace(/[IL]/g, '1');
  return `${match[1]}-${match[2]}-${random(match[3])}-${random(match[4])}`;
}

/** Status of a complaint for the worker who holds its reference and PIN; locks after repeated wrong PINs. */
export async function trackComplaint(ctx: AppContext, reference: string, pin: string) {
  const row = await findComplaintByReference(ctx.db, normaliseReference(reference));
  if (!row) throw new AppError('tracking_failed');
  const now = nowIso();
  if (row.track_locked_until && row.track_locked_until > now) throw new AppError('tracking_locked', { minutes: trackingLockMinutes });
  if (!pinMatches(ctx.pinKey, row.id, row.pin_version, pin)) {
    const failures = row.track_failures + 1;
    const locked = failures >= trackingAttempts;
    await recordTrackingFailure(ctx.db, row.id, locked ? 0 : failures, locked ? new Date(Date.now() + trackingLockMinutes * 60_000).toISOString() : null);
    throw new AppError(locked ? 'tracking_locked' : 'tracking_failed', { minutes: trackingLockMinutes });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (row.track_failures > 0) await recordTrackingFailure(trx, row.id, 0, null);
    await recordAudit(trx, { kind: 'public' }, [{ action: 'complaint.track', entityType: 'complaint', entityId: row.id, organisationId: row.organisation_id }]);
  });
  return { reference: row.reference, state: row.state as ComplaintState, lastUpdatedAt: row.updated_at, referrals: await referralsForTracking(ctx.db, row.id) };
}

/** Organisations that take complaints from the public pages, for the worker to choose from and to contact. */
export async function listIntakeOrganisations(ctx: AppContext) {
  const rows = await findPublicIntakeOrganisations(ctx.db);
  return rows.map((o) => ({ id: o.id, name: o.name, type: o.type, country: o.country, languages: JSON.parse(o.languages) as string[] }));
}
