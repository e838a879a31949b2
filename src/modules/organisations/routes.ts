import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { deskDirectory, directoryQuerySchema, publicDirectory } from './directory';
import { deadlinesInputSchema, directoryProfileSchema, organisationInputSchema, organisationSchema, organisationTypes } from './schema';
import { createOrganisation, getOrganisation, listOrganisations, setDeadlines, setDirectoryProfile } from './service';

const publicDirectoryEntrySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(organisationTypes),
    country: z.string(),
    languages: z.array(z.string()),
    acceptsPublicComplaints: z.boolean(),
    hostedElsewhere: z.boolean(),
    profile: directoryProfileSchema.omit({ listed: true }),
  })
  .meta({ id: 'PublicDirectoryEntry' });

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

  routes.put(
    '/organisations/:id/profile',
    {
      schema: {
        tags,
        summary: 'Set what the directory says about the organisation: services, areas, hours, contacts, focal points',
        security: bearerOrCookie,
        params: z.object({ id: z.uuid() }),
        body: directoryProfileSchema,
        response: { 200: organisationSchema, ...errorResponses },
      },
    },
    async (request) => setDirectoryProfile(ctx, requireUser(request), request.params.id, request.body),
  );

  routes.get(
    '/directory',
    {
      schema: {
        tags,
        summary: 'Organisations here and on partner nodes, by what a worker needs where (e.g. service=legal_aid&area=MY-01&language=my)',
        security: bearerOrCookie,
        querystring: directoryQuerySchema,
        response: { 200: z.object({ items: z.array(organisationSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await deskDirectory(ctx, requireUser(request), request.query) }),
  );

  routes.get(
    '/public/directory',
    {
      schema: {
        tags: ['public'],
        summary: 'Where a worker can get help: listed organisations by service, area and language',
        querystring: directoryQuerySchema,
        response: { 200: z.object({ items: z.array(publicDirectoryEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await publicDirectory(ctx, request.query) }),
  );
}
