import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorResponseSchema } from '../../http/errors';
import { z } from 'zod';
import { publicComplaintInputSchema, publicCreatedSchema, publicOrganisationSchema, trackInputSchema, trackResultSchema } from './schema';
import { filePublicComplaint, listIntakeOrganisations, trackComplaint } from './service';

/** Routes for workers, without log-in: rate-limited per address. */
export async function publicRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const rateLimit = { max: ctx.config.publicRateLimitPerMinute, timeWindow: '1 minute' };
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 423: errorResponseSchema, 429: errorResponseSchema };

  routes.post(
    '/public/complaints',
    {
      config: { rateLimit },
      schema: { tags, summary: 'File a complaint without logging in; returns the reference and PIN to follow it', body: publicComplaintInputSchema, response: { 201: publicCreatedSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await filePublicComplaint(ctx, request.body)),
  );

  routes.post(
    '/public/track',
    {
      config: { rateLimit },
      schema: { tags, summary: 'Follow a complaint with its reference and PIN', body: trackInputSchema, response: { 200: trackResultSchema, ...errors } },
    },
    async (request) => trackComplaint(ctx, request.body.reference, request.body.pin),
  );

  routes.get(
    '/public/organisations',
    { schema: { tags, summary: 'Organisations that take complaints from the public form', response: { 200: z.object({ items: z.array(publicOrganisationSchema) }) } } },
    async () => ({ items: await listIntakeOrganisations(ctx) }),
  );
}
