import type { Kysely } from 'kysely';
import type { Database, OrganisationTable } from '../../db/schema';

export async function insertOrganisation(db: Kysely<Database>, row: OrganisationTable) {
  await db.insertInto('organisations').values(row).execute();
}

export function findOrganisation(db: Kysely<Database>, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listOrganisationRows(db: Kysely<Database>, onlyId?: string) {
  let query = db.selectFrom('organisations').selectAll().orderBy('country').orderBy('name');
  if (onlyId) query = query.where('id', '=', onlyId);
  return query.execute();
}

export async function updateOrganisation(db: Kysely<Database>, id: string, changes: Partial<OrganisationTable>) {
  await db.updateTable('organisations').set(changes).where('id', '=', id).execute();
}

/** Organisations that take complaints filed on the public pages, those in `countries` first. */
export function findPublicIntakeOrganisations(db: Kysely<Database>) {
  return db.selectFrom('organisations').selectAll().where('accepts_public_complaints', '=', 1).orderBy('created_at').execute();
}

export async function countOrganisations(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('organisations').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
