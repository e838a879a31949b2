import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { bearerOrCookie, conflictResponses, errorResponses } from '../../http/responses';
import { userInputSchema, userSchema } from './schema';
import { createUser, listUsers } from './service';

export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  routes.post(
    '/users',
    { schema: { tags, summary: 'Create a user (organisation or system administrators)', security: bearerOrCookie, body: userInputSchema, response: { 201: userSchema, ...conflictResponses } } },
    async (request, reply) => reply.status(201).send(await createUser(ctx, requireUser(request), request.body)),
  );

  routes.get(
    '/users',
    {
      schema: {
        tags,
        summary: "Users of the signed-in user's organisation (any organisation for system administrators)",
        security: bearerOrCookie,
        querystring: z.object({ organisationId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(userSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listUsers(ctx, requireUser(request), request.query.organisationId) }),
  );
}
