import type { Kysely } from 'kysely';
import { isPostgres } from '../../db/dialect';
import type { AuditLogTable, Database } from '../../db/schema';

/** Reads the end of the hash chain, locking it on PostgreSQL so that concurrent appends queue behind each other. */
export async function lockAuditHead(trx: Kysely<Database>): Promise<{ seq: number; hash: string }> {
  let query = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (isPostgres(trx)) query = query.forUpdate();
  return query.executeTakeFirstOrThrow();
}

export async function insertAuditRows(trx: Kysely<Database>, rows: AuditLogTable[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('audit_log').values(rows).execute();
  const last = rows[rows.length - 1];
  await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
}

export async function readAuditHead(db: Kysely<Database>) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** A page of the log in chain order, starting after `afterSeq`. */
export async function readAuditPage(db: Kysely<Database>, afterSeq: number, limit: number): Promise<AuditLogTable[]> {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function readAuditForEntity(db: Kysely<Database>, entityType: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}
