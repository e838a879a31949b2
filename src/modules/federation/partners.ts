import { importJWK, type JWK } from 'jose';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/policies';
import { recordAudit } from '../audit/service';
import { directoryProfileSchema, organisationTypes } from '../organisations/schema';
import { presentOrganisation } from '../organisations/service';
import { nodeIdentity, signingAlgorithm } from './identity';
import { signDocument, verifySigned } from './messages';

export const partnerInputSchema = z
  .object({
    nodeId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    name: z.string().trim().min(2).max(200),
    url: z.url().refine((u) => /^https?:\/\//.test(u), { error: 'invalid_format' }),
    publicKey: z
      .object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().min(40).max(50) })
      .loose()
      .meta({ description: "The partner's Ed25519 public key as a JWK, as its GET /api/v1/federation/node shows it" }),
  })
  .meta({ id: 'NewPartner' });
export type PartnerInput = z.infer<typeof partnerInputSchema>;

/** This node's public identity: what a partner's administrator registers (exchanged out of band). */
export async function publicNodeIdentity(ctx: AppContext) {
  const identity = await nodeIdentity(ctx);
  return { nodeId: identity.id, url: identity.url ?? null, publicKey: identity.publicJwk as Record<string, unknown> };
}

/** Registers (or updates) a partner node this node trusts (system administrators, and the CLI as `system`). */
export async function registerPartner(ctx: AppContext, actor: Actor, input: PartnerInput) {
  if (actor.kind !== 'system') authorize(actor, 'federation.manage');
  const identity = await nodeIdentity(ctx);
  if (input.nodeId === identity.id) throw new AppError('validation_failed', {}, [{ path: 'nodeId', code: 'invalid' }]);
  try {
    await importJWK(input.publicKey as JWK, signingAlgorithm);
  } catch {
    throw new AppError('validation_failed', {}, [{ path: 'publicKey', code: 'invalid' }]);
  }
  const { kid: _kid, alg: _alg, use: _use, d: _private, ...key } = input.publicKey as JWK;
  if (_private) throw new AppError('validation_failed', {}, [{ path: 'publicKey', code: 'invalid' }]);
  const row = { node_id: input.nodeId, name: input.name, url: input.url, public_key: JSON.stringify(key), active: 1, created_at: nowIso() };
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(trx, actor, [{ action: 'federation.register_partner', entityType: 'federation_partner', entityId: input.nodeId, details: { url: input.url } }]);
    await trx
      .insertInto('federation_partners')
      .values(row)
      .onConflict((oc) => oc.column('node_id').doUpdateSet({ name: row.name, url: row.url, public_key: row.public_key, active: 1 }))
      .execute();
  });
  ctx.outboxWritten();
  return (await partnerStates(ctx)).find((p) => p.nodeId === input.nodeId)!;
}

/** Partner nodes with the state of delivery to each: messages waiting, the last error, the next attempt. */
export async function listPartners(ctx: AppContext, actor: Actor) {
  authorize(actor, 'federation.manage');
  return partnerStates(ctx);
}

async function partnerStates(ctx: AppContext) {
  const partners = await ctx.db.selectFrom('federation_partners').selectAll().orderBy('node_id').execute();
  const result = [];
  for (const p of partners) {
    const waiting = await ctx.db
      .selectFrom('federation_outbox')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('seq').as('first')])
      .where('to_node_id', '=', p.node_id)
      .where('delivered_at', 'is', null)
      .executeTakeFirstOrThrow();
    const head = waiting.first === null ? undefined : await ctx.db.selectFrom('federation_outbox').select(['last_error', 'next_attempt_at', 'attempts']).where('to_node_id', '=', p.node_id).where('seq', '=', Number(waiting.first)).executeTakeFirst();
    const delivered = await ctx.db.selectFrom('federation_outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('to_node_id', '=', p.node_id).where('delivered_at', 'is not', null).executeTakeFirstOrThrow();
    result.push({
      nodeId: p.node_id,
      name: p.name,
      url: p.url,
      active: p.active === 1,
      waiting: Number(waiting.n),
      delivered: Number(delivered.n),
      lastError: head?.last_error ?? null,
      nextAttemptAt: head?.next_attempt_at ?? null,
    });
  }
  return result;
}

/** This node's own organisations, signed, for partners to list in their directory. No personal data. */
export async function signedOrganisations(ctx: AppContext): Promise<string> {
  const identity = await nodeIdentity(ctx);
  const rows = await ctx.db.selectFrom('organisations').selectAll().where('node_id', 'is', null).execute();
  const organisations = rows.map(presentOrganisation).map(({ id, name, type, country, languages, profile }) => ({ id, name, type, country, languages, profile }));
  return signDocument(identity, { organisations });
}

const partnerOrganisationsSchema = z.array(
  z.object({ id: z.uuid(), name: z.string().min(1).max(300), type: z.enum(organisationTypes), country: z.string().length(2), languages: z.array(z.string()), profile: directoryProfileSchema }),
);

/** Fetches a partner's organisations (signed by the partner) into this node's directory, to refer cases to. */
export async function syncPartnerOrganisations(ctx: AppContext, actor: Actor, nodeId: string) {
  authorize(actor, 'federation.manage');
  const partner = await ctx.db.selectFrom('federation_partners').selectAll().where('node_id', '=', nodeId).executeTakeFirst();
  if (!partner) throw new AppError('not_found');
  const response = await fetch(new URL('/api/v1/federation/organisations', partner.url), { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new AppError('federation_refused', { reason: `HTTP ${response.status}` });
  const { payload } = await verifySigned<{ from: string; iat: number; organisations: unknown }>(ctx, await response.text(), 'lintas-document+jws');
  if (payload.from !== nodeId) throw new AppError('federation_refused', { reason: 'bad_signature' });
  const organisations = partnerOrganisationsSchema.parse(payload.organisations);
  let added = 0;
  await ctx.db.transaction().execute(async (trx) => {
    await recordAudit(trx, actor, [{ action: 'federation.sync_partner', entityType: 'federation_partner', entityId: nodeId, details: { organisations: organisations.length } }]);
    for (const o of organisations) {
      const existing = await trx.selectFrom('organisations').select(['id', 'node_id']).where('id', '=', o.id).executeTakeFirst();
      const { listed, ...profile } = o.profile;
      const values = { name: o.name, type: o.type, country: o.country, languages: JSON.stringify(o.languages), profile: JSON.stringify(profile), listed: listed ? 1 : 0 };
      if (!existing) {
        await trx.insertInto('organisations').values({ id: o.id, ...values, first_action_days: 10, resolution_days: 90, accepts_public_complaints: 0, created_at: nowIso(), node_id: nodeId }).execute();
        added += 1;
      } else if (existing.node_id === nodeId) {
        await trx.updateTable('organisations').set(values).where('id', '=', o.id).execute();
      }
    }
  });
  return { organisations: organisations.length, added };
}
