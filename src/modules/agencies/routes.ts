import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { errorResponseSchema } from '../../http/errors';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { countryCode } from '../../lib/codes';
import { agencySummarySchema, licenceStatuses } from './schema';
import { confirmRespondentAgency, getAgency, lookUpAgencies, matchAgencies } from './service';

const suppressedCountSchema = z
  .object({ count: z.number().int().nullable(), fewerThan: z.number().int().nullable() })
  .meta({ id: 'SuppressedCount', description: 'A count, or only "fewer than 5" when it is from 1 to 4, so that no person can be identified' });

export async function agencyRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agencies'];

  routes.get(
    '/agencies/match',
    {
      schema: {
        tags,
        summary: 'Agencies of the registry whose names are like a typed one, best first',
        security: bearerOrCookie,
        querystring: z.object({ name: z.string().trim().min(2).max(300), country: countryCode.optional() }),
        response: {
          200: z.object({ items: z.array(z.object({ agency: agencySummarySchema, matchedName: z.string(), score: z.number(), likelySame: z.boolean() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requireUser(request);
      return { items: await matchAgencies(ctx, request.query.name, request.query.country) };
    },
  );

  routes.get(
    '/agencies/:id',
    {
      schema: {
        tags,
        summary: 'One agency with its licence history',
        security: bearerOrCookie,
        params: z.object({ id: z.uuid() }),
        response: {
          200: agencySummarySchema.extend({ licenceHistory: z.array(z.object({ status: z.enum(licenceStatuses), effectiveOn: z.string(), source: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      requireUser(request);
      return getAgency(ctx, request.params.id);
    },
  );

  routes.get(
    '/public/agencies',
    {
      config: { rateLimit: { max: ctx.config.publicRateLimitPerMinute * 3, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Look up an agency by name or licence number: licence status and validity, and complaint counts suppressed below 5',
        querystring: z.object({ q: z.string().trim().max(300) }),
        response: { 200: z.object({ items: z.array(agencySummarySchema.extend({ complaints: suppressedCountSchema })) }), 400: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request) => ({ items: await lookUpAgencies(ctx, request.query.q) }),
  );

  routes.put(
    '/complaints/:id/respondents/:respondentId/agency',
    {
      schema: {
        tags: ['complaints'],
        summary: 'Confirm which registry agency a respondent is (or clear it with null); answers the illegal-recruitment flag',
        security: bearerOrCookie,
        params: z.object({ id: z.uuid(), respondentId: z.uuid() }),
        body: z.object({ agencyId: z.uuid().nullable() }),
        response: {
          200: z.object({
            respondentId: z.uuid(),
            agencyId: z.uuid().nullable(),
            licenceStatusOnRecruitment: z.enum(licenceStatuses).nullable(),
            possibleIllegalRecruitment: z.boolean(),
            checkedOn: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => confirmRespondentAgency(ctx, requireUser(request), request.params.id, request.params.respondentId, request.body.agencyId),
  );
}
