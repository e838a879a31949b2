import type { AppContext } from '../../context';
import type { ReferralEventTable, ReferralTable } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { recordAudit } from '../audit/service';
import { applyPartnerEvent, receivePartnerReferral, type sentMessageBody } from '../referrals/service';
import { type FederationMessage, messageMediaType, verifySigned } from './messages';

/**
 * Applies a signed message from a partner node exactly once and in order. A message whose id was applied
 * before is acknowledged again without being applied (the sender did not hear the first answer, and signed it
 * afresh); the very same signed message presented again is a replay and is refused; a gap in the numbering is
 * refused until the missing message arrives.
 */
export async function receiveMessage(ctx: AppContext, jws: string): Promise<{ status: 'applied' | 'duplicate'; id: string }> {
  const { payload: message, signature } = await verifySigned<FederationMessage>(ctx, jws, messageMediaType);
  let status: 'applied' | 'duplicate' = 'applied';
  let applied = false;
  await ctx.db.transaction().execute(async (trx) => {
    // Serialise with every other audited change (the audit chain's lock), then check what was applied.
    await recordAudit(trx, { kind: 'system' }, [{ action: 'federation.receive', entityType: 'federation_message', entityId: message.id, details: { from: message.from, seq: message.seq, type: message.type } }]);
    const now = new Date();
    if (await trx.selectFrom('federation_signatures').select('signature').where('signature', '=', signature).executeTakeFirst()) {
      throw new AppError('federation_replayed');
    }
    // Signatures older than the freshness window need not be kept: their messages are refused as stale.
    const window = new Date(now.getTime() - 2 * ctx.config.federationMaxAgeSeconds * 1000).toISOString();
    await trx.deleteFrom('federation_signatures').where('seen_at', '<', window).execute();
    await trx.insertInto('federation_signatures').values({ signature, from_node_id: message.from, seen_at: now.toISOString() }).execute();
    if (await trx.selectFrom('federation_inbox').select('id').where('id', '=', message.id).executeTakeFirst()) {
      status = 'duplicate';
      return;
    }
    const last = await trx.selectFrom('federation_inbox').select((eb) => eb.fn.max('seq').as('seq')).where('from_node_id', '=', message.from).executeTakeFirst();
    const expected = Number(last?.seq ?? 0) + 1;
    if (message.seq < expected) {
      status = 'duplicate';
      return;
    }
    if (message.seq > expected) throw new AppError('federation_out_of_order', { expected });
    if (message.type === 'referral.sent') {
      await receivePartnerReferral(trx, message.from, message.body as ReturnType<typeof sentMessageBody>);
    } else if (message.type === 'referral.event') {
      const body = message.body as { referralId: string; event: ReferralEventTable; changes: Partial<ReferralTable> };
      await applyPartnerEvent(trx, message.from, body.referralId, body.event, body.changes);
    } else {
      throw new AppError('federation_refused', { reason: 'unknown_type' });
    }
    await trx.insertInto('federation_inbox').values({ id: message.id, from_node_id: message.from, seq: message.seq, type: message.type, signature, received_at: nowIso() }).execute();
    applied = true;
  });
  // Applying a message may itself write messages (none today); let the delivery loop look.
  if (applied) ctx.outboxWritten();
  return { status, id: message.id };
}
