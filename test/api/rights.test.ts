import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganisation } from '../../src/modules/organisations/service';
import { createUser } from '../../src/modules/users/service';
import { describeEachDatabase } from '../support/databases';
import { groupComplaint, indonesianDomesticWorkerFacts } from '../support/factories';
import { client, organisationWithStaff, startTestServer, testPassword, type TestServer } from '../support/server';

const facts = indonesianDomesticWorkerFacts;

describeEachDatabase('agreements and the rights check over HTTP', (kind) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const organisation = await createOrganisation(server.ctx, { kind: 'system' }, { name: 'Node', type: 'ngo', country: 'KH', languages: ['en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false });
    await createUser(server.ctx, { kind: 'system' }, { email: 'root@node.test', password: testPassword, name: 'Root', organisationId: organisation.id, role: 'system_admin' });
    admin = client(server.baseUrl, (await client(server.baseUrl).post('/api/v1/auth/login', { email: 'root@node.test', password: testPassword })).body.token);
  });
  afterAll(async () => server?.close());

  it('answers the check of the issue’s example with the agreements in force and a finding per provision', async () => {
    const response = await client(server.baseUrl).post('/api/v1/rights/check', facts);
    expect(response.status).toBe(200);
    expect(response.body.agreements.map((a: { id: string }) => a.id).sort()).toEqual(['id-my-2006-domestic-workers', 'id-my-2011-protocol']);
    const kinds = new Set(response.body.findings.map((f: { kind: string }) => f.kind));
    for (const k of ['worker_fee', 'fee_cap', 'deduction_cap', 'deduction_share', 'passport_retention', 'rest_day', 'wage_payment', 'contract_endorsement']) expect(kinds).toContain(k);
    const breaches = response.body.findings.filter((f: { status: string }) => f.status === 'breach').map((f: { kind: string }) => f.kind);
    expect(breaches).toEqual(expect.arrayContaining(['passport_retention', 'fee_cap', 'deduction_cap', 'deduction_share', 'wage_payment', 'contract_endorsement', 'worker_fee']));
  });

  it('refuses facts that are not valid, with a translated error per field', async () => {
    const response = await client(server.baseUrl, undefined, 'vi').post('/api/v1/rights/check', { ...facts, recruitedOn: '2012-13-45', passportHeldBy: 'nobody' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['body.recruitedOn', 'body.passportHeldBy']));
  });

  it('lists the agreements of Table 2, by corridor', async () => {
    const all = await client(server.baseUrl).get('/api/v1/agreements');
    expect(all.body.items.length).toBeGreaterThan(60);
    const thailand = await client(server.baseUrl).get('/api/v1/agreements?destination=TH');
    expect(thailand.body.items.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['kh-th-2002', 'la-th-2002', 'mm-th-2003']));
    expect((await client(server.baseUrl).get('/api/v1/agreements/id-my-2011-protocol')).body.provisions).toHaveLength(7);
  });

  it('lets a system administrator add an agreement, which the next check applies, and nobody else', async () => {
    const agreement = {
      id: 'kh-th-2015-test',
      title: 'Test MOU between Cambodia and Thailand on fishing',
      type: 'mou',
      origin: 'KH',
      destination: 'TH',
      signedOn: '2015-01-01',
      effectiveFrom: '2015-01-01',
      status: 'in_force',
      sectors: ['fishing'],
      sources: ['Test fixture'],
      provisions: [{ id: 'kh-th-2015-rest', clause: 'Article 5', source: 'Test fixture', data: { kind: 'rest_day', daysPerWeek: 1, payInLieuAllowed: false } }],
    };
    const desk = await client(server.baseUrl).put(`/api/v1/agreements/${agreement.id}`, agreement);
    expect(desk.status).toBe(401);
    const bad = await admin.put(`/api/v1/agreements/${agreement.id}`, { ...agreement, provisions: [{ ...agreement.provisions[0], data: { kind: 'rest_day', daysPerWeek: 9 } }] });
    expect(bad.status).toBe(400);
    expect((await admin.put(`/api/v1/agreements/${agreement.id}`, agreement)).status).toBe(200);
    const check = await client(server.baseUrl).post('/api/v1/rights/check', { origin: 'KH', destination: 'TH', sector: '03', recruitedOn: '2016-01-01', restDaysPerWeek: 0 });
    expect(check.body.findings.find((f: { provisionId: string }) => f.provisionId === 'kh-th-2015-rest')).toMatchObject({ status: 'breach', clause: 'Article 5' });
    const before = await client(server.baseUrl).post('/api/v1/rights/check', { origin: 'KH', destination: 'TH', sector: '03', recruitedOn: '2014-01-01', restDaysPerWeek: 0 });
    expect(before.body.findings.some((f: { provisionId: string }) => f.provisionId === 'kh-th-2015-rest')).toBe(false);
  });

  it('converts with an exchange rate an administrator adds, and names it', async () => {
    const idr = { ...facts, workerPaid: [{ item: 'recruitment_fee', amount: 1_500_000_000, currency: 'IDR' }] };
    const without = await client(server.baseUrl).post('/api/v1/rights/check', idr);
    expect(without.body.findings.find((f: { kind: string }) => f.kind === 'fee_cap').status).toBe('unknown');
    const saved = await admin.put('/api/v1/rights/exchange-rates', { base: 'USD', quote: 'IDR', validOn: '2012-01-01', rate: 9000, source: 'Bank Indonesia reference rate, January 2012' });
    expect(saved.status).toBe(200);
    const withRate = await client(server.baseUrl).post('/api/v1/rights/check', idr);
    const capped = withRate.body.findings.find((f: { kind: string }) => f.kind === 'fee_cap');
    expect(capped).toMatchObject({ status: 'breach', exchangeRate: { from: 'IDR', to: 'USD', validOn: '2012-01-01', source: 'Bank Indonesia reference rate, January 2012' } });
  });

  it('tells a worker what applies to a corridor today', async () => {
    const response = await client(server.baseUrl).get('/api/v1/public/rights?origin=ID&destination=MY&sector=domestic_work');
    expect(response.body.agreements.map((a: { id: string }) => a.id)).toContain('id-my-2011-protocol');
    expect(response.body.provisions.map((p: { data: { kind: string } }) => p.data.kind)).toEqual(expect.arrayContaining(['passport_retention', 'rest_day', 'fee_cap']));
    const nepal = await client(server.baseUrl).get('/api/v1/public/rights?origin=NP&destination=MY');
    expect(nepal.body.agreements).toEqual([]);
    expect(nepal.body.provisions.every((p: { baseline: boolean }) => p.baseline)).toBe(true);
  });

  it('checks a complaint’s recorded facts against its corridor’s agreements on the complaint page', async () => {
    const staff = await organisationWithStaff(server, 'Johor union desk', 'MY');
    const { origin: _o, destination: _d, sector: _s, ...rightsFacts } = facts;
    const created = await staff.users.desk_officer.client.post(
      '/api/v1/complaints',
      groupComplaint({ origin: 'ID', destination: 'MY', sector: 'T', rightsFacts: rightsFacts as never }),
    );
    expect(created.status).toBe(201);
    const detail = await staff.users.case_manager.client.get(`/api/v1/complaints/${created.body.id}`, { 'accept-language': 'id' });
    expect(detail.body.rightsFacts).toMatchObject({ recruitedOn: '2012-03-01', passportHeldBy: 'employer' });
    expect(detail.body.rightsCheck.agreements.map((a: { id: string }) => a.id)).toContain('id-my-2011-protocol');
    const passport = detail.body.rightsCheck.findings.find((f: { kind: string }) => f.kind === 'passport_retention');
    expect(passport.status).toBe('breach');
    const without = await staff.users.desk_officer.client.post('/api/v1/complaints', groupComplaint());
    expect((await staff.users.case_manager.client.get(`/api/v1/complaints/${without.body.id}`)).body.rightsCheck).toBeNull();
    const invalid = await staff.users.desk_officer.client.post('/api/v1/complaints', groupComplaint({ rightsFacts: { recruitedOn: 'last year' } as never }));
    expect(invalid.status).toBe(400);
  });
});

