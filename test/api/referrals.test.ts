import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { groupComplaint, khmerNarrative } from '../support/factories';
import { client, organisationWithStaff, startTestServer, type TestServer } from '../support/server';

describeEachDatabase('referral and transfer inside one node', (kind) => {
  let server: TestServer;
  let mrc: Awaited<ReturnType<typeof organisationWithStaff>>;
  let union: Awaited<ReturnType<typeof organisationWithStaff>>;
  let attache: Awaited<ReturnType<typeof organisationWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    mrc = await organisationWithStaff(server, 'Phnom Penh MRC');
    union = await organisationWithStaff(server, 'Bangkok union centre', 'TH', 'trade_union_centre');
    attache = await organisationWithStaff(server, 'Cambodian labour attaché in Bangkok', 'TH', 'government_labour_office');
  });
  afterAll(async () => server?.close());

  const newComplaint = async (shareWithOrganisations: boolean) => {
    const consent = { services: true, shareWithOrganisations, statistics: true };
    const response = await mrc.users.desk_officer.client.post('/api/v1/complaints', groupComplaint({ destination: 'TH', consent }));
    expect(response.status).toBe(201);
    return response.body as { id: string; reference: string; pin: string };
  };
  const auditActions = async (entityId: string) =>
    (await server.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', entityId).orderBy('seq').execute()).map((r) => r.action);

  it('refuses to share a case whose worker did not consent, and writes nothing', async () => {
    const complaint = await newComplaint(false);
    const refused = await mrc.users.case_manager.client.post(`/api/v1/complaints/${complaint.id}/referrals`, {
      toOrganisationId: union.organisation.id,
      kind: 'referral',
      reason: 'The employer is in Bangkok; the union can negotiate.',
      share: ['narrative'],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('consent_not_shared');
    expect(refused.body.error.message).toMatch(/consent|agree/i);
    const khmer = await mrc.users.case_manager.client.post(
      `/api/v1/complaints/${complaint.id}/referrals?lang=km`,
      { toOrganisationId: union.organisation.id, kind: 'referral', reason: 'Employer in Bangkok', share: [] },
    );
    expect(khmer.body.error.message).toMatch(/[\u1780-\u17FF]/);
    expect(await server.ctx.db.selectFrom('referrals').select('id').where('complaint_id', '=', complaint.id).execute()).toEqual([]);

    // A case manager may not override; a supervisor may, with a reason, and the override is audited.
    const override = { reason: 'The worker is in danger and asked us by phone to get help from the union.' };
    const notAllowed = await mrc.users.case_manager.client.post(`/api/v1/complaints/${complaint.id}/referrals`, {
      toOrganisationId: union.organisation.id, kind: 'referral', reason: 'Urgent help needed', share: ['narrative'], consentOverride: override,
    });
    expect(notAllowed.status).toBe(403);
    const overridden = await mrc.users.supervisor.client.post(`/api/v1/complaints/${complaint.id}/referrals`, {
      toOrganisationId: union.organisation.id, kind: 'referral', reason: 'Urgent help needed', share: ['narrative'], consentOverride: override,
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body.consentOverride).toMatchObject({ reason: override.reason, by: `supervisor of Phnom Penh MRC` });
    expect(await auditActions(complaint.id)).toEqual(expect.arrayContaining(['referral.create', 'referral.consent_override']));
  });

  it('shows the receiver only the shared fields, and lets it ask, hear back, accept and complete with an outcome', async () => {
    const complaint = await newComplaint(true);
    const sender = mrc.users.case_manager.client;
    const sent = await sender.post(`/api/v1/complaints/${complaint.id}/referrals`, {
      toOrganisationId: union.organisation.id,
      kind: 'referral',
      reason: 'Please negotiate the unpaid wages with the employer in Bangkok.',
      share: ['narrative', 'respondents'],
      hideReceiverFromWorker: true,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ state: 'pending', kind: 'referral', direction: 'outgoing', complaintId: complaint.id });
    const id = sent.body.id as string;

    // The receiver sees the narrative and respondents but no worker's name, phone or passport.
    const receiver = union.users.case_manager.client;
    const incoming = await receiver.get('/api/v1/referrals?direction=incoming');
    expect(incoming.body.items.map((r: { id: string }) => r.id)).toContain(id);
    const seen = await receiver.get(`/api/v1/referrals/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.direction).toBe('incoming');
    expect(seen.body.shared.narrative).toEqual({ text: khmerNarrative, language: 'km' });
    expect(seen.body.shared.respondents).toHaveLength(2);
    expect(seen.body.shared).not.toHaveProperty('workers');
    expect(seen.body.shared).not.toHaveProperty('complainant');
    expect(JSON.stringify(seen.body)).not.toMatch(/N01234560|\+85512345678|សុខា/);
    expect(seen.body.shared).toMatchObject({ reference: complaint.reference, workerCount: 7, grievances: ['unpaid_wages', 'passport_retention'] });
    expect(await auditActions(id)).toContain('referral.read');
    // …but not the complaint itself, nor does a third organisation see the referral.
    expect((await receiver.get(`/api/v1/complaints/${complaint.id}`)).status).toBe(404);
    expect((await attache.users.case_manager.client.get(`/api/v1/referrals/${id}`)).status).toBe(404);

    // A question and its answer on the thread; a desk officer may write, the sender may not accept.
    expect((await union.users.desk_officer.client.post(`/api/v1/referrals/${id}/actions`, { action: 'message', body: 'Which factory in Bangkok?' })).status).toBe(200);
    expect((await mrc.users.desk_officer.client.post(`/api/v1/referrals/${id}/actions`, { action: 'message', body: 'Samut Prakan, the garment factory.' })).status).toBe(200);
    const wrongSide = await sender.post(`/api/v1/referrals/${id}/actions`, { action: 'accept' });
    expect(wrongSide.status).toBe(409);
    expect(wrongSide.body.error.code).toBe('referral_not_allowed');
    expect((await receiver.post(`/api/v1/referrals/${id}/actions`, { action: 'complete', outcome: { type: 'wages_recovered' } })).body.error.code).toBe('referral_not_allowed');

    const accepted = await receiver.post(`/api/v1/referrals/${id}/actions`, { action: 'accept', note: 'We will meet the employer on Monday.' });
    expect(accepted.body.state).toBe('accepted');
    const withdrawLate = await sender.post(`/api/v1/referrals/${id}/actions`, { action: 'withdraw', reason: 'Changed our mind' });
    expect(withdrawLate.body.error.code).toBe('referral_not_allowed');

    const badOutcome = await receiver.post(`/api/v1/referrals/${id}/actions`, { action: 'complete', outcome: { type: 'wages_recovered', claimed: 100 } });
    expect(badOutcome.status).toBe(400);
    const completed = await receiver.post(`/api/v1/referrals/${id}/actions`, {
      action: 'complete',
      outcome: { type: 'wages_recovered', currency: 'THB', claimed: 4_500_000, awarded: 3_000_000, received: 2_000_000, note: 'Paid in two instalments.' },
    });
    expect(completed.body).toMatchObject({ state: 'completed', outcome: { received: 2_000_000, currency: 'THB' } });

    // Both see the same history; the outcome flowed back onto the sender's complaint and its timeline.
    const history = (await sender.get(`/api/v1/referrals/${id}`)).body.events.map((e: { type: string }) => e.type);
    expect(history).toEqual(['sent', 'message', 'message', 'accepted', 'completed']);
    expect((await receiver.get(`/api/v1/referrals/${id}`)).body.events.map((e: { type: string }) => e.type)).toEqual(history);
    const detail = (await sender.get(`/api/v1/complaints/${complaint.id}`)).body;
    expect(detail.outcomes).toEqual([expect.objectContaining({ type: 'wages_recovered', currency: 'THB', claimed: 4_500_000, awarded: 3_000_000, received: 2_000_000 })]);
    expect(detail.events.filter((e: { type: string }) => e.type === 'referral').map((e: { data: { event: string } }) => e.data.event)).toEqual(['sent', 'message', 'message', 'accepted', 'completed']);
    expect(detail.organisationId).toBe(mrc.organisation.id);

    // The worker is told the case went to another organisation, without its name (the sender's choice).
    const tracked = await client(server.baseUrl).post('/api/v1/public/track', { reference: complaint.reference, pin: complaint.pin });
    expect(tracked.body.referrals).toEqual([expect.objectContaining({ kind: 'referral', state: 'completed', organisation: null, country: null })]);
  });

  it('declines with a reason, and lets the sender withdraw a pending referral', async () => {
    const complaint = await newComplaint(true);
    const body = { toOrganisationId: attache.organisation.id, kind: 'referral', reason: 'Passport retention: consular help needed.', share: ['workers', 'workerIdentity'] };
    const first = (await mrc.users.case_manager.client.post(`/api/v1/complaints/${complaint.id}/referrals`, body)).body;
    const seen = await attache.users.case_manager.client.get(`/api/v1/referrals/${first.id}`);
    expect(seen.body.shared.workers[0]).toMatchObject({ name: 'សុខា ចាន់', passportNumber: 'N01234560' });
    expect(seen.body.shared.workers[0]).not.toHaveProperty('phone');
    const noReason = await attache.users.case_manager.client.post(`/api/v1/referrals/${first.id}/actions`, { action: 'decline' });
    expect(noReason.status).toBe(400);
    const declined = await attache.users.case_manager.client.post(`/api/v1/referrals/${first.id}/actions`, { action: 'decline', reason: 'The workers are in Malaysia, not Thailand.' });
    expect(declined.body.state).toBe('declined');

    const second = (await mrc.users.case_manager.client.post(`/api/v1/complaints/${complaint.id}/referrals`, body)).body;
    const withdrawn = await mrc.users.case_manager.client.post(`/api/v1/referrals/${second.id}/actions`, { action: 'withdraw', reason: 'Sent by mistake.' });
    expect(withdrawn.body.state).toBe('withdrawn');
    expect((await attache.users.case_manager.client.post(`/api/v1/referrals/${second.id}/actions`, { action: 'accept' })).status).toBe(409);

    const counts = await mrc.users.case_manager.client.get('/api/v1/referrals/counts');
    expect(counts.status).toBe(200);
    const outgoing = await mrc.users.case_manager.client.get(`/api/v1/referrals?direction=outgoing&complaintId=${complaint.id}`);
    expect(outgoing.body.items.map((r: { state: string }) => r.state).sort()).toEqual(['declined', 'withdrawn']);
  });

  it('transfers a case: on acceptance the receiver owns a new complaint with the shared fields, the sender hears of its progress', async () => {
    const complaint = await newComplaint(true);
    const sender = mrc.users.case_manager.client;
    const missing = await sender.post(`/api/v1/complaints/${complaint.id}/referrals`, { toOrganisationId: union.organisation.id, kind: 'transfer', reason: 'They are in Thailand now.', share: ['workers'] });
    expect(missing.body.error.code).toBe('transfer_needs_fields');
    const toSelf = await sender.post(`/api/v1/complaints/${complaint.id}/referrals`, { toOrganisationId: mrc.organisation.id, kind: 'referral', reason: 'Loop', share: [] });
    expect(toSelf.body.error.code).toBe('referral_target_invalid');

    const sent = await sender.post(`/api/v1/complaints/${complaint.id}/referrals`, {
      toOrganisationId: union.organisation.id,
      kind: 'transfer',
      reason: 'The workers moved to Bangkok; the union centre takes over.',
      share: ['narrative', 'workers', 'workerContacts', 'respondents', 'reliefSought'],
    });
    expect(sent.status).toBe(201);
    const accepted = await union.users.supervisor.client.post(`/api/v1/referrals/${sent.body.id}/actions`, { action: 'accept' });
    expect(accepted.body.state).toBe('accepted');
    const newId = accepted.body.complaintId as string;
    expect(newId).toBeTruthy();

    const taken = await union.users.case_manager.client.get(`/api/v1/complaints/${newId}`);
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ organisationId: union.organisation.id, channel: 'referral', workerCount: 7, narrative: { text: khmerNarrative } });
    expect(taken.body.workers[0]).toMatchObject({ name: 'សុខា ចាន់', nameLatin: 'Sokha Chan' });
    expect(taken.body.workers[0].passportNumber).toBeUndefined(); // identity documents were not shared

    // The sender's complaint is closed as transferred.
    const old = (await sender.get(`/api/v1/complaints/${complaint.id}`)).body;
    expect(old.state).toBe('closed');

    // The receiver's progress flows back to the sender and to the worker's tracking page.
    expect((await union.users.case_manager.client.post(`/api/v1/complaints/${newId}/transitions`, { to: 'in_progress' })).status).toBe(200);
    const history = (await sender.get(`/api/v1/referrals/${sent.body.id}`)).body.events;
    expect(history.at(-1)).toMatchObject({ type: 'progress', data: { state: 'in_progress' } });
    const tracked = await client(server.baseUrl).post('/api/v1/public/track', { reference: complaint.reference, pin: complaint.pin });
    expect(tracked.body).toMatchObject({ state: 'closed', referrals: [{ kind: 'transfer', state: 'accepted', organisation: 'Bangkok union centre', country: 'TH', progress: 'in_progress' }] });
  });
});
