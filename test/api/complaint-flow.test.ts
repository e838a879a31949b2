import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { groupComplaint, khmerNarrative } from '../support/factories';
import { organisationWithStaff, startTestServer, type TestServer } from '../support/server';

describeEachDatabase('a complaint from intake to outcome', (kind) => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;
  let other: Awaited<ReturnType<typeof organisationWithStaff>>;
  let complaintId: string;
  let reference: string;
  let pin: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    staff = await organisationWithStaff(server, 'Prey Veng MRC');
    other = await organisationWithStaff(server, 'Johor union desk', 'MY');
  });
  afterAll(async () => server?.close());

  it('registers a group complaint with a Khmer narrative and returns a reference and PIN', async () => {
    const response = await staff.users.desk_officer.client.post('/api/v1/complaints', groupComplaint());
    expect(response.status).toBe(201);
    expect(response.body.reference).toMatch(/^KH-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(response.body.pin).toMatch(/^\d{6}$/);
    expect(response.body.state).toBe('received');
    ({ id: complaintId, reference, pin } = response.body);
  });

  it('keeps the narrative exactly as told and every worker of the group', async () => {
    const response = await staff.users.case_manager.client.get(`/api/v1/complaints/${complaintId}`);
    expect(response.status).toBe(200);
    expect(response.body.narrative).toEqual({ text: khmerNarrative, language: 'km' });
    expect(response.body.workers).toHaveLength(7);
    expect(response.body.workers.map((w: { nameLatin: string }) => w.nameLatin)).toContain('Piseth Chhim');
    expect(response.body.workerCount).toBe(7);
    expect(response.body.grievances).toEqual(['unpaid_wages', 'passport_retention']);
    expect(response.body.consent).toMatchObject({ services: true, shareWithOrganisations: true, statistics: true, recordedBy: staff.users.desk_officer.id });
    expect(response.body.allowedTransitions).toEqual(['in_progress', 'inadmissible', 'withdrawn']);
    expect(Date.parse(response.body.firstActionDueAt) - Date.parse(response.body.receivedAt)).toBe(10 * 86_400_000);
  });

  it('refuses a move the lifecycle does not allow, with a clear error, and changes nothing', async () => {
    const manager = staff.users.case_manager.client;
    const refused = await manager.post(`/api/v1/complaints/${complaintId}/transitions`, { to: 'closed' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('transition_not_allowed');
    expect(refused.body.error.message).toContain('received');
    const after = await manager.get(`/api/v1/complaints/${complaintId}`);
    expect(after.body.state).toBe('received');
    expect(after.body.events.filter((e: { type: string }) => e.type === 'transition')).toHaveLength(0);
  });

  it('lets a desk officer register but not move the case', async () => {
    const response = await staff.users.desk_officer.client.post(`/api/v1/complaints/${complaintId}/transitions`, { to: 'in_progress' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('forbidden');
  });

  it('assigns, works, records an outcome with money claimed, awarded and received, resolves and closes', async () => {
    const supervisor = staff.users.supervisor.client;
    const manager = staff.users.case_manager.client;
    expect((await supervisor.put(`/api/v1/complaints/${complaintId}/assignment`, { userId: staff.users.case_manager.id })).status).toBe(200);
    expect((await manager.post(`/api/v1/complaints/${complaintId}/transitions`, { to: 'in_progress' })).body.state).toBe('in_progress');
    const contact = await manager.post(`/api/v1/complaints/${complaintId}/events`, { type: 'conciliation_session', summary: 'Employer agreed to pay three of four months.' });
    expect(contact.status).toBe(201);

    const early = await manager.post(`/api/v1/complaints/${complaintId}/transitions`, { to: 'resolved' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('outcome_required');

    const outcome = await manager.post(`/api/v1/complaints/${complaintId}/outcomes`, { type: 'wages_recovered', currency: 'MYR', claimed: 4_200_000, awarded: 3_150_000, received: 1_050_000, decidedOn: '2026-11-20' });
    expect(outcome.status).toBe(201);
    expect(outcome.body).toMatchObject({ claimed: 4_200_000, awarded: 3_150_000, received: 1_050_000, currency: 'MYR' });

    expect((await manager.post(`/api/v1/complaints/${complaintId}/transitions`, { to: 'resolved' })).status).toBe(200);
    const closed = await manager.post(`/api/v1/complaints/${complaintId}/transitions`, { to: 'closed' });
    expect(closed.body).toMatchObject({ state: 'closed', allowedTransitions: ['in_progress'] });

    const detail = await manager.get(`/api/v1/complaints/${complaintId}`);
    expect(detail.body.state).toBe('closed');
    expect(detail.body.assignedTo).toBe(staff.users.case_manager.id);
    expect(detail.body.closedAt).not.toBeNull();
    expect(detail.body.firstActionAt).not.toBeNull();
    expect(detail.body.outcomes[0]).toMatchObject({ type: 'wages_recovered', claimed: 4_200_000, received: 1_050_000 });
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['created', 'assignment', 'transition', 'conciliation_session', 'outcome']),
    );
  });

  it('reopens a closed case only for a supervisor who gives a reason', async () => {
    const path = `/api/v1/complaints/${complaintId}/transitions`;
    expect((await staff.users.case_manager.client.post(path, { to: 'in_progress', reason: 'New evidence' })).status).toBe(403);
    const noReason = await staff.users.supervisor.client.post(path, { to: 'in_progress' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.code).toBe('reason_required');
    const reopened = await staff.users.supervisor.client.post(path, { to: 'in_progress', reason: 'The employer stopped paying the instalments.' });
    expect(reopened.status).toBe(200);
    const detail = await staff.users.supervisor.client.get(`/api/v1/complaints/${complaintId}`);
    expect(detail.body).toMatchObject({ state: 'in_progress', closedAt: null, resolvedAt: null });
  });

  it('lets the worker follow the complaint with reference and PIN, and nothing more', async () => {
    const anonymous = (await import('../support/server')).client(server.baseUrl);
    const tracked = await anonymous.post('/api/v1/public/track', { reference: reference.toLowerCase().replaceAll('-', ' '), pin });
    expect(tracked.status).toBe(200);
    expect(tracked.body).toEqual({ reference, state: 'in_progress', lastUpdatedAt: expect.any(String), referrals: [] });
    const wrong = await anonymous.post('/api/v1/public/track', { reference, pin: pin === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.error.code).toBe('tracking_failed');
  });

  it('keeps one organisation out of another organisation’s complaints', async () => {
    for (const role of ['desk_officer', 'case_manager', 'supervisor'] as const) {
      const read = await other.users[role].client.get(`/api/v1/complaints/${complaintId}`);
      expect(read.status).toBe(404);
    }
    const move = await other.users.supervisor.client.post(`/api/v1/complaints/${complaintId}/transitions`, { to: 'withdrawn', reason: 'x' });
    expect(move.status).toBe(404);
    const list = await other.users.case_manager.client.get('/api/v1/complaints');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(complaintId);
  });

  it('shows analysts lists without personal data and refuses them the complaint itself', async () => {
    const list = await staff.users.analyst.client.get('/api/v1/complaints');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(0);
    const serialised = JSON.stringify(list.body);
    expect(serialised).not.toContain('Sokha');
    expect(serialised).not.toContain(khmerNarrative.slice(0, 20));
    expect((await staff.users.analyst.client.get(`/api/v1/complaints/${complaintId}`)).status).toBe(403);
  });

  it('refuses bad input with a translated error per field and writes nothing', async () => {
    const desk = staff.users.desk_officer.client;
    const before = await desk.get('/api/v1/complaints?limit=200');
    const bad = groupComplaint({ origin: 'XX', destination: 'MY', grievances: ['not_a_grievance' as never] });
    (bad.reliefSought[0].amount as { currency: string }).currency = 'RINGGIT';
    (bad.workers[2] as { sex: string }).sex = 'robot';
    (bad.workers[1] as { passportNumber: string }).passportNumber = 'N0 12/34';
    const response = await desk.post('/api/v1/complaints', bad, { 'accept-language': 'th' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('validation_failed');
    const paths = response.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.origin', 'body.grievances.0', 'body.reliefSought.0.amount.currency', 'body.workers.2.sex']));
    expect(response.body.error.message).toMatch(/[\u0E00-\u0E7F]/);
    const passport = response.body.error.details.find((d: { path: string }) => d.path === 'body.workers.1.passportNumber');
    expect(passport.code).toBe('passport');
    const malformed = await fetch(`${server.baseUrl}/api/v1/complaints`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${staff.users.desk_officer.token}` }, body: '{"channel":' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    const after = await desk.get('/api/v1/complaints?limit=200');
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  it('filters, sorts and pages the list with a cursor', async () => {
    const desk = staff.users.desk_officer.client;
    for (let i = 0; i < 5; i += 1) {
      const receivedAt = new Date(Date.UTC(2026, 0, 10 + i)).toISOString();
      const response = await desk.post('/api/v1/complaints', groupComplaint({ destination: i % 2 ? 'TH' : 'MY', receivedAt, grievances: i % 2 ? ['deployment_delay'] : ['unpaid_wages'] }));
      expect(response.status).toBe(201);
    }
    const thailand = await desk.get('/api/v1/complaints?destination=TH&grievance=deployment_delay');
    expect(thailand.body.items).toHaveLength(2);
    expect(thailand.body.items.every((c: { destination: string }) => c.destination === 'TH')).toBe(true);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ id: string; receivedAt: string }>; nextCursor: string | null } } = await desk.get(`/api/v1/complaints?limit=2&sort=received_at${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((c) => c.receivedAt));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect([...seen].sort()).toEqual(seen);

    const inJanuary = await desk.get('/api/v1/complaints?receivedFrom=2026-01-11&receivedTo=2026-01-13');
    expect(inJanuary.body.items).toHaveLength(3);
    const overdue = await desk.get('/api/v1/complaints?overdue=true');
    expect(overdue.body.items.length).toBe(5);
    expect(overdue.body.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    const counts = await desk.get('/api/v1/complaints/counts');
    expect(counts.body.organisation.byState).toEqual({ received: 5, in_progress: 1 });
    expect(counts.body.organisation.overdue).toBe(5);
    expect(counts.body.organisation.unassigned).toBe(5);
    expect(counts.body.mine).toEqual({ byState: {}, overdue: 0 });
    const byReference = await desk.get(`/api/v1/complaints?q=${encodeURIComponent(reference.slice(0, 7).toLowerCase())}`);
    expect(byReference.body.items.map((c: { reference: string }) => c.reference)).toContain(reference);
    const bad = await desk.get('/api/v1/complaints?state=sleeping');
    expect(bad.status).toBe(400);
  });

  it("counts the days to first action and to resolution from the day received, and forgets a resolution when reopened", async () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const received = day(-5);
    const created = await staff.users.desk_officer.client.post('/api/v1/complaints', { ...groupComplaint(), receivedAt: `${received}T08:00:00.000Z` });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const manager = staff.users.case_manager.client;
    const supervisor = staff.users.supervisor.client;
    // An event that happened two days after the complaint was received is its first action, whenever it is recorded.
    expect((await manager.post(`/api/v1/complaints/${id}/events`, { type: 'conciliation_session', occurredAt: `${day(-3)}T23:30:00.000Z`, summary: 'Met the employer.' })).status).toBe(201);
    expect((await manager.post(`/api/v1/complaints/${id}/transitions`, { to: 'in_progress' })).status).toBe(200);
    expect((await manager.post(`/api/v1/complaints/${id}/outcomes`, { type: 'wages_recovered', currency: 'MYR', claimed: 100_000, awarded: 100_000, received: 100_000, decidedOn: day(0) })).status).toBe(201);
    expect((await manager.post(`/api/v1/complaints/${id}/transitions`, { to: 'resolved' })).status).toBe(200);

    const period = `/api/v1/dashboard?from=${received}&to=${received}`;
    const resolved = await supervisor.get(period);
    expect(resolved.status).toBe(200);
    expect(resolved.body.firstAction.histogram).toEqual([{ days: 2, complaints: 1 }]);
    expect(resolved.body.resolution.histogram).toEqual([{ days: 5, complaints: 1 }]);

    expect((await supervisor.post(`/api/v1/complaints/${id}/transitions`, { to: 'in_progress', reason: 'The money never arrived.' })).status).toBe(200);
    const reopened = await supervisor.get(period);
    expect(reopened.body.firstAction.histogram).toEqual([{ days: 2, complaints: 1 }]);
    expect(reopened.body.resolution.histogram).toEqual([]);
  });
});
