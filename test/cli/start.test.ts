import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database';
import { freshDatabaseUrl } from '../support/databases';
import { groupComplaint, khmerNarrative } from '../support/factories';
import { startLintasProcess } from '../support/process';
import { client } from '../support/server';

describe('lintas start on an empty node', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('creates the first system administrator, who sets up organisations and users, and logs no personal data', async () => {
    const database = await freshDatabaseUrl('sqlite');
    cleanups.push(database.drop);
    const server = await startLintasProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info', LINTAS_ADMIN_EMAIL: 'root@node.example', LINTAS_ADMIN_PASSWORD: 'first admin password' });
    cleanups.push(() => void server.child.kill('SIGKILL'));
    expect(server.output()).not.toContain('Demo log-ins');

    const root = client(server.baseUrl, (await client(server.baseUrl).post('/api/v1/auth/login', { email: 'root@node.example', password: 'first admin password' })).body.token);
    const organisation = await root.post('/api/v1/organisations', { name: 'Trade Union Migrant Desk, Penang', type: 'trade_union_centre', country: 'MY', languages: ['ms', 'en'] });
    expect(organisation.status).toBe(201);
    expect(organisation.body).toMatchObject({ firstActionDays: 10, country: 'MY' });
    const user = await root.post('/api/v1/users', { email: 'desk@penang.example', password: 'desk officer password', name: 'Aminah', organisationId: organisation.body.id, role: 'supervisor' });
    expect(user.status).toBe(201);
    // Complaints are not the system administrator's to read.
    expect((await root.get('/api/v1/complaints')).status).toBe(403);

    const desk = client(server.baseUrl, (await client(server.baseUrl).post('/api/v1/auth/login', { email: 'desk@penang.example', password: 'desk officer password' })).body.token);
    const deadlines = await desk.put(`/api/v1/organisations/${organisation.body.id}/deadlines`, { firstActionDays: 7, resolutionDays: 30 });
    expect(deadlines.status).toBe(403);
    const admin = await root.put(`/api/v1/organisations/${organisation.body.id}/deadlines`, { firstActionDays: 7, resolutionDays: 30 });
    expect(admin.body.firstActionDays).toBe(7);
    const created = await desk.post('/api/v1/complaints', groupComplaint({ destination: 'MY' }));
    expect(created.status).toBe(201);
    const detail = await desk.get(`/api/v1/complaints/${created.body.id}`);
    expect(Date.parse(detail.body.firstActionDueAt) - Date.parse(detail.body.receivedAt)).toBe(7 * 86_400_000);
    await desk.post('/api/v1/complaints', { ...groupComplaint(), origin: 'XX' });

    const logs = server.output();
    expect(logs).toContain('"route":"/api/v1/complaints"');
    for (const secret of ['Sokha', 'សុខា', khmerNarrative.slice(0, 12), 'N01234560', '+85512345678', 'desk officer password', created.body.id]) {
      expect(logs, `the log contains ${secret}`).not.toContain(secret);
    }
  });

  it('rate-limits log-in attempts from one address', async () => {
    const database = await freshDatabaseUrl('sqlite');
    cleanups.push(database.drop);
    const server = await startLintasProcess({ DATABASE_URL: database.url, LINTAS_LOGIN_RATE_LIMIT: '3' });
    cleanups.push(() => void server.child.kill('SIGKILL'));
    const anonymous = client(server.baseUrl);
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) codes.push((await anonymous.post('/api/v1/auth/login', { email: `nobody${i}@example.org`, password: 'guess' })).body.error.code);
    expect(codes.slice(0, 3)).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials']);
    expect(codes.slice(3)).toEqual(['rate_limited', 'rate_limited']);
  });
  it('serves while a search index built by another version is rebuilt in the background, and says when it is done', async () => {
    const database = await freshDatabaseUrl('sqlite');
    cleanups.push(database.drop);
    const env = { DATABASE_URL: database.url, LINTAS_ADMIN_EMAIL: 'root@node.example', LINTAS_ADMIN_PASSWORD: 'first admin password' };
    const first = await startLintasProcess(env);
    const root = client(first.baseUrl, (await client(first.baseUrl).post('/api/v1/auth/login', { email: 'root@node.example', password: 'first admin password' })).body.token);
    const organisation = await root.post('/api/v1/organisations', { name: 'Trade Union Migrant Desk, Penang', type: 'trade_union_centre', country: 'MY', languages: ['ms', 'en'] });
    await root.post('/api/v1/users', { email: 'desk@penang.example', password: 'desk officer password', name: 'Aminah', organisationId: organisation.body.id, role: 'supervisor' });
    const login = async (baseUrl: string) => client(baseUrl, (await client(baseUrl).post('/api/v1/auth/login', { email: 'desk@penang.example', password: 'desk officer password' })).body.token);
    const created = await (await login(first.baseUrl)).post('/api/v1/complaints', groupComplaint({ destination: 'MY' }));
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    await new Promise((resolve) => first.child.once('exit', resolve));

    // As after an upgrade whose ICU segments words otherwise: the recorded version no longer matches.
    const handle = openDatabase(database.url);
    await handle.db.updateTable('settings').set({ value: 'another ICU' }).where('key', '=', 'search_index_version').execute();
    await handle.close();

    const second = await startLintasProcess(env);
    cleanups.push(() => void second.child.kill('SIGKILL'));
    expect(second.output()).toContain('rebuilding it for 1 complaints in the background');
    for (let waited = 0; !second.output().includes('Search index rebuilt: 1 complaints') && waited < 60_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(second.output()).toContain('Search index rebuilt: 1 complaints');
    const found = await (await login(second.baseUrl)).get('/api/v1/complaints?q=Sokha');
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect(found.body.searchIndex).toBeUndefined();
  });
});
