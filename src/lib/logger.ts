import type { FastifyServerOptions } from 'fastify';

// Errors are logged by name, code and stack only: database drivers put row values (names, e-mails) into other
// fields such as `detail`, and those must never reach a log.
const safeError = (error: Error) => ({
  type: error.name,
  code: (error as { code?: unknown }).code,
  message: String(error.message).slice(0, 300),
  stack: error.stack ?? '',
});

/** pino settings for the server: no bodies, no headers, no query strings, so no personal data is logged. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string }; id: string }) => ({ method: request.method, route: request.routeOptions?.url, id: request.id }),
      res: (reply: { statusCode: number }) => ({ status: reply.statusCode }),
      err: safeError,
    },
  };
}
