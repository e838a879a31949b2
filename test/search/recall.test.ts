// Recall of the complaint search on a hand-labelled set of queries in the nine languages
// (test/fixtures/search/queries.json), through the real API, among generated synthetic complaints of the same
// organisation: every query's labelled complaints must be among its first 20 results, on average 95% of them.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ComplaintInput } from '../../src/modules/complaints/schema';
import { searchComplaints } from '../../src/modules/search/service';
import { seedSynthetic } from '../../src/modules/synthetic/seed-synthetic';
import { describeEachDatabase } from '../support/databases';
import { organisationWithStaff, startTestServer, type TestServer } from '../support/server';

interface FixtureComplaint {
  key: string;
  language: string;
  origin: string;
  destination: string;
  narrative: string;
  complainant?: { type: 'family'; name: string };
  workers: Array<{ name: string; nameLatin?: string }>;
  respondents: Array<{ type: 'employer' | 'recruitment_agency' | 'broker'; name: string }>;
}
interface LabelledQuery {
  language: string;
  kind: string;
  q: string;
  relevant: string[];
}
const fixture = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/search/queries.json'), 'utf8')) as {
  complaints: FixtureComplaint[];
  queries: LabelledQuery[];
};

const syntheticCount = 1500;
const k = 20;

function complaintForm(complaint: FixtureComplaint): ComplaintInput {
  return {
    channel: 'walk_in',
    complainant: complaint.complainant ?? { type: 'worker', name: complaint.workers[0].name },
    workers: complaint.workers.map((worker) => ({ ...worker, sex: 'unknown', languages: [complaint.language] })),
    respondents: complaint.respondents,
    origin: complaint.origin,
    destination: complaint.destination,
    stage: 'employment',
    grievances: ['other'],
    narrative: { text: complaint.narrative, language: complaint.language },
    reliefSought: [],
    consent: { services: true, shareWithOrganisations: false, statistics: true },
  };
}

describeEachDatabase('search recall on labelled queries in nine languages', (kind) => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;
  const idOfKey = new Map<string, string>();

  beforeAll(async () => {
    server = await startTestServer(kind);
    staff = await organisationWithStaff(server, 'Regional migrant desk', 'TH', 'trade_union_centre');
    const organisation = await server.ctx.db.selectFrom('organisations').selectAll().where('id', '=', staff.organisation.id).executeTakeFirstOrThrow();
    // The labelled complaints among generated ones in every language, all filed with the same desk.
    await seedSynthetic(server.ctx, { count: syntheticCount, seed: 11, until: new Date('2026-11-01'), organisationFor: () => organisation });
    for (const complaint of fixture.complaints) {
      const response = await staff.users.desk_officer.client.post('/api/v1/complaints', complaintForm(complaint));
      expect(response.status, complaint.key).toBe(201);
      idOfKey.set(complaint.key, response.body.id);
    }
  });
  afterAll(async () => server?.close());

  it('has at least 200 queries in every language and of every kind', () => {
    expect(fixture.queries.length).toBeGreaterThanOrEqual(200);
    const languages = new Set(fixture.queries.map((q) => q.language));
    expect([...languages].sort()).toEqual(['en', 'fil', 'id', 'km', 'lo', 'ms', 'my', 'th', 'vi']);
    const kinds = new Set(fixture.queries.map((q) => q.kind));
    for (const expected of ['word', 'substring', 'short', 'latin', 'tones', 'name', 'respondent']) expect(kinds).toContain(expected);
    expect(fixture.queries.some((q) => [...q.q].length === 1)).toBe(true);
    expect(fixture.queries.some((q) => [...q.q].length === 2)).toBe(true);
    for (const query of fixture.queries) for (const key of query.relevant) expect(fixture.complaints.some((c) => c.key === key), key).toBe(true);
  });

  it(`finds at least 95% of the labelled complaints in the first ${k} results`, async () => {
    const byKind = new Map<string, { sum: number; count: number }>();
    const misses: string[] = [];
    let sum = 0;
    for (const query of fixture.queries) {
      const response = await staff.users.case_manager.client.get(`/api/v1/complaints?limit=${k}&q=${encodeURIComponent(query.q)}`);
      expect(response.status, query.q).toBe(200);
      const found = new Set((response.body.items as Array<{ id: string }>).map((item) => item.id));
      const hits = query.relevant.filter((key) => found.has(idOfKey.get(key)!));
      const recall = hits.length / query.relevant.length;
      sum += recall;
      const group = `${query.language}/${query.kind}`;
      const entry = byKind.get(query.kind) ?? { sum: 0, count: 0 };
      byKind.set(query.kind, { sum: entry.sum + recall, count: entry.count + 1 });
      if (recall < 1) misses.push(`${group} "${query.q}" found ${hits.length}/${query.relevant.length} (${found.size} results)`);
    }
    const recall = sum / fixture.queries.length;
    const lines = [
      `search recall@${k} on ${kind}: ${recall.toFixed(3)} over ${fixture.queries.length} queries (${fixture.complaints.length} labelled + ${syntheticCount} synthetic complaints)`,
      ...[...byKind].map(([name, { sum: s, count }]) => `  ${name.padEnd(11)} ${(s / count).toFixed(3)} (${count} queries)`),
      ...misses.map((miss) => `  missed: ${miss}`),
    ];
    console.log(lines.join('\n'));
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('answers the same whether the newest entries are looked through first or the indexes at once', async () => {
    // PostgreSQL looks through an organisation's newest entries before its indexes (defaultRecentWindow), then a
    // window up to four times wider when matches were frequent in the first; with windows of 40 and 5 entries many
    // queries go on to the wider window or the indexes, with the default all are answered from the window.
    for (const query of fixture.queries) {
      const whole = await searchComplaints(server.ctx.db, staff.organisation.id, query.q);
      for (const recentWindow of [40, 5]) {
        const windowed = await searchComplaints(server.ctx.db, staff.organisation.id, query.q, { recentWindow });
        expect(windowed.complaintIds, `${query.q} (window ${recentWindow})`).toEqual(whole.complaintIds);
      }
    }
  });
});
