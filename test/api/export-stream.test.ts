import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSynthetic } from '../../src/modules/synthetic/seed-synthetic';
import { describeEachDatabase } from '../support/databases';
import { organisationWithStaff, startTestServer, type TestServer } from '../support/server';

// An export is streamed while it is read (src/modules/exchange/write-table.ts). A client that goes away half-way
// stops the reading and the log says how far it got; the server goes on serving, exports included; several
// exports at once each come out whole.
const complaints = 4_000;

describeEachDatabase('streamed exports', (kind) => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    staff = await organisationWithStaff(server, 'Exporting centre');
    const organisation = await server.ctx.db.selectFrom('organisations').selectAll().where('id', '=', staff.organisation.id).executeTakeFirstOrThrow();
    await seedSynthetic(server.ctx, { count: complaints, seed: 11, until: new Date('2026-11-01'), organisationFor: () => organisation });
  }, 180_000);

  afterAll(() => server?.close());

  const exportUrl = () => `${server.baseUrl}/api/v1/exports/complaints.csv?personal=true`;
  const headers = () => ({ authorization: `Bearer ${staff.users.supervisor.token}` });
  const lastFinished = async () =>
    server.ctx.db
      .selectFrom('audit_log')
      .select(['details', 'entity_id'])
      .where('action', '=', 'complaint.export_finished')
      .where('actor_id', '=', staff.users.supervisor.id)
      .orderBy('seq', 'desc')
      .executeTakeFirst();

  it('stops reading when the client goes away, records how far it got, and keeps serving', async () => {
    const before = await lastFinished();
    const abort = new AbortController();
    const response = await fetch(exportUrl(), { headers: headers(), signal: abort.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    abort.abort();

    // The export notices the closed output, stops reading, and the log records an incomplete export.
    let finished = await lastFinished();
    for (let i = 0; i < 100 && finished?.entity_id === before?.entity_id; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = await lastFinished();
    }
    expect(finished?.entity_id).not.toBe(before?.entity_id);
    const details = JSON.parse(finished!.details) as { complaints: number; completed: boolean };
    expect(details.completed).toBe(false);
    expect(details.complaints).toBeGreaterThan(0);
    expect(details.complaints).toBeLessThan(complaints);

    // The server still answers, and a whole export still comes out whole.
    expect((await fetch(`${server.baseUrl}/api/v1/auth/session`, { headers: headers() })).status).toBe(200);
    const whole = await fetch(exportUrl(), { headers: headers() });
    const rows = parse(Buffer.from(await whole.arrayBuffer()), { bom: true }) as string[][];
    expect(rows.length).toBe(complaints + 1);
    expect(JSON.parse((await lastFinished())!.details)).toEqual({ complaints, completed: true });
  }, 120_000);

  it("puts each complaint's own workers and respondents on its row, across pages of the read", async () => {
    const rows = parse(Buffer.from(await (await fetch(exportUrl(), { headers: headers() })).arrayBuffer()), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(complaints);
    const db = server.ctx.db;
    const stored = async <T extends { complaint_id: string; name: string | null }>(rows: Promise<T[]>) => {
      const names = new Map<string, string[]>();
      for (const row of await rows) names.set(row.complaint_id, [...(names.get(row.complaint_id) ?? []), row.name ?? '']);
      return names;
    };
    const workers = await stored(db.selectFrom('complaint_workers').select(['complaint_id', 'name']).orderBy('complaint_id').orderBy('position').execute());
    const respondents = await stored(db.selectFrom('complaint_respondents').select(['complaint_id', 'name']).orderBy('complaint_id').orderBy('position').execute());
    const ids = new Map((await db.selectFrom('complaints').select(['id', 'reference']).execute()).map((c) => [c.reference, c.id]));
    // One line per item, an empty cell when no item has a value (src/modules/exchange/README.md).
    const cell = (names: string[] = []) => (names.every((name) => !name) ? '' : names.join('\n'));
    let groups = 0;
    for (const row of rows) {
      const id = ids.get(row.Reference)!;
      expect(row['Worker names'], row.Reference).toBe(cell(workers.get(id)));
      expect(row['Respondent names'], row.Reference).toBe(cell(respondents.get(id)));
      if ((workers.get(id) ?? []).length > 1) groups += 1;
    }
    expect(groups).toBeGreaterThan(0);
  }, 120_000);

  it('writes several exports at once, each whole', async () => {
    const files = await Promise.all([1, 2, 3].map(async () => Buffer.from(await (await fetch(exportUrl(), { headers: headers() })).arrayBuffer())));
    const references = files.map((file) => (parse(file, { bom: true }) as string[][]).map((row) => row[0]));
    expect(references[0].length).toBe(complaints + 1);
    expect(references[1]).toEqual(references[0]);
    expect(references[2]).toEqual(references[0]);
  }, 120_000);
});
