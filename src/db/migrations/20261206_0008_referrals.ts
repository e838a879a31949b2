import type { Kysely } from 'kysely';

// The directory of organisations, referrals and transfers between them, and the federation of Lintas nodes.
export async function up(db: Kysely<any>): Promise<void> {
  // Directory: what an organisation offers, where and in which languages (JSON, see organisations/schema.ts);
  // `listed` puts it in the public directory; `node_id` names the partner node hosting it (null: this node).
  await db.schema.alterTable('organisations').addColumn('profile', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('organisations').addColumn('listed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('organisations').addColumn('node_id', 'text').execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the same id on both nodes of a cross-node referral
    .addColumn('complaint_id', 'text') // the sender's complaint, on the sender's node only
    .addColumn('from_organisation_id', 'text', (c) => c.notNull())
    .addColumn('to_organisation_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // referral | transfer
    .addColumn('state', 'text', (c) => c.notNull()) // pending | accepted | declined | withdrawn | completed
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('shared_fields', 'text', (c) => c.notNull()) // JSON array of field groups
    .addColumn('shared', 'text', (c) => c.notNull()) // JSON: the shared fields as they were when sent
    .addColumn('hide_receiver', 'integer', (c) => c.notNull().defaultTo(0)) // do not name the receiver to the worker
    .addColumn('consent_override', 'text') // JSON: supervisor, reason, when — when the worker had not consented
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('response_due_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('outcome', 'text') // JSON: type, currency, claimed, awarded, received, note
    .addColumn('received_complaint_id', 'text') // a transfer's new complaint, on the receiver's node
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referrals_to').on('referrals').columns(['to_organisation_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('referrals_from').on('referrals').columns(['from_organisation_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('referrals_complaint').on('referrals').column('complaint_id').execute();

  // History and thread of a referral: state changes, questions and answers, in order.
  await db.schema
    .createTable('referral_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referral_id', 'text', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull()) // sent, accepted, declined, withdrawn, completed, question, answer, progress
    .addColumn('organisation_id', 'text', (c) => c.notNull()) // whose side acted
    .addColumn('user_id', 'text')
    .addColumn('user_name', 'text') // kept for events from another node, whose users are not here
    .addColumn('body', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referral_events_referral').on('referral_events').columns(['referral_id', 'occurred_at']).execute();

  // Partner nodes this node trusts: their id, address and Ed25519 public key (JWK), exchanged out of band.
  await db.schema
    .createTable('federation_partners')
    .addColumn('node_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Messages to partners, written in the same transaction as the change that causes them; numbered per partner
  // so the receiver applies them in order.
  await db.schema
    .createTable('federation_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_node_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('delivered_at', 'text')
    .addUniqueConstraint('federation_outbox_order', ['to_node_id', 'seq'])
    .execute();
  await db.schema.createIndex('federation_outbox_pending').on('federation_outbox').columns(['delivered_at', 'to_node_id', 'seq']).execute();

  // Messages applied from partners: each id once; the highest sequence number applied per partner.
  await db.schema
    .createTable('federation_inbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_node_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('federation_inbox_order', ['from_node_id', 'seq'])
    .execute();

  // Signatures of the signed messages seen lately (within the freshness window): the same signed message
  // presented twice is a replay, refused even when its id was applied long ago or never.
  await db.schema
    .createTable('federation_signatures')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('from_node_id', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('federation_signatures_age').on('federation_signatures').column('seen_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['federation_signatures', 'federation_inbox', 'federation_outbox', 'federation_partners', 'referral_events', 'referrals']) await db.schema.dropTable(table).execute();
  for (const column of ['node_id', 'listed', 'profile']) await db.schema.alterTable('organisations').dropColumn(column).execute();
}
