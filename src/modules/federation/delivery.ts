import type { AppContext } from '../../context';
import type { FederationOutboxTable, FederationPartnerTable } from '../../db/schema';
import { nodeIdentity } from './identity';
import { signMessage } from './messages';
import type { MessageType } from './outbox';

export interface DeliveryLog {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
}

/** Wait before the next attempt: 0.25 s, 0.5 s, 1 s, 2 s… up to the configured ceiling, with a little jitter. */
export function backoffMs(attempts: number, ceilingMs: number): number {
  const base = Math.min(ceilingMs, 250 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + Math.random() * 0.2));
}

/**
 * Delivers the outbox to partner nodes: per partner, strictly in order, one message at a time, each signed
 * afresh for its attempt. A failed attempt is retried with back-off; nothing is dropped, so a partner that was
 * down for hours receives everything, in order, once it is back.
 */
export function startDelivery(ctx: AppContext, log: DeliveryLog) {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(wake, Math.max(0, delayMs));
  };

  async function deliverTo(partner: FederationPartnerTable): Promise<number> {
    const identity = await nodeIdentity(ctx);
    for (;;) {
      if (stopped) return Number.POSITIVE_INFINITY;
      const message: FederationOutboxTable | undefined = await ctx.db
        .selectFrom('federation_outbox')
        .selectAll()
        .where('to_node_id', '=', partner.node_id)
        .where('delivered_at', 'is', null)
        .orderBy('seq')
        .limit(1)
        .executeTakeFirst();
      if (!message) return Number.POSITIVE_INFINITY;
      const due = Date.parse(message.next_attempt_at);
      if (due > Date.now()) return due;
      let error: string | null = null;
      try {
        const jws = await signMessage(identity, { id: message.id, to: partner.node_id, seq: message.seq, type: message.type as MessageType, body: JSON.parse(message.body) });
        const response = await fetch(new URL('/api/v1/federation/messages', partner.url), {
          method: 'POST',
          headers: { 'content-type': 'application/jose' },
          body: jws,
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) {
          const answer = (await response.json().catch(() => ({}))) as { error?: { code?: string; details?: unknown } };
          error = `HTTP ${response.status} ${answer.error?.code ?? ''}`.trim();
        } else await response.body?.cancel();
      } catch (failure) {
        error = failure instanceof Error ? (failure.cause instanceof Error ? failure.cause.message : failure.message) : 'unknown error';
      }
      const now = new Date();
      if (error === null) {
        await ctx.db.updateTable('federation_outbox').set({ delivered_at: now.toISOString(), attempts: message.attempts + 1, last_error: null }).where('id', '=', message.id).execute();
        continue;
      }
      const next = new Date(now.getTime() + backoffMs(message.attempts + 1, ctx.config.federationMaxBackoffMs));
      await ctx.db.updateTable('federation_outbox').set({ attempts: message.attempts + 1, next_attempt_at: next.toISOString(), last_error: error.slice(0, 200) }).where('id', '=', message.id).execute();
      // Message ids and sequence numbers only: a message's body may hold personal data and is never logged.
      log.warn({ partner: partner.node_id, messageId: message.id, seq: message.seq, attempts: message.attempts + 1, error }, 'federation delivery failed; will retry');
      return next.getTime();
    }
  }

  async function run() {
    do {
      again = false;
      let nextDue = Date.now() + 5_000; // look again now and then, whatever happens
      try {
        const partners = await ctx.db.selectFrom('federation_partners').selectAll().where('active', '=', 1).execute();
        const dues = await Promise.all(partners.map((p) => deliverTo(p)));
        nextDue = Math.min(nextDue, ...dues);
      } catch (failure) {
        log.warn({ error: failure instanceof Error ? failure.message : String(failure) }, 'federation delivery loop failed; will retry');
      }
      if (!again) schedule(nextDue - Date.now());
    } while (again && !stopped);
  }

  function wake() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = run().finally(() => {
      running = null;
    });
  }

  ctx.outboxWritten = wake;
  wake();
  return {
    wake,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      ctx.outboxWritten = () => undefined;
      await running;
    },
  };
}
