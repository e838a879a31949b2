import type { AppContext } from '../../context';
import type { UserTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Actor, Role } from '../auth/actor';
import { assertSameOrganisation, authorize } from '../auth/policies';
import { hashPassword } from '../auth/service';
import { recordAudit } from '../audit/service';
import { findOrganisation } from '../organisations/repository';
import { emailExists, insertUser, listUserRows } from './repository';
import type { UserInput } from './schema';

export function presentUser(row: UserTable) {
  return { id: row.id, email: row.email, name: row.name, organisationId: row.organisation_id, role: row.role as Role, createdAt: row.created_at };
}

/**
 * Creates a user. Organisation administrators create users of their own organisation and cannot make system
 * administrators; system administrators (and the CLI, as `system`) create any.
 */
export async function createUser(ctx: AppContext, actor: Actor, input: UserInput) {
  if (actor.kind !== 'system') {
    authorize(actor, 'user.create');
    assertSameOrganisation(actor, input.organisationId);
    if (input.role === 'system_admin' && actor.role !== 'system_admin') throw new AppError('forbidden');
  }
  const email = input.email.trim().toLowerCase();
  if (!(await findOrganisation(ctx.db, input.organisationId))) {
    throw new AppError('validation_failed', {}, [{ path: 'body.organisationId', code: 'unknown_organisation' }]);
  }
  if (await emailExists(ctx.db, email)) throw new AppError('email_taken');
  const row: UserTable = {
    id: newId(),
    organisation_id: input.organisationId,
    email,
    name: input.name,
    role: input.role,
    password_hash: await hashPassword(input.password),
    failed_logins: 0,
    locked_until: null,
    disabled: 0,
    created_at: nowIso(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, row);
    await recordAudit(trx, actor, [
      { action: 'user.create', entityType: 'user', entityId: row.id, organisationId: row.organisation_id, details: { role: row.role } },
    ]);
  });
  return presentUser(row);
}

/** Users the actor may see: their organisation's (all for a system administrator). */
export async function listUsers(ctx: AppContext, actor: Actor, organisationId?: string) {
  authorize(actor, 'user.list');
  const scope = actor.role === 'system_admin' ? organisationId : actor.organisationId;
  return (await listUserRows(ctx.db, scope)).map(presentUser);
}
