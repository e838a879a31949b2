import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';

/** The signing algorithm of every message between nodes: Ed25519 signatures in JWS (RFC 8037). */
export const signingAlgorithm = 'EdDSA';

export interface NodeIdentity {
  id: string;
  url: string | undefined;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const cache = new WeakMap<AppContext, Promise<NodeIdentity>>();

async function loadOrCreate(ctx: AppContext): Promise<NodeIdentity> {
  const node = ctx.config.node;
  if (!node) throw new AppError('federation_not_configured');
  const stored = await ctx.db.selectFrom('settings').select('value').where('key', '=', 'node_private_jwk').executeTakeFirst();
  if (!stored) {
    // The key pair is made once, on first use, and kept in the database with the rest of the node's state.
    const { privateKey } = await generateKeyPair(signingAlgorithm, { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(privateKey);
    await ctx.db
      .insertInto('settings')
      .values({ key: 'node_private_jwk', value: JSON.stringify(jwk) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', 'node_private_jwk').executeTakeFirstOrThrow();
  const privateJwk = JSON.parse(row.value) as JWK;
  const { d: _secret, ...publicJwk } = privateJwk;
  const privateKey = (await importJWK(privateJwk, signingAlgorithm)) as CryptoKey;
  return { id: node.id, url: node.url, privateKey, publicJwk: { ...publicJwk, kid: node.id, alg: signingAlgorithm, use: 'sig' } };
}

/** This node's id, address and signing key; the key pair is generated on first use. */
export function nodeIdentity(ctx: AppContext): Promise<NodeIdentity> {
  let identity = cache.get(ctx);
  if (!identity) {
    identity = loadOrCreate(ctx);
    identity.catch(() => cache.delete(ctx));
    cache.set(ctx, identity);
  }
  return identity;
}
