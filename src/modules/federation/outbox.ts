import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';

/** Kinds of messages between nodes; the body of each is described in docs/federation.md. */
export const messageTypes = ['referral.sent', 'referral.event'] as const;
export type MessageType = (typeof messageTypes)[number];

/**
 * Writes a message for a partner node inside the caller's transaction, numbered after the last one for that
 * node so the partner applies them in order. Callers hold the audit chain's lock (they record an audit entry
 * first), which serialises numbering on PostgreSQL; SQLite writes one transaction at a time anyway.
 */
export async function enqueueMessage(trx: Kysely<Database>, toNodeId: string, type: MessageType, body: unknown): Promise<string> {
  const last = await trx
    .selectFrom('federation_outbox')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('to_node_id', '=', toNodeId)
    .executeTakeFirst();
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('federation_outbox')
    .values({ id, to_node_id: toNodeId, seq: Number(last?.seq ?? 0) + 1, type, body: JSON.stringify(body), created_at: now, attempts: 0, next_attempt_at: now, last_error: null, delivered_at: null })
    .execute();
  return id;
}
