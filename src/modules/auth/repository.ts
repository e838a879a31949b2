import type { Kysely } from 'kysely';
import type { Database, SessionTable } from '../../db/schema';

export function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function recordLoginFailure(db: Kysely<Database>, userId: string, failures: number, lockedUntil: string | null) {
  await db.updateTable('users').set({ failed_logins: failures, locked_until: lockedUntil }).where('id', '=', userId).execute();
}

export async function clearLoginFailures(db: Kysely<Database>, userId: string) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', userId).execute();
}

export async function insertSession(db: Kysely<Database>, session: SessionTable) {
  await db.insertInto('sessions').values(session).execute();
}

/** The live session with this token hash and its user, if the user is still enabled. */
export function findSession(db: Kysely<Database>, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'users.id as userId',
      'users.organisation_id as organisationId',
      'users.role as role',
      'users.name as name',
      'users.email as email',
    ])
    .where('sessions.id', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string) {
  await db.deleteFrom('sessions').where('id', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
