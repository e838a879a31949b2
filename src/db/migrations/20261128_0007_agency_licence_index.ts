import type { Kysely } from 'kysely';

// The public look-up searches by licence number without knowing the issuing country.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('agencies_licence_number').on('agencies').column('licence_number').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('agencies_licence_number').execute();
}
