import type { AppContext } from '../../context';
import type { OrganisationTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Actor } from '../auth/actor';
import { assertSameOrganisation, authorize } from '../auth/policies';
import { recordAudit } from '../audit/service';
import { findOrganisation, insertOrganisation, listOrganisationRows, updateOrganisation } from './repository';
import { type DirectoryProfile, directoryProfileSchema, type OrganisationInput } from './schema';

export function presentOrganisation(row: OrganisationTable) {
  return {
    id: row.id,
    name: row.name,
    type: row.type as OrganisationInput['type'],
    country: row.country,
    languages: JSON.parse(row.languages) as string[],
    firstActionDays: row.first_action_days,
    resolutionDays: row.resolution_days,
    acceptsPublicComplaints: row.accepts_public_complaints === 1,
    createdAt: row.created_at,
    profile: presentProfile(row),
    nodeId: row.node_id,
  };
}

/** The directory profile as stored (JSON) with `listed`, filled with defaults for organisations made before it. */
export function presentProfile(row: Pick<OrganisationTable, 'profile' | 'listed'>): DirectoryProfile {
  return directoryProfileSchema.parse({ ...JSON.parse(row.profile || '{}'), listed: row.listed === 1 });
}

const storedProfile = ({ listed: _listed, ...profile }: DirectoryProfile) => JSON.stringify(profile);

/** Registers an organisation (system administrators, and the CLI and seeding as `system`). */
export async function createOrganisation(ctx: AppContext, actor: Actor, input: OrganisationInput) {
  if (actor.kind !== 'system') authorize(actor, 'organisation.create');
  const row: OrganisationTable = {
    id: newId(),
    name: input.name,
    type: input.type,
    country: input.country,
    languages: JSON.stringify(input.languages),
    first_action_days: input.firstActionDays,
    resolution_days: input.resolutionDays,
    accepts_public_complaints: input.acceptsPublicComplaints ? 1 : 0,
    created_at: nowIso(),
    profile: input.profile ? storedProfile(input.profile) : '{}',
    listed: input.profile?.listed ? 1 : 0,
    node_id: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertOrganisation(trx, row);
    await recordAudit(trx, actor, [{ action: 'organisation.create', entityType: 'organisation', entityId: row.id, organisationId: row.id }]);
  });
  return presentOrganisation(row);
}

/** Organisations the actor may see: all for a system administrator, otherwise their own. */
export async function listOrganisations(ctx: AppContext, actor: Actor) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const rows = await listOrganisationRows(ctx.db, actor.role === 'system_admin' ? undefined : actor.organisationId);
  return rows.map(presentOrganisation);
}

export async function getOrganisation(ctx: AppContext, actor: Actor, id: string) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  assertSameOrganisation(actor, id);
  const row = await findOrganisation(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return presentOrganisation(row);
}

/** Sets the organisation's deadlines for first action and resolution (days after receipt). */
export async function setDeadlines(ctx: AppContext, actor: Actor, id: string, deadlines: { firstActionDays: number; resolutionDays: number }) {
  authorize(actor, 'organisation.update_deadlines');
  assertSameOrganisation(actor, id);
  const row = await findOrganisation(ctx.db, id);
  if (!row) throw new AppError('not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrganisation(trx, id, { first_action_days: deadlines.firstActionDays, resolution_days: deadlines.resolutionDays });
    await recordAudit(trx, actor, [{ action: 'organisation.update_deadlines', entityType: 'organisation', entityId: id, organisationId: id, details: deadlines }]);
  });
  return presentOrganisation({ ...row, first_action_days: deadlines.firstActionDays, resolution_days: deadlines.resolutionDays });
}

/** Sets what the directory says about the organisation (its administrators, or a system administrator). */
export async function setDirectoryProfile(ctx: AppContext, actor: Actor, id: string, profile: DirectoryProfile) {
  authorize(actor, 'organisation.update_profile');
  assertSameOrganisation(actor, id);
  const row = await findOrganisation(ctx.db, id);
  if (!row) throw new AppError('not_found');
  const changes = { profile: storedProfile(profile), listed: profile.listed ? 1 : 0 };
  await ctx.db.transaction().execute(async (trx) => {
    await updateOrganisation(trx, id, changes);
    await recordAudit(trx, actor, [{ action: 'organisation.update_profile', entityType: 'organisation', entityId: id, organisationId: id, details: { listed: profile.listed } }]);
  });
  return presentOrganisation({ ...row, ...changes });
}
