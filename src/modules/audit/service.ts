import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from '../../db/schema';
import { sha256Hex } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Actor } from '../auth/actor';
import { insertAuditRows, lockAuditHead, readAuditForEntity, readAuditHead, readAuditPage } from './repository';

export interface AuditEvent {
  action: string; // e.g. complaint.read, complaint.transition
  entityType: string;
  entityId: string | null;
  organisationId?: string | null;
  /** Never personal data: codes, states, ids and counts only. */
  details?: Record<string, string | number | boolean | null>;
}

type Unhashed = Omit<AuditLogTable, 'hash'>;

// The hash covers every column in a fixed order, so changing any field of any row breaks the chain from there on.
function hashEntry(entry: Unhashed): string {
  return sha256Hex(
    JSON.stringify([
      entry.seq,
      entry.at,
      entry.actor_type,
      entry.actor_id,
      entry.organisation_id,
      entry.action,
      entry.entity_type,
      entry.entity_id,
      entry.details,
      entry.prev_hash,
    ]),
  );
}

/**
 * Appends entries to the hash-chained audit log. Call it inside the transaction that makes the change (or the
 * read) it records, so that the entry exists exactly when the change does.
 */
export async function recordAudit(trx: Kysely<Database>, actor: Actor, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const head = await lockAuditHead(trx);
  const at = nowIso();
  let { seq, hash } = head;
  const rows: AuditLogTable[] = events.map((event) => {
    seq += 1;
    const unhashed: Unhashed = {
      seq,
      at,
      actor_type: actor.kind,
      actor_id: actor.kind === 'user' ? actor.userId : null,
      organisation_id: event.organisationId ?? (actor.kind === 'user' ? actor.organisationId : null),
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId,
      details: JSON.stringify(event.details ?? {}),
      prev_hash: hash,
    };
    hash = hashEntry(unhashed);
    return { ...unhashed, hash };
  });
  await insertAuditRows(trx, rows);
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry that does not fit the chain, when one does not. */
  brokenAt?: number;
  problem?: 'hash_mismatch' | 'link_mismatch' | 'sequence_gap' | 'head_mismatch';
}

/** Walks the whole chain and recomputes every hash; reports the first entry that was changed, removed or inserted. */
export async function verifyAuditChain(
  db: Kysely<Database>,
  onProgress?: (checked: number, total: number) => void,
): Promise<AuditVerification> {
  const head = await readAuditHead(db);
  let expectedSeq = 1;
  let previousHash = '0'.repeat(64);
  for (;;) {
    const page = await readAuditPage(db, expectedSeq - 1, 5000);
    if (page.length === 0) break;
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, entries: expectedSeq - 1, brokenAt: expectedSeq, problem: 'sequence_gap' };
      if (row.prev_hash !== previousHash) return { ok: false, entries: seq - 1, brokenAt: seq, problem: 'link_mismatch' };
      if (hashEntry({ ...row, seq }) !== row.hash) return { ok: false, entries: seq - 1, brokenAt: seq, problem: 'hash_mismatch' };
      previousHash = row.hash;
      expectedSeq += 1;
    }
    onProgress?.(expectedSeq - 1, Number(head.seq));
  }
  const entries = expectedSeq - 1;
  if (Number(head.seq) !== entries || head.hash !== previousHash) {
    return { ok: false, entries, brokenAt: entries + 1, problem: 'head_mismatch' };
  }
  return { ok: true, entries };
}

/** The audit history of one record, oldest first. */
export async function auditHistory(db: Kysely<Database>, entityType: string, entityId: string) {
  const rows = await readAuditForEntity(db, entityType, entityId);
  return rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}
