import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { errorResponseSchema } from '../../http/errors';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { countryCode } from '../../lib/codes';
import { agencySummarySchema, licenceStatuses } from './schema';
import {
  agencyRecord,
  assessmentInputSchema,
  assessmentRanking,
  listCriteriaSets,
  moderateRating,
  mostUnresolved,
  pendingRatings,
  ratingInputSchema,
  recordAssessment,
  recordSanction,
  sanctionInputSchema,
  sanctionTypes,
  submitRating,
} from './oversight';
import { confirmRespondentAgency, getAgency, importLicences, lookUpAgencies, matchAgencies } from './service';
import { importMappingSchema } from './schema';
import { AppError } from '../../lib/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isCountryCode } from '../../lib/codes';

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
          200: agencySummarySchema.extend({
            licenceHistory: z.array(z.object({ status: z.enum(licenceStatuses), effectiveOn: z.string(), source: z.string() })),
            sanctions: z.array(
              z.object({ type: z.enum(sanctionTypes), decidedOn: z.string(), until: z.string().nullable(), decision: z.string(), authority: z.string().nullable(), amount: z.number().nullable(), currency: z.string().nullable() }),
            ),
          }),
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
        response: {
          200: z.object({
            items: z.array(
              agencySummarySchema.extend({
                complaints: suppressedCountSchema,
                sanctions: z.array(z.object({ type: z.enum(sanctionTypes), decidedOn: z.string(), until: z.string().nullable(), decision: z.string() })),
                assessment: z.object({ criteriaSet: z.string(), period: z.string(), rank: z.number().int(), of: z.number().int(), score: z.number() }).nullable(),
                ratings: z
                  .object({ count: z.number().int().nullable(), fewerThan: z.number().int().nullable(), fees: z.number().nullable(), orientation: z.number().nullable(), contract: z.number().nullable() })
                  .nullable()
                  .meta({ description: 'Moderated ratings only; averages hidden below 5 ratings' }),
              }),
            ),
          }),
          400: errorResponseSchema,
          429: errorResponseSchema,
        },
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
        body: z.object({
          agencyId: z.uuid().nullable(),
          notInRegistry: z.boolean().optional().meta({ description: 'With agencyId null: the officer checked and the agency is not on the registry' }),
        }),
        response: {
          200: z.object({
            respondentId: z.uuid(),
            agencyId: z.uuid().nullable(),
            registry: z.enum(['linked', 'not_in_registry', 'unchecked']),
            licenceStatusOnRecruitment: z.enum(licenceStatuses).nullable(),
            possibleIllegalRecruitment: z.boolean(),
            checkedOn: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => confirmRespondentAgency(ctx, requireUser(request), request.params.id, request.params.respondentId, request.body.agencyId, request.body.notInRegistry),
  );

  const agencyParams = z.object({ id: z.uuid() });

  routes.post(
    '/agencies/:id/sanctions',
    {
      schema: {
        tags,
        summary: 'Record a sanction and the decision that imposed it (regulators); a suspension or cancellation changes the licence status',
        security: bearerOrCookie,
        params: agencyParams,
        body: sanctionInputSchema,
        response: { 201: z.object({ id: z.uuid(), type: z.enum(sanctionTypes), decidedOn: z.string(), until: z.string().nullable(), decision: z.string(), licenceStatus: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordSanction(ctx, requireUser(request), request.params.id, request.body)),
  );

  routes.get(
    '/assessments/criteria-sets',
    {
      schema: {
        tags,
        summary: 'Code-of-conduct criteria sets agencies are assessed against',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), source: z.string(), criteria: z.array(z.object({ code: z.string(), label: z.string(), maxScore: z.number(), weight: z.number() })) })) }) },
      },
    },
    async () => ({ items: await listCriteriaSets(ctx) }),
  );

  routes.post(
    '/agencies/:id/assessments',
    {
      schema: {
        tags,
        summary: "Record an agency's assessment for a period: a score and evidence per criterion (regulators)",
        security: bearerOrCookie,
        params: agencyParams,
        body: assessmentInputSchema,
        response: { 201: z.object({ agencyId: z.uuid(), criteriaSetId: z.string(), period: z.string(), score: z.number() }), ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await recordAssessment(ctx, requireUser(request), request.params.id, request.body)),
  );

  routes.get(
    '/assessments/ranking',
    {
      schema: {
        tags,
        summary: 'Agencies ranked by their assessment for one criteria set and period (score out of 100)',
        querystring: z.object({ criteriaSetId: z.string().max(100), period: z.string().max(10) }),
        response: { 200: z.object({ items: z.array(z.object({ rank: z.number().int(), of: z.number().int(), agencyId: z.uuid(), name: z.string(), licenceNumber: z.string(), score: z.number() })) }) },
      },
    },
    async (request) => ({ items: await assessmentRanking(ctx.db, request.query.criteriaSetId, request.query.period) }),
  );

  routes.post(
    '/public/agencies/:id/ratings',
    {
      config: { rateLimit: { max: ctx.config.publicRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'A worker rates an agency (fees, pre-departure orientation, contract honoured, 1–5); it counts once moderated',
        params: agencyParams,
        body: ratingInputSchema,
        response: { 201: z.object({ id: z.uuid(), status: z.literal('pending') }), 400: errorResponseSchema, 404: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await submitRating(ctx, request.params.id, request.body)),
  );

  routes.get(
    '/agency-ratings/pending',
    {
      schema: {
        tags,
        summary: 'The moderation queue of worker ratings',
        security: bearerOrCookie,
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), agencyId: z.uuid(), agencyName: z.string(), fees: z.number(), orientation: z.number(), contract: z.number(), comment: z.string().nullable(), language: z.string(), createdAt: z.string() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await pendingRatings(ctx, requireUser(request)) }),
  );

  routes.put(
    '/agency-ratings/:id',
    {
      schema: {
        tags,
        summary: 'Approve or reject a worker rating',
        security: bearerOrCookie,
        params: z.object({ id: z.uuid() }),
        body: z.object({ decision: z.enum(['approve', 'reject']) }),
        response: { 200: z.object({ id: z.uuid(), status: z.enum(['approved', 'rejected']) }), ...errorResponses },
      },
    },
    async (request) => moderateRating(ctx, requireUser(request), request.params.id, request.body.decision),
  );

  routes.get(
    '/agencies/most-unresolved',
    {
      schema: {
        tags,
        summary: "The regulator's view: agencies with the most complaints still open",
        security: bearerOrCookie,
        querystring: z.object({ country: countryCode.optional() }),
        response: { 200: z.object({ items: z.array(z.object({ agencyId: z.uuid(), name: z.string(), licenceNumber: z.string(), licenceStatus: z.string(), open: z.number().int() })) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await mostUnresolved(ctx, requireUser(request), request.query.country) }),
  );

  routes.get(
    '/agencies/:id/record',
    {
      schema: {
        tags,
        summary: "An agency's complaint record: by state, grievance and year, and money claimed, awarded and received",
        security: bearerOrCookie,
        params: agencyParams,
        response: {
          200: z.object({
            byState: z.record(z.string(), z.number()),
            byYear: z.record(z.string(), z.number()),
            byGrievance: z.record(z.string(), z.number()),
            money: z.array(z.object({ currency: z.string(), claimed: z.number(), awarded: z.number(), received: z.number() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => agencyRecord(ctx, requireUser(request), request.params.id),
  );

  routes.post(
    '/agencies/import',
    {
      schema: {
        tags,
        summary: 'Import an official licence list (multipart: `file` CSV or XLSX, `country`, optional `mapping` JSON, `dryRun` true/false)',
        description: 'Answers the report: rows read, agencies added, updated and unchanged, and each rejected row with its line and reasons.',
        consumes: ['multipart/form-data'],
        security: bearerOrCookie,
        response: {
          200: z.object({
            total: z.number().int(),
            created: z.number().int(),
            updated: z.number().int(),
            unchanged: z.number().int(),
            dryRun: z.boolean(),
            columns: z.record(z.string(), z.string().optional()),
            rejected: z.array(z.object({ line: z.number().int(), reasons: z.array(z.object({ code: z.string(), value: z.string().optional() })) })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      if (!request.isMultipart()) throw new AppError('evidence_missing');
      const fields: Record<string, string> = {};
      let saved: string | undefined;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-import-'));
      try {
        for await (const part of request.parts({ limits: { fileSize: 50 * 1024 * 1024, files: 1 } })) {
          if (part.type === 'file') {
            const extension = path.extname(part.filename).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
            saved = path.join(dir, `list${extension}`);
            fs.writeFileSync(saved, await part.toBuffer());
          } else fields[part.fieldname] = String(part.value);
        }
        const country = (fields.country ?? '').toUpperCase();
        if (!saved) throw new AppError('evidence_missing');
        if (!isCountryCode(country)) throw new AppError('validation_failed', {}, [{ path: 'body.country', code: 'iso3166' }]);
        const mapping = fields.mapping ? importMappingSchema.safeParse(JSON.parse(fields.mapping)) : undefined;
        if (mapping && !mapping.success) throw new AppError('validation_failed', {}, [{ path: 'body.mapping', code: 'invalid' }]);
        return await importLicences(ctx, actor, saved, { country, mapping: mapping?.data, dryRun: fields.dryRun === 'true' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}
