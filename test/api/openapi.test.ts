import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server';

describe('the OpenAPI document', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => server?.close());

  it('is served at /api/docs/json and documents every API route with its answers', async () => {
    const response = await fetch(`${server.baseUrl}/api/docs/json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)));
    const expected = [
      'POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/session',
      'POST /api/v1/organisations', 'GET /api/v1/organisations', 'GET /api/v1/organisations/{id}', 'PUT /api/v1/organisations/{id}/deadlines',
      'POST /api/v1/users', 'GET /api/v1/users',
      'POST /api/v1/complaints', 'GET /api/v1/complaints', 'GET /api/v1/complaints/counts', 'GET /api/v1/complaints/{id}', 'POST /api/v1/complaints/{id}/transitions',
      'PUT /api/v1/complaints/{id}/assignment', 'POST /api/v1/complaints/{id}/events', 'POST /api/v1/complaints/{id}/outcomes',
      'POST /api/v1/complaints/{id}/evidence', 'GET /api/v1/public/agencies', 'POST /api/v1/agencies/{id}/sanctions', 'GET /api/v1/assessments/ranking', 'POST /api/v1/agencies/import', 'GET /api/v1/public/statistics', 'GET /api/v1/complaints/{id}/evidence/{evidenceId}', 'GET /api/v1/complaints/{id}/audit',
      'POST /api/v1/public/complaints', 'POST /api/v1/public/track', 'GET /api/v1/public/organisations',
      'GET /api/v1/dashboard', 'GET /api/v1/dashboard/reports/{kind}',
      'PUT /api/v1/organisations/{id}/profile', 'GET /api/v1/directory', 'GET /api/v1/public/directory',
      'POST /api/v1/complaints/{id}/referrals', 'GET /api/v1/referrals', 'GET /api/v1/referrals/counts', 'GET /api/v1/referrals/{id}', 'POST /api/v1/referrals/{id}/actions',
      'GET /api/v1/federation/node', 'POST /api/v1/federation/messages', 'POST /api/v1/federation/ping', 'GET /api/v1/federation/organisations',
      'GET /api/v1/federation/partners', 'POST /api/v1/federation/partners', 'POST /api/v1/federation/partners/{nodeId}/sync',
      'GET /api/v1/exports/complaints.csv', 'GET /api/v1/exports/complaints.xlsx', 'GET /api/v1/exports/htcds.csv', 'GET /api/v1/exports/htcds.xlsx', 'POST /api/v1/imports/complaints',
    ];
    for (const route of expected) expect(documented).toContain(route);
    expect(document.components.schemas).toHaveProperty('ComplaintFormInput');
    // The list's search answers carry highlights (GET /api/v1/complaints?q=…).
    expect(document.components.schemas).toHaveProperty('SearchHighlight');
    expect(document.paths['/api/v1/complaints'].post.responses).toHaveProperty('201');
  });

  it('has no API route that the document leaves out', async () => {
    const document = (await (await fetch(`${server.baseUrl}/api/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`)));
    const missing = server.registeredRoutes
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
    expect(server.registeredRoutes.length).toBeGreaterThan(20);
  });
});
