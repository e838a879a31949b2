import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/modules/audit/service';
import { describeEachDatabase } from '../support/databases';
import { groupComplaint } from '../support/factories';
import { client, organisationWithStaff, startTestServer, testPassword, type TestServer } from '../support/server';

describeEachDatabase('access, sessions and the audit trail', (kind) => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;
  let complaintId: string;

  beforeAll(async () => {
    server = await startTestServer(kind, { LINTAS_LOCKOUT_ATTEMPTS: '3' });
    staff = await organisationWithStaff(server, 'Samut Sakhon MRC', 'TH');
    const created = await staff.users.desk_officer.client.post('/api/v1/complaints', groupComplaint({ destination: 'TH' }));
    complaintId = created.body.id;
  });
  afterAll(async () => server?.close());

  it('answers 401 without a session and 401 for a forged token', async () => {
    expect((await client(server.baseUrl).get('/api/v1/complaints')).body.error.code).toBe('unauthenticated');
    expect((await client(server.baseUrl, 'forged-token').get('/api/v1/complaints')).status).toBe(401);
  });

  it('protects cookie-authenticated writes against CSRF, and not Bearer ones', async () => {
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: staff.users.case_manager.email, password: testPassword }),
    });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/lintas_session=.+HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = setCookie.split(';')[0];
    const event = { type: 'note', summary: 'Called the worker back.' };
    const send = (headers: Record<string, string>) =>
      fetch(`${server.baseUrl}/api/v1/complaints/${complaintId}/events`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify(event) });
    const forged = await send({});
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
    expect((await send({ 'x-csrf-token': csrfToken })).status).toBe(201);
    // Reads with the cookie need no token.
    expect((await fetch(`${server.baseUrl}/api/v1/complaints`, { headers: { cookie } })).status).toBe(200);
  });

  it('locks an account after repeated failed log-ins, even for the right password', async () => {
    const anonymous = client(server.baseUrl);
    const email = staff.users.analyst.email;
    expect((await anonymous.post('/api/v1/auth/login', { email, password: 'wrong password 1' })).body.error.code).toBe('invalid_credentials');
    expect((await anonymous.post('/api/v1/auth/login', { email, password: 'wrong password 2' })).body.error.code).toBe('invalid_credentials');
    const locked = await anonymous.post('/api/v1/auth/login', { email, password: 'wrong password 3' }, { 'accept-language': 'km' });
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    expect(locked.body.error.message).toMatch(/[\u1780-\u17FF]/);
    expect((await anonymous.post('/api/v1/auth/login', { email, password: testPassword })).status).toBe(423);
  });

  it('ends a session on log-out', async () => {
    const login = await client(server.baseUrl).post('/api/v1/auth/login', { email: staff.users.supervisor.email, password: testPassword });
    const session = client(server.baseUrl, login.body.token);
    expect((await session.get('/api/v1/auth/session')).body.user.role).toBe('supervisor');
    expect((await session.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await session.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('lets organisation administrators create users of their own organisation only', async () => {
    const admin = staff.users.org_admin.client;
    const ok = await admin.post('/api/v1/users', { email: 'new.desk@example.org', password: 'a long enough password', name: 'New Desk', organisationId: staff.organisation.id, role: 'desk_officer' });
    expect(ok.status).toBe(201);
    expect(ok.body).not.toHaveProperty('password');
    expect((await admin.post('/api/v1/users', { email: 'new.desk@example.org', password: 'a long enough password', name: 'Again', organisationId: staff.organisation.id, role: 'desk_officer' })).body.error.code).toBe('email_taken');
    expect((await admin.post('/api/v1/users', { email: 'root2@example.org', password: 'a long enough password', name: 'Root', organisationId: staff.organisation.id, role: 'system_admin' })).status).toBe(403);
    expect((await staff.users.desk_officer.client.post('/api/v1/users', { email: 'x@example.org', password: 'a long enough password', name: 'X', organisationId: staff.organisation.id, role: 'desk_officer' })).status).toBe(403);
    expect((await admin.post('/api/v1/organisations', { name: 'Rogue', type: 'ngo', country: 'TH', languages: ['th'] })).status).toBe(403);
  });

  it('audits every read and change of a complaint, and shows the history to supervisors only', async () => {
    await staff.users.case_manager.client.get(`/api/v1/complaints/${complaintId}`);
    const trail = await staff.users.supervisor.client.get(`/api/v1/complaints/${complaintId}/audit`);
    expect(trail.status).toBe(200);
    const actions = trail.body.items.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('complaint.create');
    expect(actions).toEqual(expect.arrayContaining(['complaint.read', 'complaint.record_event']));
    const reads = trail.body.items.filter((e: { action: string; actorId: string }) => e.action === 'complaint.read');
    expect(reads.some((e: { actorId: string }) => e.actorId === staff.users.case_manager.id)).toBe(true);
    expect(JSON.stringify(trail.body)).not.toContain('Sokha');
    expect((await staff.users.case_manager.client.get(`/api/v1/complaints/${complaintId}/audit`)).status).toBe(403);
  });

  it('refuses to update or delete audit rows, and detects a row rewritten behind its back', async () => {
    const { db } = server.ctx;
    expect((await verifyAuditChain(db)).ok).toBe(true);
    await expect(sql`update audit_log set action = 'complaint.list' where seq = 2`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 2`.execute(db)).rejects.toThrow(/append-only/);

    // Someone with database access drops the guard and rewrites history.
    if (kind === 'sqlite') {
      await sql`drop trigger audit_log_no_update`.execute(db);
      await sql`update audit_log set details = '{"role":"analyst"}' where seq = 3`.execute(db);
    } else {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
      await sql`update audit_log set details = '{"role":"analyst"}' where seq = 3`.execute(db);
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
    }
    const verification = await verifyAuditChain(db);
    expect(verification).toMatchObject({ ok: false, brokenAt: 3, problem: 'hash_mismatch' });
  });
});
