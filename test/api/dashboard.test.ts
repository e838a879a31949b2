import ExcelJS from 'exceljs';
import { linkRespondent } from '../../src/modules/agencies/repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/modules/auth/actor';
import { isOverdue } from '../../src/modules/complaints/presenters';
import { forcedLabourIndicators, grievances } from '../../src/modules/complaints/taxonomy';
import { percentileFromHistogram } from '../../src/modules/dashboard/percentiles';
import { seedSynthetic } from '../../src/modules/synthetic/seed-synthetic';
import { createUser } from '../../src/modules/users/service';
import { describeEachDatabase } from '../support/databases';
import { type Client, client, startTestServer, testPassword, type TestServer } from '../support/server';

// Every figure of the dashboard is checked against a computation in plain TypeScript over the rows themselves.
interface Rows {
  complaints: Array<{ id: string; organisation_id: string; received_at: string; origin: string; destination: string; channel: string; state: string; sector: string | null; worker_count: number; first_action_at: string | null; resolved_at: string | null; first_action_due_at: string; resolution_due_at: string }>;
  grievances: Array<{ complaint_id: string; code: string }>;
  workers: Array<{ complaint_id: string; sex: string }>;
  respondents: Array<{ complaint_id: string; type: string; agency_id: string | null }>;
  outcomes: Array<{ complaint_id: string; type: string; currency: string | null; claimed: number | null; awarded: number | null; received: number | null }>;
  agencies: Array<{ id: string; name: string }>;
  referrals: Array<{ from_organisation_id: string; to_organisation_id: string; kind: string; state: string; created_at: string; complaint_id: string | null }>;
}

interface Filter { organisationId?: string; from?: string; to?: string; origin?: string; destination?: string; country?: string }

const tally = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
const asMap = (rows: Array<{ code: string; complaints?: number; workers?: number }>) => new Map(rows.map((r) => [r.code, r.complaints ?? r.workers]));
const days = (from: string, to: string) => Math.round((Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000);
/** Nearest rank, written out on the sorted list rather than a histogram. */
const nearestRank = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p * sorted.length) / 100) - 1];
};

function expected(rows: Rows, filter: Filter, now: string) {
  const inPeriod = rows.complaints.filter(
    (c) =>
      (!filter.organisationId || c.organisation_id === filter.organisationId) &&
      (!filter.from || c.received_at.slice(0, 10) >= filter.from) &&
      (!filter.to || c.received_at.slice(0, 10) <= filter.to) &&
      (!filter.origin || c.origin === filter.origin) &&
      (!filter.destination || c.destination === filter.destination) &&
      (!filter.country || c.origin === filter.country || c.destination === filter.country),
  );
  const ids = new Set(inPeriod.map((c) => c.id));
  const inCorridor = new Set(
    rows.complaints
      .filter((c) => (!filter.origin || c.origin === filter.origin) && (!filter.destination || c.destination === filter.destination) && (!filter.country || c.origin === filter.country || c.destination === filter.country))
      .map((c) => c.id),
  );
  const grievanceRows = rows.grievances.filter((g) => ids.has(g.complaint_id));
  const distinct = <T extends { complaint_id: string }>(items: T[], key: (item: T) => string) => tally([...new Map(items.map((i) => [`${key(i)}|${i.complaint_id}`, i])).values()], key);
  const outcomeRows = rows.outcomes.filter((o) => ids.has(o.complaint_id));
  const money = new Map<string, { complaints: Set<string>; claimed: number; awarded: number; received: number }>();
  for (const o of outcomeRows) {
    if (!o.currency) continue;
    const entry = money.get(o.currency) ?? { complaints: new Set(), claimed: 0, awarded: 0, received: 0 };
    entry.complaints.add(o.complaint_id);
    entry.claimed += o.claimed ?? 0;
    entry.awarded += o.awarded ?? 0;
    entry.received += o.received ?? 0;
    money.set(o.currency, entry);
  }
  const indicatorCodes: Record<string, string[]> = {
    ...Object.fromEntries(forcedLabourIndicators.map((i) => [i, Object.entries(grievances).filter(([, g]) => (g.indicators as readonly string[]).includes(i)).map(([code]) => code)])),
    recruitment_fees: Object.entries(grievances).filter(([, g]) => g.recruitmentFees).map(([code]) => code),
  };
  const byIndicator = new Map<string, number>();
  for (const [indicator, codes] of Object.entries(indicatorCodes)) {
    if (codes.length === 0) continue;
    byIndicator.set(indicator, new Set(grievanceRows.filter((g) => codes.includes(g.code)).map((g) => g.complaint_id)).size);
  }
  const agencyNames = new Map(rows.agencies.map((a) => [a.id, a.name]));
  const respondentRows = rows.respondents.filter((r) => ids.has(r.complaint_id));
  const open = inPeriod.filter((c) => c.state === 'received' || c.state === 'in_progress');
  return {
    totals: { complaints: inPeriod.length, workers: inPeriod.reduce((sum, c) => sum + c.worker_count, 0) },
    overTime: tally(inPeriod, (c) => c.received_at.slice(0, 7)),
    byGrievance: tally(grievanceRows, (g) => g.code),
    byIndicator,
    byCorridor: tally(inPeriod, (c) => `${c.origin}-${c.destination}`),
    bySex: tally(rows.workers.filter((w) => ids.has(w.complaint_id)), (w) => w.sex),
    bySector: tally(inPeriod, (c) => c.sector ?? 'unknown'),
    byChannel: tally(inPeriod, (c) => c.channel),
    byState: tally(inPeriod, (c) => c.state),
    byRespondentType: distinct(respondentRows, (r) => r.type),
    byAgency: distinct(respondentRows.filter((r) => r.agency_id), (r) => agencyNames.get(r.agency_id!)!),
    unlinkedAgencies: new Set(respondentRows.filter((r) => r.type === 'recruitment_agency' && !r.agency_id).map((r) => r.complaint_id)).size,
    outcomes: distinct(outcomeRows, (o) => o.type),
    money,
    firstAction: inPeriod.filter((c) => c.first_action_at).map((c) => days(c.received_at, c.first_action_at!)),
    resolution: inPeriod.filter((c) => c.resolved_at).map((c) => days(c.received_at, c.resolved_at!)),
    overdue: inPeriod.filter((c) => isOverdue(c, now)).length,
    open: open.length,
    referrals: rows.referrals.filter(
      (r) =>
        (!filter.organisationId || r.from_organisation_id === filter.organisationId || r.to_organisation_id === filter.organisationId) &&
        (!filter.from || r.created_at.slice(0, 10) >= filter.from) &&
        (!filter.to || r.created_at.slice(0, 10) <= filter.to) &&
        // The corridor is the referred complaint's, whichever organisation holds it.
        (!(filter.origin || filter.destination || filter.country) || (r.complaint_id !== null && inCorridor.has(r.complaint_id))),
    ),
  };
}

function checkDashboard(body: any, rows: Rows, filter: Filter) {
  const want = expected(rows, filter, body.scope.generatedAt);
  expect(want.totals.complaints, 'the filter selects some complaints').toBeGreaterThan(0);
  expect(body.totals).toEqual(want.totals);
  expect(new Map(body.overTime.map((r: any) => [r.month, r.complaints]))).toEqual(want.overTime);
  expect(body.overTime.map((r: any) => r.month)).toEqual([...want.overTime.keys()].sort());
  expect(asMap(body.byGrievance)).toEqual(want.byGrievance);
  expect(asMap(body.byIndicator)).toEqual(want.byIndicator);
  expect(new Map(body.byCorridor.map((r: any) => [`${r.origin}-${r.destination}`, r.complaints]))).toEqual(want.byCorridor);
  expect(asMap(body.bySex)).toEqual(want.bySex);
  expect(asMap(body.bySector)).toEqual(want.bySector);
  expect(asMap(body.byChannel)).toEqual(want.byChannel);
  expect(asMap(body.byState)).toEqual(want.byState);
  expect(asMap(body.byRespondentType)).toEqual(want.byRespondentType);
  expect(new Map(body.byAgency.items.map((r: any) => [r.name, r.complaints]))).toEqual(want.byAgency);
  expect(body.byAgency.unlinked).toBe(want.unlinkedAgencies);
  expect(asMap(body.outcomes)).toEqual(want.outcomes);
  expect(new Map(body.money.map((r: any) => [r.currency, r]))).toEqual(
    new Map([...want.money].map(([currency, m]) => [currency, { currency, complaints: m.complaints.size, claimed: m.claimed, awarded: m.awarded, received: m.received }])),
  );
  for (const [name, values] of [['firstAction', want.firstAction], ['resolution', want.resolution]] as const) {
    expect(body[name].count, name).toBe(values.length);
    expect(body[name].median, name).toBe(nearestRank(values, 50));
    expect(body[name].p90, name).toBe(nearestRank(values, 90));
    expect(new Map(body[name].histogram.map((b: any) => [String(b.days), b.complaints])), name).toEqual(tally(values, String));
  }
  expect(body.overdue.overdue).toBe(want.overdue);
  expect(body.overdue.open).toBe(want.open);
  const flows = tally(want.referrals, (r) => `${r.from_organisation_id}>${r.to_organisation_id}>${r.kind}>${r.state}`);
  expect(new Map(body.referrals.flows.map((f: any) => [`${f.fromOrganisationId}>${f.toOrganisationId}>${f.kind}>${f.state}`, f.referrals]))).toEqual(flows);
}

describe('nearest-rank percentiles from a histogram', () => {
  it('gives the value at rank ⌈p·n/100⌉, the lower middle value as the median of an even count', () => {
    const histogram = [{ days: 1, complaints: 2 }, { days: 3, complaints: 1 }, { days: 10, complaints: 1 }];
    expect(percentileFromHistogram(histogram, 50)).toBe(1); // 1 1 3 10: rank 2
    expect(percentileFromHistogram(histogram, 75)).toBe(3);
    expect(percentileFromHistogram(histogram, 90)).toBe(10);
    expect(percentileFromHistogram([{ days: 4, complaints: 10 }, { days: 9, complaints: 1 }], 90)).toBe(4); // 90 · 11 / 100 = 9.9: rank 10
    expect(percentileFromHistogram(Array.from({ length: 10 }, (_, i) => ({ days: i, complaints: 1 })), 90)).toBe(8); // rank exactly 9
    expect(percentileFromHistogram([], 50)).toBeNull();
  });
});

describeEachDatabase('dashboard aggregates', (kind) => {
  let server: TestServer;
  let rows: Rows;
  let organisations: Array<{ id: string; name: string }>;
  const users = new Map<string, Client>();
  const as = (organisationId: string, role: Role) => users.get(`${organisationId}:${role}`)!;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const seeded = await seedSynthetic(server.ctx, { count: 700, seed: 41, until: new Date('2026-11-01') });
    organisations = seeded.organisations;
    const system = { kind: 'system' } as const;
    const makeUser = async (organisationId: string, role: Role) => {
      const email = `${role}.${organisationId.slice(0, 8)}@dashboard.test`;
      await createUser(server.ctx, system, { email, name: `${role} dashboard`, role, organisationId, password: testPassword });
      const login = await client(server.baseUrl).post('/api/v1/auth/login', { email, password: testPassword });
      users.set(`${organisationId}:${role}`, client(server.baseUrl, login.body.token));
    };
    for (const organisation of organisations.slice(0, 2)) for (const role of ['desk_officer', 'supervisor', 'org_admin', 'analyst'] as Role[]) await makeUser(organisation.id, role);
    await makeUser(organisations[2].id, 'system_admin');

    // Two registry agencies linked to some respondents, as a desk officer confirming them would.
    const now = new Date().toISOString();
    const agencies = [
      { id: '00000000-0000-4000-8000-00000000a001', name: 'Ponleu Meas Manpower Co., Ltd.', licence_number: 'KH-001', issuing_country: 'KH' },
      { id: '00000000-0000-4000-8000-00000000a002', name: 'PT Maju Jaya Abadi', licence_number: 'KEP-100', issuing_country: 'ID' },
    ];
    for (const agency of agencies) {
      await server.ctx.db.insertInto('agencies').values({ ...agency, issuing_authority: null, licence_status: 'valid', licence_valid_from: null, licence_valid_to: null, other_names: '[]', addresses: '[]', created_at: now, updated_at: now }).execute();
    }
    const agencyRespondents = await server.ctx.db.selectFrom('complaint_respondents').select(['id', 'complaint_id']).where('type', '=', 'recruitment_agency').orderBy('id').execute();
    await server.ctx.db.transaction().execute(async (trx) => {
      for (const [i, respondent] of agencyRespondents.entries()) {
        if (i % 3 !== 2) await linkRespondent(trx, respondent.complaint_id, respondent.id, agencies[i % 3].id, null);
      }
    });

    // Referrals between the organisations, in several states.
    const someComplaints = await server.ctx.db.selectFrom('complaints').select(['id', 'organisation_id', 'received_at']).orderBy('id').limit(60).execute();
    for (const [i, complaint] of someComplaints.entries()) {
      const to = organisations[(organisations.findIndex((o) => o.id === complaint.organisation_id) + 1 + (i % 3)) % organisations.length].id;
      await server.ctx.db
        .insertInto('referrals')
        .values({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          complaint_id: complaint.id,
          from_organisation_id: complaint.organisation_id,
          to_organisation_id: to,
          kind: i % 4 === 0 ? 'transfer' : 'referral',
          state: ['pending', 'accepted', 'declined', 'completed'][i % 4],
          reason: 'test',
          shared_fields: '[]',
          shared: '{}',
          hide_receiver: 0,
          consent_override: null,
          created_by: null,
          created_at: complaint.received_at,
          response_due_at: complaint.received_at,
          responded_at: null,
          completed_at: null,
          outcome: null,
          received_complaint_id: null,
          updated_at: complaint.received_at,
        })
        .execute();
    }

    const db = server.ctx.db;
    rows = {
      complaints: await db.selectFrom('complaints').select(['id', 'organisation_id', 'received_at', 'origin', 'destination', 'channel', 'state', 'sector', 'worker_count', 'first_action_at', 'resolved_at', 'first_action_due_at', 'resolution_due_at']).execute(),
      grievances: await db.selectFrom('complaint_grievances').selectAll().execute(),
      workers: await db.selectFrom('complaint_workers').select(['complaint_id', 'sex']).execute(),
      respondents: await db.selectFrom('complaint_respondents').select(['complaint_id', 'type', 'agency_id']).execute(),
      outcomes: (await db.selectFrom('complaint_outcomes').select(['complaint_id', 'type', 'currency', 'claimed', 'awarded', 'received']).execute()).map((o) => ({ ...o, claimed: o.claimed === null ? null : Number(o.claimed), awarded: o.awarded === null ? null : Number(o.awarded), received: o.received === null ? null : Number(o.received) })),
      agencies: agencies.map((a) => ({ id: a.id, name: a.name })),
      referrals: await db.selectFrom('referrals').select(['from_organisation_id', 'to_organisation_id', 'kind', 'state', 'created_at', 'complaint_id']).execute(),
    };
    // The data exercise every figure: outcomes with money, linked and unlinked agencies, open and overdue cases.
    expect(rows.outcomes.some((o) => o.received !== null)).toBe(true);
    expect(rows.respondents.some((r) => r.agency_id)).toBe(true);
  });
  afterAll(async () => server?.close());

  it("counts each figure of a supervisor's organisation as a direct computation does, all time and in a period", async () => {
    const organisation = organisations[0];
    const all = await as(organisation.id, 'supervisor').get('/api/v1/dashboard');
    expect(all.status).toBe(200);
    checkDashboard(all.body, rows, { organisationId: organisation.id });
    expect(all.body.scope).toMatchObject({ organisationId: organisation.id, drillDown: true });
    expect(all.body.overdue.overdue).toBeGreaterThan(0);

    const period = await as(organisation.id, 'supervisor').get('/api/v1/dashboard?from=2024-03-01&to=2025-08-31');
    checkDashboard(period.body, rows, { organisationId: organisation.id, from: '2024-03-01', to: '2025-08-31' });
    expect(period.body.totals.complaints).toBeLessThan(all.body.totals.complaints);
  });

  it('filters by corridor', async () => {
    const organisation = organisations[0];
    const corridor = rows.complaints.find((c) => c.organisation_id === organisation.id)!;
    const response = await as(organisation.id, 'analyst').get(`/api/v1/dashboard?origin=${corridor.origin}&destination=${corridor.destination}&from=2022-01-01`);
    expect(response.status).toBe(200);
    checkDashboard(response.body, rows, { organisationId: organisation.id, origin: corridor.origin, destination: corridor.destination, from: '2022-01-01' });
    expect(response.body.byCorridor).toHaveLength(1);
  });

  it("gives a node administrator every organisation's figures, or one organisation's", async () => {
    const admin = as(organisations[2].id, 'system_admin');
    const all = await admin.get('/api/v1/dashboard?from=2023-01-01&to=2026-12-31');
    expect(all.status).toBe(200);
    checkDashboard(all.body, rows, { from: '2023-01-01', to: '2026-12-31' });
    expect(all.body.scope).toMatchObject({ organisationId: null, drillDown: false });
    const one = await admin.get(`/api/v1/dashboard?organisationId=${organisations[1].id}`);
    checkDashboard(one.body, rows, { organisationId: organisations[1].id });
  });

  it('limits each role to what it may see: own organisation only, aggregates only for analysts', async () => {
    const [mine, theirs] = organisations;
    for (const role of ['desk_officer', 'org_admin', 'analyst'] as Role[]) {
      const own = await as(mine.id, role).get('/api/v1/dashboard');
      expect(own.status, role).toBe(200);
      expect(own.body.scope.organisationId, role).toBe(mine.id);
      expect(own.body.totals.complaints, role).toBe(rows.complaints.filter((c) => c.organisation_id === mine.id).length);
      // Another organisation's figures are not found, whatever the role.
      expect((await as(mine.id, role).get(`/api/v1/dashboard?organisationId=${theirs.id}`)).status, role).toBe(404);
    }
    // Only those who work the organisation's cases are offered the complaint list behind a figure.
    expect((await as(mine.id, 'desk_officer').get('/api/v1/dashboard')).body.scope.drillDown).toBe(true);
    expect((await as(mine.id, 'analyst').get('/api/v1/dashboard')).body.scope.drillDown).toBe(false);
    expect((await as(mine.id, 'org_admin').get('/api/v1/dashboard')).body.scope.drillDown).toBe(false);
    // The answer holds codes and counts, never a complaint's id, reference or a worker's name.
    const body = JSON.stringify((await as(mine.id, 'analyst').get('/api/v1/dashboard')).body);
    for (const complaint of rows.complaints.slice(0, 50)) expect(body).not.toContain(complaint.id);
    expect((await client(server.baseUrl).get('/api/v1/dashboard')).status).toBe(401);
    expect((await as(mine.id, 'supervisor').get('/api/v1/dashboard?from=2025-01-01&to=2024-01-01')).status).toBe(400);
  });

  it('builds the twice-yearly MRC report and the annual country report, as JSON and as a translated workbook', async () => {
    const organisation = organisations[0];
    const supervisor = as(organisation.id, 'supervisor');
    const mrc = await supervisor.get('/api/v1/dashboard/reports/mrc?year=2025&half=2');
    expect(mrc.status, mrc.text).toBe(200);
    checkDashboard(mrc.body.dashboard, rows, { organisationId: organisation.id, from: '2025-07-01', to: '2025-12-31' });
    expect(mrc.body.organisation.name).toBe(organisation.name);
    const grievanceTable = mrc.body.tables.find((table: { id: string }) => table.id === 'byGrievance');
    expect(grievanceTable.headers[0]).toBe('Grievance');
    expect(grievanceTable.rows.reduce((sum: number, row: number[]) => sum + row[1], 0)).toBe(mrc.body.dashboard.byGrievance.reduce((sum: number, r: { complaints: number }) => sum + r.complaints, 0));

    const admin = as(organisations[2].id, 'system_admin');
    const afml = await admin.get('/api/v1/dashboard/reports/afml?year=2025&country=KH&lang=th');
    expect(afml.status).toBe(200);
    checkDashboard(afml.body.dashboard, rows, { from: '2025-01-01', to: '2025-12-31', country: 'KH' });
    expect(afml.body.tables.find((table: { id: string }) => table.id === 'byGrievance').headers[0]).not.toBe('Grievance');

    const xlsx = await fetchWorkbook(server.baseUrl, organisations[2].id, '/api/v1/dashboard/reports/afml?year=2025&country=KH&format=xlsx&lang=km');
    const json = await admin.get('/api/v1/dashboard/reports/afml?year=2025&country=KH&lang=km');
    expect(xlsx.worksheets.length).toBe(json.body.tables.length + 1);
    for (const [i, table] of json.body.tables.entries()) {
      const sheet = xlsx.worksheets[i + 1];
      expect((sheet.getRow(2).values as unknown[]).slice(1), table.id).toEqual(table.headers);
      const body = table.rows.map((row: unknown[]) => row.map((cell) => (cell === null ? undefined : cell)));
      const sheetRows = Array.from({ length: table.rows.length }, (_, r) => (sheet.getRow(r + 3).values as unknown[]).slice(1));
      for (const [r, row] of body.entries()) expect(sheetRows[r], `${table.id} row ${r}`).toEqual(row);
    }
    // A workbook in Khmer: headers are translated.
    expect(json.body.tables[0].headers[0]).not.toBe('Figure');

    expect((await supervisor.get('/api/v1/dashboard/reports/mrc?year=2025')).status).toBe(400);
    expect((await supervisor.get('/api/v1/dashboard/reports/afml?year=2025')).status).toBe(400);
  });

  it('lists the complaints behind a figure: the list filters by sector, sex, respondent type, agency, outcome and indicator', async () => {
    const organisation = organisations[0];
    const supervisor = as(organisation.id, 'supervisor');
    const listed = async (query: string) => {
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = await supervisor.get(`/api/v1/complaints?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.status, page.text).toBe(200);
        for (const item of page.body.items as Array<{ id: string }>) ids.add(item.id);
        cursor = page.body.nextCursor;
      } while (cursor);
      return ids;
    };
    const ours = new Set(rows.complaints.filter((c) => c.organisation_id === organisation.id).map((c) => c.id));
    const expected = (ids: Iterable<string>) => new Set([...ids].filter((id) => ours.has(id)));
    const sector = rows.complaints.find((c) => ours.has(c.id) && c.sector)!.sector!;
    expect(await listed(`sector=${sector}`)).toEqual(expected(rows.complaints.filter((c) => c.sector === sector).map((c) => c.id)));
    expect(await listed('sector=unknown')).toEqual(expected(rows.complaints.filter((c) => c.sector === null).map((c) => c.id)));
    expect(await listed('sex=female')).toEqual(expected(rows.workers.filter((w) => w.sex === 'female').map((w) => w.complaint_id)));
    expect(await listed('respondentType=broker')).toEqual(expected(rows.respondents.filter((r) => r.type === 'broker').map((r) => r.complaint_id)));
    const agency = '00000000-0000-4000-8000-00000000a001';
    const byAgency = await listed(`agency=${agency}`);
    expect(byAgency.size).toBeGreaterThan(0);
    expect(byAgency).toEqual(expected(rows.respondents.filter((r) => r.agency_id === agency).map((r) => r.complaint_id)));
    expect(await listed('outcome=wages_recovered')).toEqual(expected(rows.outcomes.filter((o) => o.type === 'wages_recovered').map((o) => o.complaint_id)));
    const deception = Object.entries(grievances).filter(([, g]) => (g.indicators as readonly string[]).includes('deception')).map(([code]) => code);
    expect(await listed('indicator=deception')).toEqual(expected(rows.grievances.filter((g) => deception.includes(g.code)).map((g) => g.complaint_id)));
    // Two filters at once narrow to both.
    const both = await listed('sex=female&outcome=wages_recovered');
    expect(both).toEqual(new Set([...(await listed('sex=female'))].filter((id) => rows.outcomes.some((o) => o.complaint_id === id && o.type === 'wages_recovered'))));
    expect((await supervisor.get('/api/v1/complaints?sex=robot')).status).toBe(400);
  });

  // Last: it changes the data the tests above compare with.
  it('counts an outcome and an agency link recorded through the API at once', async () => {
    const organisation = organisations[0];
    const supervisor = as(organisation.id, 'supervisor');
    const before = (await supervisor.get('/api/v1/dashboard')).body;
    const open = rows.complaints.find((c) => c.organisation_id === organisation.id && c.state === 'in_progress')!;
    const recorded = await supervisor.post(`/api/v1/complaints/${open.id}/outcomes`, { type: 'repatriated', currency: 'BND', claimed: 700, awarded: 500, received: 300 });
    expect(recorded.status, recorded.text).toBe(201);
    const unlinked = await server.ctx.db
      .selectFrom('complaint_respondents')
      .innerJoin('complaints', 'complaints.id', 'complaint_respondents.complaint_id')
      .select(['complaint_respondents.id', 'complaint_respondents.complaint_id'])
      .where('complaints.organisation_id', '=', organisation.id)
      .where('complaint_respondents.type', '=', 'recruitment_agency')
      .where('complaint_respondents.agency_id', 'is', null)
      .executeTakeFirstOrThrow();
    const linked = await supervisor.put(`/api/v1/complaints/${unlinked.complaint_id}/respondents/${unlinked.id}/agency`, { agencyId: '00000000-0000-4000-8000-00000000a002' });
    expect(linked.status, linked.text).toBe(200);

    const after = (await supervisor.get('/api/v1/dashboard')).body;
    const count = (list: Array<{ code?: string; currency?: string; agencyId?: string; complaints: number }>, key: string) =>
      list.find((r) => (r.code ?? r.currency ?? r.agencyId) === key)?.complaints ?? 0;
    const hadRepatriation = rows.outcomes.some((o) => o.complaint_id === open.id && o.type === 'repatriated');
    expect(count(after.outcomes, 'repatriated')).toBe(count(before.outcomes, 'repatriated') + (hadRepatriation ? 0 : 1));
    const bnd = after.money.find((m: { currency: string }) => m.currency === 'BND');
    expect(bnd).toMatchObject({ complaints: 1, claimed: 700, awarded: 500, received: 300 });
    expect(count(after.byAgency.items, '00000000-0000-4000-8000-00000000a002')).toBe(count(before.byAgency.items, '00000000-0000-4000-8000-00000000a002') + 1);
    expect(after.byAgency.unlinked).toBeLessThanOrEqual(before.byAgency.unlinked);
    expect(after.totals).toEqual(before.totals);
  });

  const tokens = new Map<string, string>();
  async function fetchWorkbook(baseUrl: string, organisationId: string, path: string) {
    let token = tokens.get(organisationId);
    if (!token) {
      const login = await client(baseUrl).post('/api/v1/auth/login', { email: `system_admin.${organisationId.slice(0, 8)}@dashboard.test`, password: testPassword });
      token = login.body.token as string;
      tokens.set(organisationId, token);
    }
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    return workbook;
  }
});
