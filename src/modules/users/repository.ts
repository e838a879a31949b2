import type { Kysely } from 'kysely';
import type { Database, UserTable } from '../../db/schema';

export async function insertUser(db: Kysely<Database>, row: UserTable) {
  await db.insertInto('users').values(row).execute();
}

export function findUser(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function emailExists(db: Kysely<Database>, email: string) {
  return db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
}

export function listUserRows(db: Kysely<Database>, organisationId?: string) {
  let query = db.selectFrom('users').selectAll().where('disabled', '=', 0).orderBy('name');
  if (organisationId) query = query.where('organisation_id', '=', organisationId);
  return query.execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
