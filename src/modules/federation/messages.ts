import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import type { AppContext } from '../../context';
import { AppError } from '../../lib/errors';
import { type NodeIdentity, nodeIdentity, signingAlgorithm } from './identity';
import type { MessageType } from './outbox';

/** The media type of a signed message, in the JWS `typ` header. */
export const messageMediaType = 'lintas-message+jws';

/** What a signed message carries (the JWS payload); see docs/federation.md. */
export interface FederationMessage {
  /** The message id: a message delivered twice is applied once. */
  id: string;
  from: string;
  to: string;
  /** 1, 2, 3… per sender and receiver: the receiver applies them in this order. */
  seq: number;
  type: MessageType;
  /** When this delivery attempt was signed (seconds since 1970): older than the receiver allows is refused. */
  iat: number;
  body: unknown;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Signs a message for one delivery attempt, as a JWS in compact serialisation. */
export async function signMessage(identity: NodeIdentity, message: Omit<FederationMessage, 'from' | 'iat'>): Promise<string> {
  const payload: FederationMessage = { ...message, from: identity.id, iat: Math.floor(Date.now() / 1000) };
  return new CompactSign(encoder.encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: signingAlgorithm, typ: messageMediaType, kid: identity.id })
    .sign(identity.privateKey);
}

/** Signs any document this node vouches for (such as its list of organisations), with the same key. */
export async function signDocument(identity: NodeIdentity, document: Record<string, unknown>): Promise<string> {
  const payload = { ...document, from: identity.id, iat: Math.floor(Date.now() / 1000) };
  return new CompactSign(encoder.encode(JSON.stringify(payload))).setProtectedHeader({ alg: signingAlgorithm, typ: 'lintas-document+jws', kid: identity.id }).sign(identity.privateKey);
}

const refuse = (reason: string) => new AppError('federation_refused', { reason });

/**
 * Checks a signed message or document: a registered, active partner signed it with its key, for this node,
 * recently. Throws `federation_refused` with the reason otherwise.
 */
export async function verifySigned<T extends { from: string; iat: number; to?: string }>(ctx: AppContext, jws: string, expectedType: string): Promise<{ payload: T; signature: string }> {
  let kid: string | undefined;
  let typ: string | undefined;
  try {
    ({ kid, typ } = decodeProtectedHeader(jws));
  } catch {
    throw refuse('malformed');
  }
  if (!kid || typ !== expectedType) throw refuse('malformed');
  const partner = await ctx.db.selectFrom('federation_partners').selectAll().where('node_id', '=', kid).where('active', '=', 1).executeTakeFirst();
  if (!partner) throw refuse('unknown_node');
  let payloadBytes: Uint8Array;
  try {
    const key = await importJWK(JSON.parse(partner.public_key) as JWK, signingAlgorithm);
    ({ payload: payloadBytes } = await compactVerify(jws, key, { algorithms: [signingAlgorithm] }));
  } catch {
    throw refuse('bad_signature');
  }
  const payload = JSON.parse(decoder.decode(payloadBytes)) as T;
  const identity = await nodeIdentity(ctx);
  if (payload.from !== kid) throw refuse('bad_signature');
  if (payload.to !== undefined && payload.to !== identity.id) throw refuse('wrong_recipient');
  const age = Math.floor(Date.now() / 1000) - Number(payload.iat);
  if (!Number.isFinite(age) || age > ctx.config.federationMaxAgeSeconds || age < -60) throw refuse('stale');
  return { payload, signature: jws.slice(jws.lastIndexOf('.') + 1) };
}
