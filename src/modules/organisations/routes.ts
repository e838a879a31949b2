import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { deadlinesInputSchema, organisationInputSchema, organisationSchema } from './schema';
import { createOrganisation, getOrganisation, listOrganisations, setDeadlines } from './service';

export async function organisationRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  routes.post(
    '/organisations',
    { schema: { tags, summary: 'Register an organisation (system administrators)', security: bearerOrCookie, body: organisationInputSchema, response: { 201: organisationSchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await createOrganisation(ctx, requireUser(request), request.body)),
  );

  routes.get(
    '/organisations',
    { schema: { tags, summary: 'Organisations the user may see', security: bearerOrCookie, response: { 200: z.object({ items: z.array(organisationSchema) }), ...errorResponses } } },
    async (request) => ({ items: await listOrganisations(ctx, requireUser(request)) }),
  );

  routes.get(
    '/organisations/:id',
    { schema: { tags, summary: 'One organisation', security: bearerOrCookie, params: z.object({ id: z.uuid() }), response: { 200: organisationSchema, ...errorResponses } } },
    async (request) => getOrganisation(ctx, requireUser(request), request.params.id),
  );

  routes.put(
    '/organisations/:id/deadlines',
    {
      schema: {
        tags,
        summary: "Set the organisation's deadlines for first action and resolution",
        security: bearerOrCookie,
        params: z.object({ id: z.uuid() }),
        body: deadlinesInputSchema,
        response: { 200: organisationSchema, ...errorResponses },
      },
    },
    async (request) => setDeadlines(ctx, requireUser(request), request.params.id, request.body),
  );
}
