import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('destination_region', 'text')
    .addColumn('effective_from', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // the whole agreement as validated JSON, provisions included
    .addColumn('seeded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('agreements_corridor').on('agreements').columns(['origin', 'destination']).execute();

  await db.schema
    .createTable('exchange_rates')
    .addColumn('base', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('valid_on', 'text', (c) => c.notNull())
    .addColumn('rate', 'text', (c) => c.notNull()) // decimal text: units of quote per unit of base
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_rates_pk', ['base', 'quote', 'valid_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('exchange_rates').execute();
  await db.schema.dropTable('agreements').execute();
}
