import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { openContext } from '../../src/bootstrap';
import { loadConfig } from '../../src/config';
import type { AppContext } from '../../src/context';
import { importLicences } from '../../src/modules/agencies/service';
import type { Role } from '../../src/modules/auth/actor';
import { createOrganisation } from '../../src/modules/organisations/service';
import { createUser } from '../../src/modules/users/service';
import { type DatabaseKind, freshDatabaseUrl } from './databases';

export interface TestServer {
  ctx: AppContext;
  /** Every route Fastify registered (method and URL pattern), HEAD excluded. */
  registeredRoutes: Array<{ method: string; url: string }>;
  app: FastifyInstance;
  baseUrl: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/** Starts Lintas on a fresh database and a free loopback port, as `lintas start` would, without demo data. */
export async function startTestServer(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestServer> {
  const database = await freshDatabaseUrl(kind);
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', LINTAS_DEMO: '0', PORT: '0', HOST: '127.0.0.1', LINTAS_LOGIN_RATE_LIMIT: '1000', LINTAS_PUBLIC_RATE_LIMIT: '1000', ...env });
  const { ctx, handle } = await openContext(config);
  const registeredRoutes: Array<{ method: string; url: string }> = [];
  const app = await buildApp(ctx, {
    onRoute: (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') registeredRoutes.push({ method, url: route.url });
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    ctx,
    app,
    registeredRoutes,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await handle.close();
      await database.drop();
    },
  };
}

export const testPassword = 'correct horse battery staple';

/** An HTTP client for one server, optionally logged in with a Bearer token. */
export function client(baseUrl: string, token?: string, language?: string) {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(language ? { 'accept-language': language } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json, headers: response.headers, text };
  };
  return {
    get: (path: string, headers?: Record<string, string>) => request('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => request('POST', path, body ?? {}, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => request('PUT', path, body ?? {}, headers),
  };
}

export type Client = ReturnType<typeof client>;

/** Creates an organisation with one user per role and logs each in; returns clients keyed by role. */
export async function organisationWithStaff(server: TestServer, name: string, country = 'KH', type: 'migrant_resource_centre' | 'government_labour_office' | 'trade_union_centre' = 'migrant_resource_centre') {
  const system = { kind: 'system' } as const;
  const organisation = await createOrganisation(server.ctx, system, { name, type, country, languages: ['km', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: true });
  const roles: Role[] = ['desk_officer', 'case_manager', 'supervisor', 'org_admin', 'analyst'];
  const users = {} as Record<Role, { id: string; email: string; token: string; client: Client }>;
  for (const role of roles) {
    const email = `${role}.${organisation.id.slice(0, 8)}@example.org`;
    const user = await createUser(server.ctx, system, { email, name: `${role} of ${name}`, role, organisationId: organisation.id, password: testPassword });
    const login = await client(server.baseUrl).post('/api/v1/auth/login', { email, password: testPassword });
    if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
    users[role] = { id: user.id, email, token: login.body.token, client: client(server.baseUrl, login.body.token) };
  }
  return { organisation, users };
}

/**
 * Imports an official list of licensed agencies (one line each: name, licence number, status, valid from, valid to,
 * dates as DD/MM/YYYY) through the same code as `lintas agencies import`, from a CSV file written for it.
 */
export async function importLicenceList(server: TestServer, country: string, lines: string[]) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-licences-')), `${country.toLowerCase()}.csv`);
  fs.writeFileSync(file, ['Company name,Licence number,Status,Valid from,Valid to', ...lines, ''].join('\n'));
  return importLicences(server.ctx, { kind: 'system' }, file, { country });
}
