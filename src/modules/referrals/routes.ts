import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { referralActionSchema, referralInputSchema, referralListQuerySchema, referralSchema, referralSummarySchema } from './schema';
import { actOnReferral, createReferral, getReferral, listReferrals, referralCounts } from './service';

const countsSchema = z
  .object({
    incoming: z.object({ pending: z.number().int(), accepted: z.number().int(), overdue: z.number().int() }),
    outgoing: z.object({ pending: z.number().int(), accepted: z.number().int(), overdue: z.number().int() }),
  })
  .meta({ id: 'ReferralCounts' });

export async function referralRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['referrals'];

  routes.post(
    '/complaints/:id/referrals',
    {
      schema: {
        tags,
        summary: 'Refer (the sender keeps the case) or transfer (ownership moves on acceptance) a complaint to another organisation',
        description:
          'Refused with `consent_not_shared` when the worker did not consent to sharing, unless a supervisor gives `consentOverride` with a reason. The receiver sees only the fields in `share`, beside the case facts without personal data.',
        security: bearerOrCookie,
        params: z.object({ id: z.uuid() }),
        body: referralInputSchema,
        response: { 201: referralSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createReferral(ctx, requireUser(request), request.params.id, request.body)),
  );

  routes.get(
    '/referrals',
    {
      schema: {
        tags,
        summary: "Incoming or outgoing referrals of the user's organisation, newest first",
        security: bearerOrCookie,
        querystring: referralListQuerySchema,
        response: { 200: z.object({ items: z.array(referralSummarySchema) }), ...errorResponses },
      },
    },
    async (request) => listReferrals(ctx, requireUser(request), request.query),
  );

  routes.get(
    '/referrals/counts',
    { schema: { tags, summary: 'Pending, accepted and overdue referrals, incoming and outgoing', security: bearerOrCookie, response: { 200: countsSchema, ...errorResponses } } },
    async (request) => referralCounts(ctx, requireUser(request)),
  );

  routes.get(
    '/referrals/:id',
    {
      schema: {
        tags,
        summary: 'One referral with the shared fields and its history (audited)',
        security: bearerOrCookie,
        params: z.object({ id: z.uuid() }),
        response: { 200: referralSchema, ...errorResponses },
      },
    },
    async (request) => getReferral(ctx, requireUser(request), request.params.id),
  );

  routes.post(
    '/referrals/:id/actions',
    {
      schema: {
        tags,
        summary: 'Accept, decline, withdraw, complete with an outcome, or write on the thread',
        security: bearerOrCookie,
        params: z.object({ id: z.uuid() }),
        body: referralActionSchema,
        response: { 200: referralSchema, ...errorResponses },
      },
    },
    async (request) => actOnReferral(ctx, requireUser(request), request.params.id, request.body),
  );
}
