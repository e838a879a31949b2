/** An error answered by the API: a stable code and a message already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path: string; code: string; message: string }> = [],
  ) {
    super(message);
  }

  /** Field messages keyed by the field's path without the `body.` prefix: `workers.0.name`. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.details.map((d) => [d.path.replace(/^(body|querystring)\./, ''), d.message]));
  }
}

let csrfToken: string | undefined;
/** The desk keeps the session's CSRF token in memory; cookie-authenticated writes must send it. */
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

/** Calls the Lintas API with the session cookie, in the page's language; `headers` adds to the usual ones. */
export async function api<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      'accept-language': document.documentElement.lang || 'en',
      ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = data?.error ?? { code: 'internal_error', message: response.statusText };
    throw new ApiError(response.status, error.code, error.message, error.details);
  }
  return data as T;
}
