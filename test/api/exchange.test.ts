import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/schema';
import { traffickingGrievances } from '../../src/modules/exchange/htcds';
import { seedSynthetic } from '../../src/modules/synthetic/seed-synthetic';
import { describeEachDatabase } from '../support/databases';
import { groupComplaint } from '../support/factories';
import { organisationWithStaff, startTestServer, type TestServer } from '../support/server';

const fixtures = path.resolve(__dirname, '../fixtures/exchange');
const locale = (language: string) => JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../locales/${language}/exchange.json`), 'utf8'));

type Staff = Awaited<ReturnType<typeof organisationWithStaff>>;

async function download(server: TestServer, token: string, pathAndQuery: string, language = 'en') {
  const response = await fetch(`${server.baseUrl}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': language } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function upload(server: TestServer, token: string, file: Buffer, filename: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('file', new Blob([new Uint8Array(file)]), filename);
  const response = await fetch(`${server.baseUrl}/api/v1/imports/complaints`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

const csvRows = (bytes: Buffer) => parse(bytes, { bom: true }) as string[][];

async function xlsxRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** A complaint's form as stored, read straight from the tables, for comparing two databases field by field. */
async function storedForms(db: Kysely<Database>, organisationId: string) {
  const complaints = await db.selectFrom('complaints').selectAll().where('organisation_id', '=', organisationId).execute();
  const workers = await db.selectFrom('complaint_workers').selectAll().orderBy('position').execute();
  const respondents = await db.selectFrom('complaint_respondents').selectAll().orderBy('position').execute();
  const forms = new Map<string, unknown>();
  for (const c of complaints) {
    const consent = JSON.parse(c.consent) as { explained?: string };
    forms.set(c.reference, {
      channel: c.channel,
      receivedAt: c.received_at,
      complainantType: c.complainant_type,
      complainant: JSON.parse(c.complainant),
      origin: c.origin,
      destination: c.destination,
      sector: c.sector,
      occupation: c.occupation,
      stage: c.stage,
      grievances: c.grievance_codes,
      narrative: [c.narrative_text, c.narrative_language],
      reliefSought: JSON.parse(c.relief_sought),
      consent: [c.consent_services, c.consent_share, c.consent_statistics, consent.explained ?? null],
      rightsFacts: c.rights_facts ? JSON.parse(c.rights_facts) : null,
      workerCount: c.worker_count,
      deadlines: [c.first_action_due_at, c.resolution_due_at],
      workers: workers
        .filter((w) => w.complaint_id === c.id)
        .map((w) => [w.name, w.name_latin, w.sex, w.birth_date, w.birth_year, w.nationality, w.passport_number, w.phone, JSON.parse(w.languages)]),
      respondents: respondents.filter((r) => r.complaint_id === c.id).map((r) => [r.type, r.name, r.country]),
    });
  }
  return forms;
}

describeEachDatabase('exports and imports of complaints', (kind) => {
  let source: TestServer;
  let target: TestServer;
  let staff: Staff;
  let importer: Staff;
  let complaintCount = 0;

  beforeAll(async () => {
    [source, target] = await Promise.all([startTestServer(kind), startTestServer(kind)]);
    staff = await organisationWithStaff(source, 'Exporting centre');
    importer = await organisationWithStaff(target, 'Importing centre');
    const organisation = await source.ctx.db.selectFrom('organisations').selectAll().where('id', '=', staff.organisation.id).executeTakeFirstOrThrow();
    await seedSynthetic(source.ctx, { count: 120, seed: 42, until: new Date('2026-11-01'), organisationFor: () => organisation });
    // Typed ones too: Khmer names, a phone starting with + (a formula in a spreadsheet), text with commas, quotes and line breaks.
    const typed = [
      groupComplaint(),
      groupComplaint({
        narrative: { text: 'He said: "pay 3,000 first",\nthen kept the passport.\n=SUM(A1)', language: 'en' },
        complainant: { type: 'family', name: '=HYPERLINK("x")', phone: '+66 81 234 5678', relationship: 'Sister' },
        rightsFacts: { recruitedOn: '2025-01-10', passportHeldBy: 'employer' } as never,
      }),
    ];
    for (const form of typed) expect((await staff.users.desk_officer.client.post('/api/v1/complaints', form)).status).toBe(201);
    complaintCount = 122;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    it(`exports every complaint to ${format.toUpperCase()} and imports them into an empty database unchanged`, async () => {
      const file = await download(source, staff.users.supervisor.token, `/exports/complaints.${format}?personal=true`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain(`.${format}`);

      // An empty database of its own for each format.
      const empty = await startTestServer(kind);
      try {
        const organisation = await organisationWithStaff(empty, `Importing centre ${format}`);
        const imported = await upload(empty, organisation.users.supervisor.token, file.bytes, `complaints.${format}`);
        expect(imported.status, JSON.stringify(imported.body).slice(0, 500)).toBe(200);
        expect(imported.body.rejected).toEqual([]);
        expect(imported.body.imported).toBe(complaintCount);
        expect(imported.body.total).toBe(complaintCount);
        await expectSameComplaints(empty, organisation, file.bytes, format);
      } finally {
        await empty.close();
      }
    }, 120_000);
  }

  /** The imported complaints have the same form, field by field, and importing the file again adds nothing. */
  async function expectSameComplaints(target: TestServer, organisation: Staff, bytes: Buffer, format: string) {
    const before = await storedForms(source.ctx.db, staff.organisation.id);
    const after = await storedForms(target.ctx.db, organisation.organisation.id);
    expect(after.size).toBe(before.size);
    for (const [reference, form] of before) expect(after.get(reference), reference).toEqual(form);

    // Each imported complaint is registered like a typed one: received, with its own audit entry.
    const states = await target.ctx.db.selectFrom('complaints').select('state').distinct().where('organisation_id', '=', organisation.organisation.id).execute();
    expect(states.map((s) => s.state)).toEqual(['received']);
    const created = await target.ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'complaint.create').where('organisation_id', '=', organisation.organisation.id).execute();
    expect(created.length).toBe(complaintCount);

    // The same file again adds nothing.
    const again = await upload(target, organisation.users.supervisor.token, bytes, `complaints.${format}`);
    expect(again.body).toMatchObject({ imported: 0, duplicates: complaintCount, rejected: [] });
    const count = await target.ctx.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisation.organisation.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(complaintCount);
  }

  it('writes CSV as UTF-8 with a byte-order mark, headers in the reader\u2019s language, formulas kept as text', async () => {
    const file = await download(source, staff.users.supervisor.token, '/exports/complaints.csv?personal=true', 'th');
    expect(file.headers.get('content-type')).toContain('text/csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(file.bytes);
    const thai = locale('th').columns;
    expect(header[0]).toBe(thai.reference);
    expect(header).toContain(thai.workerNames);
    expect(thai.workerNames).not.toBe(locale('en').columns.workerNames);
    const cells = rows.flat();
    expect(cells).toContain("'=HYPERLINK(\"x\")");
    expect(cells).toContain("'+66 81 234 5678");
    expect(cells.some((c) => c.includes('ក្រុមហ៊ុន ភ្នំពេញ'))).toBe(true);
  });

  it('gives analysts and case managers de-identified files, refuses them personal data, and lets only supervisors have it', async () => {
    const english = locale('en').columns;
    for (const role of ['analyst', 'case_manager', 'desk_officer'] as const) {
      expect((await download(source, staff.users[role].token, '/exports/complaints.csv?personal=true')).status, role).toBe(403);
      const file = await download(source, staff.users[role].token, '/exports/complaints.csv');
      expect(file.status, role).toBe(200);
      const [header, ...rows] = csvRows(file.bytes);
      expect(rows.length).toBe(complaintCount);
      for (const personal of ['workerNames', 'workerPassports', 'workerPhones', 'complainantName', 'narrative', 'respondentNames']) expect(header).not.toContain(english[personal]);
      expect(header).toContain(english.workerSexes);
      const text = file.bytes.toString('utf8');
      expect(text).not.toContain('សុខា ចាន់');
      expect(text).not.toContain('N01234560');
    }
    expect((await download(source, staff.users.org_admin.token, '/exports/complaints.csv')).status).toBe(403);
    for (const role of ['desk_officer', 'analyst', 'org_admin'] as const) {
      expect((await upload(source, staff.users[role].token, Buffer.from('a,b\r\n1,2\r\n'), 'x.csv', { dryRun: 'true' })).status, role).toBe(403);
    }
  });

  it('exports exactly the complaints the list shows for the same filters', async () => {
    const query = 'state=in_progress,resolved&origin=KH,MM&sort=received_at';
    const listed: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await staff.users.analyst.client.get(`/api/v1/complaints?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      listed.push(...page.body.items.map((i: { reference: string }) => i.reference));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(listed.length).toBeGreaterThan(0);
    const file = await download(source, staff.users.analyst.token, `/exports/complaints.xlsx?${query}`);
    const [header, ...rows] = await xlsxRows(file.bytes);
    expect(header[0]).toBe(locale('en').columns.reference);
    expect(rows.map((r) => r[0])).toEqual(listed);
  });

  it('records who exported what with which filters and how many complaints, but not the data', async () => {
    await download(source, staff.users.analyst.token, '/exports/complaints.csv?grievance=passport_retention&destination=MY');
    const entries = await source.ctx.db.selectFrom('audit_log').selectAll().where('actor_id', '=', staff.users.analyst.id).where('action', 'like', 'complaint.export%').orderBy('seq').execute();
    const [started, finished] = entries.slice(-2);
    expect(started.action).toBe('complaint.export');
    expect(finished.action).toBe('complaint.export_finished');
    expect(finished.entity_id).toBe(started.entity_id);
    const details = JSON.parse(started.details);
    expect(details).toMatchObject({ kind: 'complaints', format: 'csv', personal: false });
    expect(JSON.parse(details.filters)).toMatchObject({ grievance: 'passport_retention', destination: ['MY'] });
    const expected = await source.ctx.db
      .selectFrom('complaint_grievances')
      .innerJoin('complaints', 'complaints.id', 'complaint_grievances.complaint_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('complaint_grievances.code', '=', 'passport_retention')
      .where('complaints.destination', '=', 'MY')
      .executeTakeFirstOrThrow();
    expect(Number(expected.n)).toBeGreaterThan(0);
    expect(JSON.parse(finished.details)).toEqual({ complaints: Number(expected.n), completed: true });
    await download(source, staff.users.analyst.token, '/exports/complaints.csv?grievance=unpaid_wages');
    const last = await source.ctx.db.selectFrom('audit_log').select('details').where('actor_id', '=', staff.users.analyst.id).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const withGrievance = await source.ctx.db.selectFrom('complaint_grievances').select((eb) => eb.fn.countAll<number>().as('n')).where('code', '=', 'unpaid_wages').executeTakeFirstOrThrow();
    expect(JSON.parse(last.details)).toEqual({ complaints: Number(withGrievance.n), completed: true });
  });

  it('reports each bad row of a hand-typed sheet by line and reason on a dry run, writes nothing, then imports the good rows once', async () => {
    const file = fs.readFileSync(path.join(fixtures, 'typed-by-hand.csv'));
    const mapping = fs.readFileSync(path.join(fixtures, 'typed-by-hand.map.json'), 'utf8');
    const supervisor = importer.users.supervisor.token;
    const countOf = async () => Number((await target.ctx.db.selectFrom('complaints').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await countOf();

    const dry = await upload(target, supervisor, file, 'typed-by-hand.csv', { dryRun: 'true', mapping });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, total: 6, imported: 2, duplicates: 0 });
    expect(dry.body.columns).toMatchObject({ externalId: 'No', workerNames: 'Nama', workerSexes: 'Jenis kelamin', receivedAt: 'Tanggal', grievances: 'Jenis pengaduan', narrative: 'Kronologi', stage: 'Tahap' });
    const reasons = Object.fromEntries(dry.body.rejected.map((r: { line: number; reasons: unknown[] }) => [r.line, r.reasons]));
    expect(Object.keys(reasons).map(Number)).toEqual([3, 4, 5, 6]);
    expect(reasons[3]).toEqual([{ code: 'unknown_code', field: 'grievances', value: 'kucing' }]);
    expect(reasons[4]).toEqual([{ code: 'bad_date', field: 'receivedAt', value: '31/02/2024' }]);
    expect(reasons[5]).toEqual([{ code: 'missing', field: 'workerNames' }]);
    expect(reasons[6]).toEqual([{ code: 'invalid', field: 'workerPassports', item: 1, value: '12-34', rule: 'passport' }]);
    expect(await countOf()).toBe(before);

    const done = await upload(target, supervisor, file, 'typed-by-hand.csv', { mapping });
    expect(done.body).toMatchObject({ dryRun: false, imported: 2, duplicates: 0 });
    expect(await countOf()).toBe(before + 2);
    const siti = await target.ctx.db
      .selectFrom('complaints')
      .innerJoin('complaint_workers', 'complaint_workers.complaint_id', 'complaints.id')
      .select(['received_at', 'grievance_codes', 'channel', 'consent_share', 'complaint_workers.sex', 'complaint_workers.nationality', 'idempotency_key'])
      .where('complaint_workers.name', '=', 'Siti Aminah')
      .executeTakeFirstOrThrow();
    // 15/03/2567 is a Buddhist-era date; "Perempuan" and "Gaji tidak dibayar" are Indonesian labels.
    expect(siti).toMatchObject({ received_at: '2024-03-15T00:00:00.000Z', grievance_codes: 'unpaid_wages', channel: 'walk_in', consent_share: 0, sex: 'female', nationality: 'ID', idempotency_key: 'import:id:101' });
    const agus = await target.ctx.db.selectFrom('complaints').innerJoin('complaint_workers', 'complaint_workers.complaint_id', 'complaints.id').select(['grievance_codes', 'destination', 'sex']).where('complaint_workers.name', '=', 'Agus Salim').executeTakeFirstOrThrow();
    expect(agus).toEqual({ grievance_codes: 'passport_retention unpaid_wages', destination: 'SG', sex: 'male' });

    const again = await upload(target, supervisor, file, 'typed-by-hand.csv', { mapping });
    expect(again.body).toMatchObject({ imported: 0, duplicates: 2 });
    expect(again.body.rejected).toHaveLength(4);
    expect(await countOf()).toBe(before + 2);
  });

  it('exports the complaints with trafficking indicators as HTCDS fields, one row per worker', async () => {
    const file = await download(source, staff.users.analyst.token, '/exports/htcds.csv');
    expect(file.status).toBe(200);
    const [header, ...rows] = csvRows(file.bytes);
    expect(header).toContain('vic_MethodsOfControl');
    expect(header).not.toContain('prs_FirstName');
    const column = (name: string) => header.indexOf(name);
    const complaints = await source.ctx.db.selectFrom('complaints').select(['id', 'reference', 'worker_count', 'grievance_codes']).where('organisation_id', '=', staff.organisation.id).execute();
    const involved = complaints.filter((c) => c.grievance_codes.split(' ').some((g) => traffickingGrievances.includes(g as never)));
    expect(involved.length).toBeGreaterThan(0);
    expect(involved.length).toBeLessThan(complaints.length);
    expect(rows.length).toBe(involved.reduce((sum, c) => sum + c.worker_count, 0));
    expect(new Set(rows.map((r) => r[column('cas_Reference')]))).toEqual(new Set(involved.map((c) => c.reference)));
    for (const row of rows) {
      expect(row[column('vic_MethodsOfControl')]).not.toBe('');
      expect(['Male', 'Female', 'Transgender/NonConforming', 'Unknown']).toContain(row[column('prs_Gender')]);
      expect(['Active', 'FollowUp', 'Closed']).toContain(row[column('cas_Status')]);
    }
    const typed = rows.find((r) => r[column('lts_Grievances')] === 'unpaid_wages;passport_retention');
    expect(typed?.[column('vic_MethodsOfControl')]).toBe('TakesEarnings;WithholdsDocuments');
    expect(typed?.[column('vic_LabourIndustry')]).toBe('A_AgricultureForestryAndFishing');

    const personal = await download(source, staff.users.supervisor.token, '/exports/htcds.xlsx?personal=true');
    const [personalHeader, ...personalRows] = await xlsxRows(personal.bytes);
    expect(personalHeader).toContain('prs_FirstName');
    expect(personalRows.map((r) => r[personalHeader.indexOf('prs_FirstName')])).toContain('សុខា ចាន់');
  });
});
