import type { Kysely } from 'kysely';
import type { AgreementTable, Database, ExchangeRateTable } from '../../db/schema';

export function listAgreementRows(db: Kysely<Database>) {
  return db.selectFrom('agreements').selectAll().orderBy('origin').orderBy('destination').orderBy('effective_from').execute();
}

export function findAgreementRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function upsertAgreementRow(db: Kysely<Database>, row: AgreementTable) {
  const { id, ...rest } = row;
  await db.insertInto('agreements').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
}

/** Adds seeded agreements that are missing; never overwrites one an administrator changed. */
export async function insertMissingAgreementRows(db: Kysely<Database>, rows: AgreementTable[]) {
  for (const row of rows) await db.insertInto('agreements').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
}

export function listExchangeRateRows(db: Kysely<Database>) {
  return db.selectFrom('exchange_rates').selectAll().orderBy('base').orderBy('quote').orderBy('valid_on').execute();
}

export async function upsertExchangeRateRow(db: Kysely<Database>, row: ExchangeRateTable) {
  await db
    .insertInto('exchange_rates')
    .values(row)
    .onConflict((oc) => oc.columns(['base', 'quote', 'valid_on']).doUpdateSet({ rate: row.rate, source: row.source, updated_at: row.updated_at }))
    .execute();
}

export async function insertMissingExchangeRateRows(db: Kysely<Database>, rows: ExchangeRateTable[]) {
  for (const row of rows) await db.insertInto('exchange_rates').values(row).onConflict((oc) => oc.columns(['base', 'quote', 'valid_on']).doNothing()).execute();
}
