import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { requireUser } from '../../http/authenticate';
import { errorResponseSchema } from '../../http/errors';
import { bearerOrCookie, errorResponses } from '../../http/responses';
import { AppError } from '../../lib/errors';
import { nodeIdentity } from './identity';
import { receiveMessage } from './inbox';
import { verifySigned } from './messages';
import { listPartners, partnerInputSchema, publicNodeIdentity, registerPartner, signedOrganisations, syncPartnerOrganisations } from './partners';

const partnerSchema = z
  .object({
    nodeId: z.string(),
    name: z.string(),
    url: z.string(),
    active: z.boolean(),
    waiting: z.number().int().meta({ description: 'Messages not yet delivered' }),
    delivered: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
  })
  .meta({ id: 'Partner' });

const nodeSchema = z
  .object({ nodeId: z.string(), url: z.string().nullable(), publicKey: z.record(z.string(), z.unknown()).meta({ description: 'Ed25519 public key (JWK)' }) })
  .meta({ id: 'NodeIdentity' });

/** Routes between Lintas nodes (signed messages) and for administrators who set up the trust between them. */
export async function federationRoutes(app: FastifyInstance, ctx: AppContext) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['federation'];
  // Signed messages travel as JWS in compact serialisation (RFC 7515), media type application/jose.
  app.addContentTypeParser('application/jose', { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (_request, body, done) => done(null, body));

  routes.get(
    '/federation/node',
    { schema: { tags, summary: "This node's id, address and public signing key, for a partner's administrator to register", response: { 200: nodeSchema, 503: errorResponseSchema } } },
    async () => publicNodeIdentity(ctx),
  );

  routes.post(
    '/federation/messages',
    {
      schema: {
        tags,
        summary: 'Receive a signed message from a partner node (JWS, EdDSA/Ed25519; see docs/federation.md)',
        description: 'Answers 200 when applied or already applied; 401 `federation_refused` for an unknown node, a bad signature or a stale message; 409 for a replay or a gap in the numbering.',
        consumes: ['application/jose'],
        body: z.string().max(2 * 1024 * 1024),
        response: { 200: z.object({ status: z.enum(['applied', 'duplicate']), id: z.string() }), 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 503: errorResponseSchema },
      },
    },
    async (request) => {
      try {
        return await receiveMessage(ctx, request.body);
      } catch (error) {
        // Refusals are logged with the reason only: never the message, which may hold personal data.
        if (error instanceof AppError) request.log.warn({ code: error.code, reason: error.params.reason ?? null }, 'federation message refused');
        throw error;
      }
    },
  );

  routes.post(
    '/federation/ping',
    {
      schema: {
        tags,
        summary: 'Check the trust set-up: answers when a registered partner signed the request (JWS, typ lintas-ping+jws); nothing is stored',
        consumes: ['application/jose'],
        body: z.string().max(64 * 1024),
        response: { 200: z.object({ from: z.string(), to: z.string() }), 400: errorResponseSchema, 401: errorResponseSchema, 503: errorResponseSchema },
      },
    },
    async (request) => {
      const { payload } = await verifySigned<{ from: string; iat: number }>(ctx, request.body, 'lintas-ping+jws');
      return { from: payload.from, to: (await nodeIdentity(ctx)).id };
    },
  );

  routes.get(
    '/federation/organisations',
    {
      schema: {
        tags,
        summary: "This node's organisations, signed by the node (JWS), for partners' directories",
        produces: ['application/jose'],
      },
    },
    async (_request, reply) => reply.type('application/jose').send(await signedOrganisations(ctx)),
  );

  routes.get(
    '/federation/partners',
    { schema: { tags, summary: 'Partner nodes and the state of delivery to each (system administrators)', security: bearerOrCookie, response: { 200: z.object({ items: z.array(partnerSchema) }), ...errorResponses } } },
    async (request) => ({ items: await listPartners(ctx, requireUser(request)) }),
  );

  routes.post(
    '/federation/partners',
    {
      schema: {
        tags,
        summary: 'Register a partner node: its id, address and public key, exchanged out of band (system administrators)',
        security: bearerOrCookie,
        body: partnerInputSchema,
        response: { 201: partnerSchema, ...errorResponses, 503: errorResponseSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await registerPartner(ctx, requireUser(request), request.body)),
  );

  routes.post(
    '/federation/partners/:nodeId/sync',
    {
      schema: {
        tags,
        summary: "Fetch the partner's organisations into the directory, to refer cases to them (system administrators)",
        security: bearerOrCookie,
        params: z.object({ nodeId: z.string() }),
        response: { 200: z.object({ organisations: z.number().int(), added: z.number().int() }), ...errorResponses, 503: errorResponseSchema },
      },
    },
    async (request) => syncPartnerOrganisations(ctx, requireUser(request), request.params.nodeId),
  );
}
