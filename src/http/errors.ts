import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type ErrorDetail } from '../lib/errors';
import { pickLanguage, translator } from '../lib/i18n';

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable error code' }),
      message: z.string().meta({ description: 'The message in the language the request asked for' }),
      details: z
        .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'For validation errors: one entry per field' }),
    }),
  })
  .meta({ id: 'Error' });

/** The language a request asks for: `?lang=` first, then Accept-Language. */
export function requestLanguage(request: FastifyRequest) {
  const query = request.query as Record<string, unknown> | undefined;
  return pickLanguage(typeof query?.lang === 'string' ? query.lang : undefined, request.headers['accept-language']);
}

const detailParams = ['minimum', 'maximum', 'expected', 'format', 'origin'] as const;

function validationDetails(error: { validation: Array<{ keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }>; validationContext?: string }): ErrorDetail[] {
  return error.validation.map((issue) => {
    const params: Record<string, string | number> = {};
    for (const key of detailParams) {
      const value = issue.params[key];
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
      if (typeof value === 'bigint') params[key] = Number(value);
    }
    if (Array.isArray(issue.params.values)) params.values = issue.params.values.join(', ');
    // Our own checks carry their translation key as the message (`iso3166`, `passport`); Zod's own messages are sentences.
    const code = issue.message && /^[a-z0-9_]+$/.test(issue.message) ? issue.message : issue.keyword;
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return { path: [error.validationContext, path].filter(Boolean).join('.'), code, params };
  });
}

/** Turns any error into `{ error: { code, message, details } }` in the request's language, without stack traces. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
    let error: AppError;
    if (raw instanceof AppError) error = raw;
    else if (hasZodFastifySchemaValidationErrors(raw)) error = new AppError('validation_failed', {}, validationDetails(raw as never));
    else if ((raw as FastifyError).statusCode === 429) error = new AppError('rate_limited');
    else if ((raw as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' || (raw as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE') error = new AppError('evidence_too_large');
    else if ((raw as FastifyError).statusCode && (raw as FastifyError).statusCode! < 500) {
      // Malformed JSON, wrong content type and the like: the request itself is unreadable.
      error = new AppError('validation_failed', {}, [{ path: '', code: 'malformed_request' }]);
      request.log.info({ err: { code: (raw as FastifyError).code } }, 'malformed request');
    } else {
      request.log.error({ err: raw }, 'unexpected error');
      error = new AppError('internal_error');
    }
    const t = translator(requestLanguage(request));
    const body = {
      error: {
        code: error.code,
        message: t(`errors.${error.code}`, error.params),
        ...(error.details.length
          ? { details: error.details.map((d) => ({ path: d.path, code: d.code, message: t(`validation.${d.code}`, { ...d.params, defaultValue: t('validation.invalid') }) })) }
          : {}),
      },
    };
    reply.status(error.status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const t = translator(requestLanguage(request));
    reply.status(404).send({ error: { code: 'not_found', message: t('errors.not_found') } });
  });
}
