import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { errorResponseSchema, requestLanguage } from '../../http/errors';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { AppError } from '../../lib/errors';
import { countryCode, currencyCode, isoDate } from '../../lib/codes';
import { agreementSchema, findingSchema, provisionDataSchema, rightsFactsSchema } from './schema';
import { checkCase, getAgreement, listAgreements, listExchangeRates, rightsOverview, saveAgreement, saveExchangeRate } from './service';

const agreementSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    type: z.string(),
    origin: z.string(),
    destination: z.string(),
    destinationRegion: z.string().nullable(),
    signedOn: z.string().nullable(),
    effectiveFrom: z.string().nullable(),
    expiresOn: z.string().nullable(),
    status: z.string(),
  })
  .meta({ id: 'AgreementSummary' });

const rateSchema = z
  .object({ base: currencyCode, quote: currencyCode, validOn: isoDate, rate: z.number().positive(), source: z.string().trim().min(3).max(500) })
  .meta({ id: 'ExchangeRate', description: 'Units of `quote` for one unit of `base`, valid from `validOn`' });

export async function agreementRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agreements and rights'];

  routes.post(
    '/rights/check',
    {
      config: { rateLimit: { max: ctx.config.publicRateLimitPerMinute * 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "Check a case's facts against the agreements in force for its corridor, sector and date, and the ILO baseline",
        description: 'Money in minor units with ISO 4217 codes; any fact may be missing (its findings are then `unknown`). Messages in the language of Accept-Language.',
        body: rightsFactsSchema,
        response: { 200: z.object({ agreements: z.array(agreementSummarySchema), findings: z.array(findingSchema) }).meta({ id: 'RightsCheck' }), 400: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request) => checkCase(ctx, request.body, requestLanguage(request)),
  );

  routes.get(
    '/agreements',
    {
      schema: {
        tags,
        summary: 'Bilateral agreements, MOUs and protocols held in Lintas, with their provisions',
        querystring: z.object({ origin: countryCode.optional(), destination: countryCode.optional() }),
        response: { 200: z.object({ items: z.array(agreementSchema) }), 400: errorResponseSchema },
      },
    },
    async (request) => ({ items: await listAgreements(ctx, request.query) }),
  );

  routes.get(
    '/agreements/:id',
    { schema: { tags, summary: 'One agreement with its provisions', params: z.object({ id: z.string().max(100) }), response: { 200: agreementSchema, 404: errorResponseSchema } } },
    async (request) => getAgreement(ctx, request.params.id),
  );

  routes.put(
    '/agreements/:id',
    {
      schema: {
        tags,
        summary: 'Create or replace an agreement and its provisions (system administrators)',
        security: bearerOrCookie,
        params: z.object({ id: z.string().max(100) }),
        body: agreementSchema,
        response: { 200: agreementSchema, ...errorResponses },
      },
    },
    async (request) => {
      if (request.body.id !== request.params.id) throw new AppError('validation_failed', {}, [{ path: 'body.id', code: 'id_mismatch' }]);
      return saveAgreement(ctx, requireUser(request), request.body);
    },
  );

  routes.get(
    '/rights/exchange-rates',
    { schema: { tags, summary: 'The dated exchange rates the check converts amounts with', response: { 200: z.object({ items: z.array(rateSchema) }) } } },
    async () => ({ items: await listExchangeRates(ctx) }),
  );

  routes.put(
    '/rights/exchange-rates',
    { schema: { tags, summary: 'Add or correct a dated exchange rate (system administrators)', security: bearerOrCookie, body: rateSchema, response: { 200: rateSchema, ...errorResponses } } },
    async (request) => saveExchangeRate(ctx, requireUser(request), request.body),
  );

  routes.get(
    '/public/rights',
    {
      schema: {
        tags: ['public'],
        summary: 'What applies to a corridor and sector: the agreements in force and their provisions, with the ILO baseline',
        querystring: z.object({
          origin: countryCode,
          destination: countryCode,
          sector: z.string().max(40).optional(),
          region: z.string().max(100).optional(),
          on: isoDate.optional().meta({ description: 'Date; today by default' }),
        }),
        response: {
          200: z
            .object({
              on: z.string(),
              agreements: z.array(agreementSummarySchema),
              provisions: z.array(z.object({ agreementId: z.string(), agreementTitle: z.string(), baseline: z.boolean(), clause: z.string(), source: z.string(), data: provisionDataSchema })),
            })
            .meta({ id: 'RightsOverview' }),
          400: errorResponseSchema,
        },
      },
    },
    async (request) => rightsOverview(ctx, { ...request.query, on: request.query.on ?? new Date().toISOString().slice(0, 10) }),
  );
}
