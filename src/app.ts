import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController, type RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from './context';
import { installAuthentication } from './http/authenticate';
import { installErrorHandler } from './http/errors';
import { installWeb } from './http/web';
import { loggerOptions } from './lib/logger';
import { agencyRoutes } from './modules/agencies/routes';
import { agreementRoutes } from './modules/agreements/routes';
import { authRoutes } from './modules/auth/routes';
import { complaintRoutes } from './modules/complaints/routes';
import { exchangeRoutes } from './modules/exchange/routes';
import { dashboardRoutes } from './modules/dashboard/routes';
import { organisationRoutes } from './modules/organisations/routes';
import { publicRoutes } from './modules/public/routes';
import { referralRoutes } from './modules/referrals/routes';
import { federationRoutes } from './modules/federation/routes';
import { startDelivery } from './modules/federation/delivery';
import { statisticsRoutes } from './modules/statistics/routes';
import { userRoutes } from './modules/users/routes';

/** Builds the HTTP application: the API under /api/v1, its OpenAPI document under /api/docs. */
export async function buildApp(ctx: AppContext, options: { onRoute?: (route: RouteOptions) => void } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(ctx.config.logLevel),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  });
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  // One line per request, with the route pattern rather than the URL, so no id or query string reaches the log.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:', 'blob:'], 'font-src': ["'self'"] },
    },
  });
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: ctx.config.evidenceMaxBytes, files: 1, fields: 5 } });
  installAuthentication(app, ctx);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lintas API',
        version: '1',
        description: 'Complaints, referrals and oversight for migrant workers. Errors answer `{ error: { code, message, details } }`, the message in the language of `Accept-Language` or `?lang=`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'The `token` from POST /api/v1/auth/login' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'lintas_session', description: 'Browser session; writes also need the X-CSRF-Token header' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/health', { schema: { hide: true } }, async () => {
    await ctx.db.selectFrom('settings').select('key').limit(1).execute();
    return { status: 'ok' };
  });
  await installWeb(app);

  await app.register(
    async (api) => {
      await authRoutes(api, ctx);
      await organisationRoutes(api, ctx);
      await userRoutes(api, ctx);
      await complaintRoutes(api, ctx);
      await publicRoutes(api, ctx);
      await agreementRoutes(api, ctx);
      await agencyRoutes(api, ctx);
      await statisticsRoutes(api, ctx);
      await referralRoutes(api, ctx);
      await federationRoutes(api, ctx);
      await exchangeRoutes(api, ctx);
      await dashboardRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );

  // A node in a federation delivers its outbox to partner nodes while it runs.
  if (ctx.config.node) {
    let delivery: ReturnType<typeof startDelivery> | undefined;
    app.addHook('onReady', async () => {
      delivery = startDelivery(ctx, app.log);
    });
    app.addHook('onClose', async () => delivery?.stop());
  }
  return app;
}
