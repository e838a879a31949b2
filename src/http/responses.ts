import { errorResponseSchema } from './errors';

/** Error answers every authenticated route may give, for the OpenAPI document. */
export const errorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
} as const;

export const conflictResponses = { ...errorResponses, 409: errorResponseSchema } as const;

export const bearerOrCookie: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { cookieAuth: [] }];
