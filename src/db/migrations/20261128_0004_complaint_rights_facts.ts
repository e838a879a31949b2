import type { Kysely } from 'kysely';

// The facts a case is checked against the agreements with (recruitment date, wage, fees, deductions, passport,
// rest days, wage payment, contract endorsements), as JSON: they are read whole, never filtered on.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('rights_facts', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaints').dropColumn('rights_facts').execute();
}
