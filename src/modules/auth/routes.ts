import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser, sessionCookie } from '../../http/authenticate';
import { errorResponseSchema } from '../../http/errors';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { roles } from './actor';
import { logIn, logOut, resolveSession } from './service';

const sessionUserSchema = z
  .object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.enum(roles), organisationId: z.uuid() })
  .meta({ id: 'SessionUser' });

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/auth/login',
    {
      config: { rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in: sets the session cookie and returns a token for API clients',
        body: z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) }).meta({ id: 'Login' }),
        response: {
          200: z
            .object({
              token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`' }),
              csrfToken: z.string().meta({ description: 'Send as `X-CSRF-Token` on writes authenticated by the cookie' }),
              expiresAt: z.string(),
              user: sessionUserSchema,
            })
            .meta({ id: 'LoginResult' }),
          400: errorResponseSchema,
          401: errorResponseSchema,
          423: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await logIn(ctx, request.body.email, request.body.password);
      reply.setCookie(sessionCookie, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: ctx.config.secureCookies,
        path: '/',
        expires: new Date(result.expiresAt),
      });
      return result;
    },
  );

  routes.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', security: bearerOrCookie, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      requireUser(request);
      if (request.sessionToken) await logOut(ctx, request.sessionToken);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user and the CSRF token for this session',
        security: bearerOrCookie,
        response: { 200: z.object({ user: sessionUserSchema, csrfToken: z.string() }).meta({ id: 'Session' }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const session = await resolveSession(ctx, request.sessionToken!);
      return {
        user: { id: actor.userId, name: session!.name, email: session!.email, role: actor.role, organisationId: actor.organisationId },
        csrfToken: session!.csrfToken,
      };
    },
  );
}
