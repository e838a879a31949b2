import argon2 from 'argon2';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { newToken, sha256Hex } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Role, UserActor } from './actor';
import { clearLoginFailures, deleteExpiredSessions, deleteSession, findSession, findUserByEmail, insertSession, recordLoginFailure } from './repository';

/** Hashes a password with argon2id (the library's defaults: 64 MiB, 3 passes). */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

// Verifying against this when the e-mail is unknown keeps the answer time the same as for a wrong password.
let decoyHash: Promise<string> | undefined;

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: { id: string; name: string; email: string; role: Role; organisationId: string };
}

/** Checks the password, counts failures (locking the account after too many) and opens a session. */
export async function logIn(ctx: AppContext, email: string, password: string): Promise<LoginResult> {
  const user = await findUserByEmail(ctx.db, email.trim().toLowerCase());
  if (!user || user.disabled) {
    decoyHash ??= hashPassword('decoy password for timing');
    await argon2.verify(await decoyHash, password);
    throw new AppError('invalid_credentials');
  }
  const now = nowIso();
  if (user.locked_until && user.locked_until > now) {
    throw new AppError('account_locked', { minutes: ctx.config.lockoutMinutes });
  }
  if (!(await argon2.verify(user.password_hash, password))) {
    const failures = user.failed_logins + 1;
    if (failures >= ctx.config.lockoutAttempts) {
      const until = new Date(Date.now() + ctx.config.lockoutMinutes * 60_000).toISOString();
      await recordLoginFailure(ctx.db, user.id, 0, until);
      throw new AppError('account_locked', { minutes: ctx.config.lockoutMinutes });
    }
    await recordLoginFailure(ctx.db, user.id, failures, null);
    throw new AppError('invalid_credentials');
  }
  if (user.failed_logins > 0 || user.locked_until) await clearLoginFailures(ctx.db, user.id);
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ctx.config.sessionHours * 3_600_000).toISOString();
  // Expired sessions are removed as new ones open, so the table holds only live ones.
  await deleteExpiredSessions(ctx.db, now);
  await insertSession(ctx.db, { id: sha256Hex(token), user_id: user.id, csrf_token: csrfToken, created_at: now, expires_at: expiresAt });
  return {
    token,
    csrfToken,
    expiresAt,
    user: { id: user.id, name: user.name, email: user.email, role: user.role as Role, organisationId: user.organisation_id },
  };
}

export interface SessionInfo {
  actor: UserActor;
  csrfToken: string;
  name: string;
  email: string;
}

/** The session a token opens, or undefined when it is unknown or expired. */
export async function resolveSession(ctx: AppContext, token: string): Promise<SessionInfo | undefined> {
  const row = await findSession(ctx.db, sha256Hex(token), nowIso());
  if (!row) return undefined;
  return {
    actor: { kind: 'user', userId: row.userId, organisationId: row.organisationId, role: row.role as Role },
    csrfToken: row.csrfToken,
    name: row.name,
    email: row.email,
  };
}

export async function logOut(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db, sha256Hex(token));
}
