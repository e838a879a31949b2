import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importLicences } from '../../src/modules/agencies/service';
import { describeEachDatabase } from '../support/databases';
import { groupComplaint } from '../support/factories';
import { client, organisationWithStaff, startTestServer, type TestServer } from '../support/server';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lintas-agencies-'));
const indonesianList = (statusOfSecond = 'Dicabut') =>
  [
    'Nama Perusahaan,Nomor Izin,Instansi Penerbit,Status Izin,Tanggal Terbit,Tanggal Berakhir,Alamat,Kota',
    '"PT. Maju Jaya Abadi",KEP-101/2015,Kementerian Ketenagakerjaan,Aktif,15/03/2015,14/03/2030,"Jl. Melati 5",Surabaya',
    `"PT. Bintang Timur Sejahtera",KEP-102/2014,Kementerian Ketenagakerjaan,${statusOfSecond},01/06/2014,31/05/2029,"Jl. Mawar 9",Malang`,
    '"PT. Cahaya Nusantara",,Kementerian Ketenagakerjaan,Aktif,01/01/2016,31/12/2030,"Jl. Kenanga",Jakarta',
    '"PT. Harapan Mulia",KEP-104/2016,Kementerian Ketenagakerjaan,Aktif,31/02/2020,31/12/2030,"Jl. Anggrek",Bandung',
    '"PT. Sinar Gemilang",KEP-105/2017,Kementerian Ketenagakerjaan,Sementara,01/01/2017,31/12/2030,"Jl. Dahlia",Medan',
    '"PT. Maju Jaya Abadi Kedua",KEP-101/2015,Kementerian Ketenagakerjaan,Aktif,01/01/2018,31/12/2030,"Jl. Melati 7",Surabaya',
    '"PT. Karya Mandiri Prima",KEP-107/2012,Kementerian Ketenagakerjaan,Kedaluwarsa,01/01/2012,31/12/2016,"Jl. Teratai",Semarang',
  ].join('\n');

describeEachDatabase('the recruitment agency registry', (kind) => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;
  const file = path.join(dir, `id-${kind}.csv`);

  beforeAll(async () => {
    server = await startTestServer(kind);
    staff = await organisationWithStaff(server, 'Surabaya labour office', 'ID');
    fs.writeFileSync(file, indonesianList());
  });
  afterAll(async () => server?.close());

  it('checks every row in a dry run, reporting each bad row by line and why, and writes nothing', async () => {
    const report = await importLicences(server.ctx, { kind: 'system' }, file, { country: 'ID', dryRun: true });
    expect(report).toMatchObject({ total: 7, created: 3, updated: 0, dryRun: true });
    expect(report.rejected).toEqual([
      { line: 4, reasons: [{ code: 'missing_licence_number' }] },
      { line: 5, reasons: [{ code: 'bad_date', value: '31/02/2020' }] },
      { line: 6, reasons: [{ code: 'unknown_status', value: 'Sementara' }] },
      { line: 7, reasons: [{ code: 'duplicate_licence', value: 'KEP-101/2015' }] },
    ]);
    expect((await server.ctx.db.selectFrom('agencies').selectAll().execute()).length).toBe(0);
  });

  it('imports the good rows, and a re-import updates instead of duplicating, recording a status change', async () => {
    const first = await importLicences(server.ctx, { kind: 'system' }, file, { country: 'ID' });
    expect(first).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const again = await importLicences(server.ctx, { kind: 'system' }, file, { country: 'ID' });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    fs.writeFileSync(file, indonesianList('Aktif'));
    const changed = await importLicences(server.ctx, { kind: 'system' }, file, { country: 'ID' });
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const rows = await server.ctx.db.selectFrom('agencies').selectAll().execute();
    expect(rows).toHaveLength(3);
    const bintang = rows.find((r) => r.licence_number === 'KEP-102/2014')!;
    const history = await client(server.baseUrl, staff.users.case_manager.token).get(`/api/v1/agencies/${bintang.id}`);
    expect(history.body.licenceHistory.map((e: { status: string }) => e.status)).toEqual(['valid', 'cancelled', 'valid']);
    fs.writeFileSync(file, indonesianList());
    await importLicences(server.ctx, { kind: 'system' }, file, { country: 'ID' });
  });

  it('reads XLSX lists and Thai lists with Buddhist-era dates', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('รายชื่อ');
    sheet.addRow(['ชื่อบริษัท', 'เลขที่ใบอนุญาต', 'สถานะ', 'วันที่ออก', 'วันหมดอายุ', 'ที่อยู่']);
    sheet.addRow(['บริษัท สยามจัดหางาน จำกัด', 'น.123/2560', 'ใช้งานได้', '15/03/2560', '14/03/2570', 'กรุงเทพฯ']);
    sheet.addRow(['บริษัท รุ่งเรืองแรงงาน จำกัด', 'น.124/2558', 'ถูกพักใช้', '01/01/2558', '31/12/2568', 'ชลบุรี']);
    const xlsx = path.join(dir, `th-${kind}.xlsx`);
    await workbook.xlsx.writeFile(xlsx);
    const report = await importLicences(server.ctx, { kind: 'system' }, xlsx, { country: 'TH' });
    expect(report).toMatchObject({ created: 2, rejected: [] });
    const siam = await server.ctx.db.selectFrom('agencies').selectAll().where('licence_number', '=', 'น.123/2560').executeTakeFirstOrThrow();
    expect(siam).toMatchObject({ licence_status: 'valid', licence_valid_from: '2017-03-15', licence_valid_to: '2027-03-14' });
  });

  it('matches names as desk officers type them, best first', async () => {
    const desk = client(server.baseUrl, staff.users.desk_officer.token);
    const matches = await desk.get(`/api/v1/agencies/match?name=${encodeURIComponent('Maju Jaya Abadi, PT')}`);
    expect(matches.body.items[0]).toMatchObject({ agency: { licenceNumber: 'KEP-101/2015' }, likelySame: true });
    const thai = await desk.get(`/api/v1/agencies/match?name=${encodeURIComponent('สยามจัดหางาน')}`);
    expect(thai.body.items[0]).toMatchObject({ agency: { licenceNumber: 'น.123/2560' }, likelySame: true });
    const none = await desk.get(`/api/v1/agencies/match?name=${encodeURIComponent('Golden Dragon Services')}`);
    expect(none.body.items.filter((m: { likelySame: boolean }) => m.likelySame)).toEqual([]);
    expect((await client(server.baseUrl).get('/api/v1/agencies/match?name=maju')).status).toBe(401);
  });

  it('flags possible illegal recruitment when the confirmed agency’s licence was not valid on the recruitment date', async () => {
    const desk = staff.users.desk_officer.client;
    const agencies = await server.ctx.db.selectFrom('agencies').select(['id', 'licence_number']).execute();
    const byLicence = (n: string) => agencies.find((a) => a.licence_number === n)!.id;
    const create = async (recruitedOn: string) => {
      const created = await desk.post('/api/v1/complaints', groupComplaint({ origin: 'ID', destination: 'MY', respondents: [{ type: 'recruitment_agency', name: 'Karya Mandiri', country: 'ID' }], rightsFacts: { recruitedOn } as never }));
      const detail = await desk.get(`/api/v1/complaints/${created.body.id}`);
      return { id: created.body.id as string, respondentId: detail.body.respondents[0].id as string };
    };
    // Karya Mandiri Prima's licence expired at the end of 2016.
    const late = await create('2019-05-01');
    const flagged = await desk.put(`/api/v1/complaints/${late.id}/respondents/${late.respondentId}/agency`, { agencyId: byLicence('KEP-107/2012') });
    expect(flagged.body).toMatchObject({ licenceStatusOnRecruitment: 'expired', possibleIllegalRecruitment: true, checkedOn: '2019-05-01' });
    const early = await create('2014-05-01');
    const fine = await desk.put(`/api/v1/complaints/${early.id}/respondents/${early.respondentId}/agency`, { agencyId: byLicence('KEP-107/2012') });
    expect(fine.body).toMatchObject({ licenceStatusOnRecruitment: 'valid', possibleIllegalRecruitment: false });
    const detail = await staff.users.case_manager.client.get(`/api/v1/complaints/${late.id}`);
    expect(detail.body.respondents[0]).toMatchObject({ agencyId: byLicence('KEP-107/2012'), registry: 'linked', possibleIllegalRecruitment: true });
    // An agency the officer looked for and did not find on the registry: recruiting without a licence.
    const unlisted = await create('2024-01-01');
    expect((await desk.get(`/api/v1/complaints/${unlisted.id}`)).body.respondents[0]).toMatchObject({ registry: 'unchecked', possibleIllegalRecruitment: false });
    const notFound = await desk.put(`/api/v1/complaints/${unlisted.id}/respondents/${unlisted.respondentId}/agency`, { agencyId: null, notInRegistry: true });
    expect(notFound.body).toMatchObject({ registry: 'not_in_registry', possibleIllegalRecruitment: true });
    // Bintang Timur's licence is cancelled, as of the list Lintas imported today: a case recruited today is flagged.
    const cancelled = await create(new Date().toISOString().slice(0, 10));
    expect((await desk.put(`/api/v1/complaints/${cancelled.id}/respondents/${cancelled.respondentId}/agency`, { agencyId: byLicence('KEP-102/2014') })).body.possibleIllegalRecruitment).toBe(true);
  });

  it('shows the public look-up with licence status and complaint counts suppressed below 5', async () => {
    const anonymous = client(server.baseUrl);
    const karya = await anonymous.get(`/api/v1/public/agencies?q=${encodeURIComponent('karya mandiri prima')}`);
    expect(karya.body.items[0]).toMatchObject({ licenceNumber: 'KEP-107/2012', licenceStatus: 'expired', complaints: { count: null, fewerThan: 5 } });
    const byNumber = await anonymous.get(`/api/v1/public/agencies?q=${encodeURIComponent('kep-101/2015')}`);
    expect(byNumber.body.items).toHaveLength(1);
    expect(byNumber.body.items[0].complaints).toEqual({ count: 0, fewerThan: null });
    // Five complaints naming Maju Jaya Abadi: now the count is shown.
    const desk = staff.users.desk_officer.client;
    for (let i = 0; i < 5; i += 1) {
      const created = await desk.post('/api/v1/complaints', groupComplaint({ respondents: [{ type: 'recruitment_agency', name: 'Maju Jaya Abadi', country: 'ID' }] }));
      const detail = await desk.get(`/api/v1/complaints/${created.body.id}`);
      const agencyId = (await server.ctx.db.selectFrom('agencies').select('id').where('licence_number', '=', 'KEP-101/2015').executeTakeFirstOrThrow()).id;
      await desk.put(`/api/v1/complaints/${created.body.id}/respondents/${detail.body.respondents[0].id}/agency`, { agencyId });
    }
    const maju = await anonymous.get(`/api/v1/public/agencies?q=${encodeURIComponent('KEP-101/2015')}`);
    expect(maju.body.items[0].complaints).toEqual({ count: 5, fewerThan: null });
    expect(JSON.stringify(maju.body)).not.toContain('Sokha');
  });
});

describeEachDatabase('oversight of agencies: sanctions, assessments, ratings', (kind) => {
  let server: TestServer;
  let ministry: Awaited<ReturnType<typeof organisationWithStaff>>;
  let desk: Awaited<ReturnType<typeof organisationWithStaff>>;
  let majuId: string;
  let karyaId: string;
  let bintangId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    ministry = await organisationWithStaff(server, 'Ministry of Manpower, East Java office', 'ID', 'government_labour_office');
    desk = await organisationWithStaff(server, 'Union desk', 'ID', 'trade_union_centre');
    const file = path.join(dir, `oversight-${kind}.csv`);
    fs.writeFileSync(file, indonesianList('Aktif'));
    await importLicences(server.ctx, { kind: 'system' }, file, { country: 'ID' });
    const ids = Object.fromEntries((await server.ctx.db.selectFrom('agencies').select(['id', 'licence_number']).execute()).map((a) => [a.licence_number, a.id]));
    [majuId, bintangId, karyaId] = [ids['KEP-101/2015'], ids['KEP-102/2014'], ids['KEP-107/2012']];
  });
  afterAll(async () => server?.close());

  it('lets a labour office record sanctions; a suspension and a cancellation change the licence status, a warning does not', async () => {
    const regulator = ministry.users.supervisor.client;
    const warning = await regulator.post(`/api/v1/agencies/${majuId}/sanctions`, { type: 'warning', decidedOn: '2025-01-10', decision: 'SK-12/2025' });
    expect(warning.status).toBe(201);
    expect(warning.body.licenceStatus).toBe('valid');
    const suspension = await regulator.post(`/api/v1/agencies/${bintangId}/sanctions`, { type: 'suspension', decidedOn: '2026-01-01', until: '2099-01-01', decision: 'SK-40/2026' });
    expect(suspension.body.licenceStatus).toBe('suspended');
    const history = await ministry.users.case_manager.client.get(`/api/v1/agencies/${bintangId}`);
    expect(history.body).toMatchObject({ licenceStatus: 'suspended' });
    expect(history.body.licenceHistory.map((e: { status: string }) => e.status)).toEqual(['valid', 'suspended', 'valid']);
    // A union desk is not a regulator.
    expect((await desk.users.supervisor.client.post(`/api/v1/agencies/${majuId}/sanctions`, { type: 'fine', decidedOn: '2025-01-10', decision: 'SK-1', amount: 5_000_000_000, currency: 'IDR' })).status).toBe(403);
    const lookup = await client(server.baseUrl).get('/api/v1/public/agencies?q=KEP-102%2F2014');
    expect(lookup.body.items[0]).toMatchObject({ licenceStatus: 'suspended', sanctions: [{ type: 'suspension', decision: 'SK-40/2026' }] });
    const cancellation = await regulator.post(`/api/v1/agencies/${majuId}/sanctions`, { type: 'cancellation', decidedOn: '2026-06-01', decision: 'SK-77/2026' });
    expect(cancellation.body.licenceStatus).toBe('cancelled');
  });

  it('scores assessments against a criteria set and ranks agencies per period', async () => {
    const regulator = ministry.users.org_admin.client;
    const sets = await client(server.baseUrl).get('/api/v1/assessments/criteria-sets');
    const ilo = sets.body.items.find((s: { id: string }) => s.id === 'ilo-fair-recruitment-2019');
    const scores = (value: number) => Object.fromEntries(ilo.criteria.map((c: { code: string }) => [c.code, { score: value, evidence: 'Inspection report 2025/17' }]));
    expect((await regulator.post(`/api/v1/agencies/${majuId}/assessments`, { criteriaSetId: ilo.id, period: '2025', scores: scores(5) })).body.score).toBe(100);
    expect((await regulator.post(`/api/v1/agencies/${karyaId}/assessments`, { criteriaSetId: ilo.id, period: '2025', scores: scores(3) })).body.score).toBe(60);
    expect((await regulator.post(`/api/v1/agencies/${bintangId}/assessments`, { criteriaSetId: ilo.id, period: '2025', scores: scores(3) })).status).toBe(201);
    const bad = await regulator.post(`/api/v1/agencies/${majuId}/assessments`, { criteriaSetId: ilo.id, period: '2025', scores: { ...scores(5), no_fees: { score: 9 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('body.scores.no_fees.score');
    const ranking = await client(server.baseUrl).get(`/api/v1/assessments/ranking?criteriaSetId=${ilo.id}&period=2025`);
    expect(ranking.body.items.map((r: { rank: number; score: number }) => [r.rank, r.score])).toEqual([[1, 100], [2, 60], [2, 60]]);
    const lookup = await client(server.baseUrl).get('/api/v1/public/agencies?q=KEP-101%2F2015');
    expect(lookup.body.items[0].assessment).toMatchObject({ period: '2025', rank: 1, of: 3, score: 100 });
  });

  it('counts worker ratings only once moderated, and shows averages only from 5 ratings', async () => {
    const anonymous = client(server.baseUrl);
    const ids: string[] = [];
    for (const fees of [1, 2, 1, 2, 1, 5]) {
      const rated = await anonymous.post(`/api/v1/public/agencies/${karyaId}/ratings`, { fees, orientation: 3, contract: 2, comment: 'Took my passport', language: 'id' });
      expect(rated.status).toBe(201);
      ids.push(rated.body.id);
    }
    expect((await anonymous.get('/api/v1/public/agencies?q=KEP-107%2F2012')).body.items[0].ratings).toBeNull();
    const moderator = desk.users.supervisor.client;
    const queue = await moderator.get('/api/v1/agency-ratings/pending');
    expect(queue.body.items).toHaveLength(6);
    expect((await desk.users.desk_officer.client.get('/api/v1/agency-ratings/pending')).status).toBe(403);
    for (const id of ids.slice(0, 4)) await moderator.put(`/api/v1/agency-ratings/${id}`, { decision: 'approve' });
    await moderator.put(`/api/v1/agency-ratings/${ids[5]}`, { decision: 'reject' });
    expect((await anonymous.get('/api/v1/public/agencies?q=KEP-107%2F2012')).body.items[0].ratings).toEqual({ count: null, fewerThan: 5, fees: null, orientation: null, contract: null });
    await moderator.put(`/api/v1/agency-ratings/${ids[4]}`, { decision: 'approve' });
    expect((await anonymous.get('/api/v1/public/agencies?q=KEP-107%2F2012')).body.items[0].ratings).toEqual({ count: 5, fewerThan: null, fees: 1.4, orientation: 3, contract: 2 });
    expect((await anonymous.post(`/api/v1/public/agencies/${karyaId}/ratings`, { fees: 9, orientation: 3, contract: 2 })).status).toBe(400);
  });

  it('shows regulators the agencies with the most open complaints, and anyone the agency record without personal data', async () => {
    for (let i = 0; i < 3; i += 1) {
      const created = await desk.users.desk_officer.client.post('/api/v1/complaints', groupComplaint({ origin: 'ID', respondents: [{ type: 'recruitment_agency', name: 'Karya Mandiri Prima', country: 'ID' }] }));
      const detail = await desk.users.desk_officer.client.get(`/api/v1/complaints/${created.body.id}`);
      await desk.users.desk_officer.client.put(`/api/v1/complaints/${created.body.id}/respondents/${detail.body.respondents[0].id}/agency`, { agencyId: karyaId });
    }
    const view = await ministry.users.supervisor.client.get('/api/v1/agencies/most-unresolved?country=ID');
    expect(view.body.items[0]).toMatchObject({ agencyId: karyaId, open: 3 });
    expect((await desk.users.supervisor.client.get('/api/v1/agencies/most-unresolved')).status).toBe(403);
    const record = await desk.users.analyst.client.get(`/api/v1/agencies/${karyaId}/record`);
    expect(record.body).toMatchObject({ byState: { received: 3 }, byGrievance: { unpaid_wages: 3, passport_retention: 3 } });
    expect(JSON.stringify(record.body)).not.toContain('Sokha');
  });
});

describeEachDatabase('uploading a licence list', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.close());

  it('takes a list through the API for system administrators, with a dry run first', async () => {
    const { createOrganisation } = await import('../../src/modules/organisations/service');
    const { createUser } = await import('../../src/modules/users/service');
    const organisation = await createOrganisation(server.ctx, { kind: 'system' }, { name: 'Node', type: 'government_labour_office', country: 'ID', languages: ['id'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false });
    await createUser(server.ctx, { kind: 'system' }, { email: 'root@node.id', password: 'correct horse battery staple', name: 'Root', organisationId: organisation.id, role: 'system_admin' });
    const token = (await client(server.baseUrl).post('/api/v1/auth/login', { email: 'root@node.id', password: 'correct horse battery staple' })).body.token;
    const upload = (dryRun: boolean) => {
      const form = new FormData();
      form.set('country', 'ID');
      form.set('dryRun', String(dryRun));
      form.set('file', new Blob([indonesianList()], { type: 'text/csv' }), 'daftar.csv');
      return fetch(`${server.baseUrl}/api/v1/agencies/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    };
    const dry = (await (await upload(true)).json()) as { created: number; dryRun: boolean; rejected: unknown[] };
    expect(dry).toMatchObject({ created: 3, dryRun: true });
    expect(dry.rejected).toHaveLength(4);
    expect((await server.ctx.db.selectFrom('agencies').selectAll().execute()).length).toBe(0);
    expect(((await (await upload(false)).json()) as { created: number }).created).toBe(3);
    expect((await server.ctx.db.selectFrom('agencies').selectAll().execute()).length).toBe(3);
  });
});
