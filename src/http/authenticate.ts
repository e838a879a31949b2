import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { AppError } from '../lib/errors';
import type { Actor, UserActor } from '../modules/auth/actor';
import { resolveSession } from '../modules/auth/service';

export const sessionCookie = 'lintas_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** The session token the request came with, for log-out. */
    sessionToken?: string;
  }
}

/**
 * Resolves the session on every request: a Bearer token (API clients) or the session cookie (the browser).
 * Cookie-authenticated writes must repeat the session's CSRF token in `X-CSRF-Token`; a Bearer token cannot be
 * sent by another site, so it needs none.
 */
export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null as never);
  app.addHook('onRequest', async (request) => {
    request.actor = { kind: 'public' };
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = bearer ? undefined : request.cookies[sessionCookie];
    const token = bearer ?? cookie;
    if (!token) return;
    const session = await resolveSession(ctx, token);
    if (!session) return;
    if (cookie && !safeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
      throw new AppError('csrf_failed');
    }
    request.actor = session.actor;
    request.sessionToken = token;
  });
}

/** The signed-in user behind a request; `unauthenticated` when there is none. */
export function requireUser(request: FastifyRequest): UserActor {
  if (request.actor.kind !== 'user') throw new AppError('unauthenticated');
  return request.actor;
}
