// GET /api/v1/complaints?q=…: only within the user's organisation, ranked, highlighted, audited, paged.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { searchIndexVersion } from '../../src/modules/search/normalise';
import { ensureSearchIndex, rebuildSearchIndex, searchIndexProgress } from '../../src/modules/search/service';
import { describeEachDatabase } from '../support/databases';
import { groupComplaint } from '../support/factories';
import { organisationWithStaff, startTestServer, type TestServer } from '../support/server';

describeEachDatabase('complaint search through the API', (kind) => {
  let server: TestServer;
  let desk: Awaited<ReturnType<typeof organisationWithStaff>>;
  let other: Awaited<ReturnType<typeof organisationWithStaff>>;
  const ours: Array<{ id: string; reference: string }> = [];
  let theirs: { id: string; reference: string };

  const thaiComplaint = (worker: string, narrative: string) =>
    groupComplaint({
      complainant: { type: 'worker', name: worker },
      workers: [{ name: worker, sex: 'female', languages: ['th'] }],
      respondents: [{ type: 'employer', name: 'Chanthaburi Durian Orchard' }],
      narrative: { text: narrative, language: 'th' },
    });

  beforeAll(async () => {
    server = await startTestServer(kind);
    desk = await organisationWithStaff(server, 'Samut Sakhon union desk', 'TH', 'trade_union_centre');
    other = await organisationWithStaff(server, 'Chiang Mai union desk', 'TH', 'trade_union_centre');
    for (const [worker, narrative] of [
      ['มาลี ศรีสุข', 'นายจ้างที่สวนทุเรียนยึดบัตรสีชมพูของดิฉันไว้'],
      ['สมชาย ใจดี', 'ผมทำงานสวนทุเรียนมาสามเดือนแต่ไม่ได้รับค่าจ้าง'],
      ['วันเพ็ญ แสงทอง', 'หัวหน้างานที่สวนทุเรียนตะโกนด่าทุกวัน'],
    ]) {
      const response = await desk.users.desk_officer.client.post('/api/v1/complaints', thaiComplaint(worker, narrative));
      expect(response.status).toBe(201);
      ours.push(response.body);
    }
    const response = await other.users.desk_officer.client.post('/api/v1/complaints', thaiComplaint('สมชาย ใจดี', 'ผมทำงานสวนทุเรียนแต่นายจ้างไม่จ่ายค่าจ้าง'));
    theirs = response.body;
  });
  afterAll(async () => server?.close());

  const search = (client: typeof desk.users.case_manager.client, query: string) => client.get(`/api/v1/complaints?q=${encodeURIComponent(query)}`);

  it("finds only the complaints of the user's own organisation", async () => {
    const found = await search(desk.users.case_manager.client, 'ทุเรียน');
    expect(found.status).toBe(200);
    expect(found.body.items.map((i: { id: string }) => i.id).sort()).toEqual(ours.map((c) => c.id).sort());
    const theirsFound = await search(other.users.case_manager.client, 'ทุเรียน');
    expect(theirsFound.body.items.map((i: { id: string }) => i.id)).toEqual([theirs.id]);
    // A name in another organisation's complaint is not found, by any spelling.
    expect((await search(desk.users.case_manager.client, 'Somchai Jaidee')).body.items.map((i: { id: string }) => i.id)).toEqual([ours[1].id]);
  });

  it('highlights the matching words, and names found by their Latin spelling', async () => {
    const found = await search(desk.users.case_manager.client, 'ค่าจ้าง');
    expect(found.body.items).toHaveLength(1);
    const narrative = found.body.items[0].highlights.find((h: { field: string }) => h.field === 'narrative');
    expect(narrative.matches.map((m: { start: number; end: number }) => narrative.text.slice(m.start, m.end))).toEqual(['ค่าจ้าง']);
    const byLatin = await search(desk.users.case_manager.client, 'Malee');
    expect(byLatin.body.items[0].id).toBe(ours[0].id);
    expect(byLatin.body.items[0].highlights).toContainEqual({ field: 'worker', text: 'มาลี ศรีสุข', matches: [{ start: 0, end: 11 }] });
  });

  it('audits each complaint whose names or narrative a search showed, without the query', async () => {
    await search(desk.users.desk_officer.client, 'วันเพ็ญ');
    const trail = await desk.users.supervisor.client.get(`/api/v1/complaints/${ours[2].id}/audit`);
    const reads = trail.body.items.filter((e: { action: string }) => e.action === 'complaint.search_read');
    const mine = reads.filter((e: { actorId: string }) => e.actorId === desk.users.desk_officer.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].details.fields).toContain('worker');
    expect(JSON.stringify(reads)).not.toContain('วันเพ็ญ');
  });

  it('lets analysts, who may not read personal data, search references only', async () => {
    expect((await search(desk.users.analyst.client, 'ทุเรียน')).body.items).toEqual([]);
    const byReference = await search(desk.users.analyst.client, ours[0].reference.slice(0, 10));
    expect(byReference.body.items.map((i: { id: string }) => i.id)).toContain(ours[0].id);
    for (const item of byReference.body.items) expect(item.highlights ?? []).toEqual([]);
  });

  it('combines the search with the list filters and pages through ranked results', async () => {
    expect((await desk.users.case_manager.client.get(`/api/v1/complaints?q=${encodeURIComponent('ทุเรียน')}&state=closed`)).body.items).toEqual([]);
    const first = await desk.users.case_manager.client.get(`/api/v1/complaints?q=${encodeURIComponent('ทุเรียน')}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await desk.users.case_manager.client.get(`/api/v1/complaints?q=${encodeURIComponent('ทุเรียน')}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(3);
    expect((await desk.users.case_manager.client.get(`/api/v1/complaints?q=${encodeURIComponent('ทุเรียน')}&cursor=bm90LWpzb24`)).status).toBe(400);
  });

  it('finds parts of words and one-character queries', async () => {
    expect((await search(desk.users.case_manager.client, 'เรียน')).body.items).toHaveLength(3);
    const short = await search(desk.users.case_manager.client, 'ด่า');
    expect(short.body.items.map((i: { id: string }) => i.id)).toEqual([ours[2].id]);
  });

  it('rebuilds the whole index (as `lintas search reindex` and a new ICU at start do) to the same answers', async () => {
    const queries = ['ทุเรียน', 'Somchai Jaidee', 'เรียน', 'ด่า', 'Durian'];
    const before = await Promise.all(queries.map((q) => search(desk.users.case_manager.client, q)));
    const progress: number[] = [];
    const indexed = await rebuildSearchIndex(server.ctx.db, { batchSize: 2, onProgress: (done) => progress.push(done) });
    expect(indexed).toBe(4);
    expect(progress).toEqual([0, 2, 4]);
    const after = await Promise.all(queries.map((q) => search(desk.users.case_manager.client, q)));
    for (const [i, q] of queries.entries()) expect(after[i].body.items.map((c: { id: string }) => c.id), q).toEqual(before[i].body.items.map((c: { id: string }) => c.id));
    expect((await server.ctx.db.selectFrom('settings').select('value').where('key', '=', 'search_index_version').executeTakeFirstOrThrow()).value).toBe(searchIndexVersion(kind));
    if (kind === 'postgres') {
      // The GIN indexes dropped for the rebuild are back.
      const names = await sql<{ indexname: string }>`select indexname from pg_indexes where tablename = 'complaint_search' and schemaname = current_schema()`.execute(server.ctx.db);
      expect(names.rows.map((r) => r.indexname)).toEqual(expect.arrayContaining(['complaint_search_document']));
    } else {
      // The bulk settings of the rebuild are put back: FTS5 merges 4 segments at a time, the usual page cache.
      for (const table of ['complaint_search_words', 'complaint_search_trigram']) {
        const config = await sql<{ v: number }>`select v from ${sql.id(`${table}_config`)} where k = 'automerge'`.execute(server.ctx.db);
        expect(config.rows.map((r) => Number(r.v)), table).toEqual([4]);
      }
      expect((await sql<{ cache_size: number }>`pragma cache_size`.execute(server.ctx.db)).rows[0].cache_size).toBe(-65536);
    }
  });
  it('a stopped rebuild leaves the list saying how far it came, and the next start resumes it without indexing twice', async () => {
    const queries = ['ทุเรียน', 'Somchai Jaidee', 'Durian'];
    const before = await Promise.all(queries.map((q) => search(desk.users.case_manager.client, q)));
    expect(before[0].body.searchIndex).toBeUndefined();
    const stop = new AbortController();
    const partial = await rebuildSearchIndex(server.ctx.db, { batchSize: 1, signal: stop.signal, onProgress: (done) => done >= 1 && stop.abort() });
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(4);
    expect(searchIndexProgress(server.ctx.db)).toEqual({ indexed: partial, total: 4 });
    const during = await search(desk.users.case_manager.client, 'ทุเรียน');
    expect(during.body.searchIndex).toEqual({ indexed: partial, total: 4 });
    expect(during.body.items.length).toBeLessThanOrEqual(partial);
    // A complaint taken in meanwhile is indexed by its own write; the rebuild must not index it again.
    const added = await desk.users.desk_officer.client.post('/api/v1/complaints', { ...thaiComplaint('บุญมี ดีใจ', 'นายจ้างสวนทุเรียนไม่คืนหนังสือเดินทาง'), respondents: [{ type: 'employer', name: 'Rayong Rubber Estate' }] });
    expect(added.status).toBe(201);
    const progress: number[] = [];
    const rebuild = await ensureSearchIndex(server.ctx.db, { background: true, onProgress: (done) => progress.push(done) });
    expect(rebuild).not.toBeNull();
    // In the background: ensureSearchIndex returned before the rebuild finished.
    expect(await Promise.race([rebuild!.finished.then(() => 'finished'), Promise.resolve('running')])).toBe('running');
    expect(await rebuild!.finished).toBe(5);
    expect(progress[0]).toBe(partial + 1); // resumed: what was indexed is kept
    expect(searchIndexProgress(server.ctx.db)).toBeNull();
    const entries = await server.ctx.db.selectFrom('complaint_search').select(['complaint_id']).execute();
    expect(entries).toHaveLength(5);
    expect(new Set(entries.map((e) => e.complaint_id)).size).toBe(5);
    const after = await Promise.all(queries.map((q) => search(desk.users.case_manager.client, q)));
    expect(after[0].body.searchIndex).toBeUndefined();
    expect(after[0].body.items.map((c: { id: string }) => c.id).sort()).toEqual([...ours.map((c) => c.id), added.body.id].sort());
    for (const [i, q] of queries.entries()) if (i > 0) expect(after[i].body.items.map((c: { id: string }) => c.id), q).toEqual(before[i].body.items.map((c: { id: string }) => c.id));
    expect(await ensureSearchIndex(server.ctx.db)).toBeNull();
  });

  it("finds words holding an apostrophe, whole or by their beginning, in the user's own organisation only", async () => {
    const complaint = groupComplaint({ narrative: { text: "The agent O'Connor's office kept our passports", language: 'en' } });
    const ourCase = await desk.users.desk_officer.client.post('/api/v1/complaints', complaint);
    const theirCase = await other.users.desk_officer.client.post('/api/v1/complaints', complaint);
    expect([ourCase.status, theirCase.status]).toEqual([201, 201]);
    for (const query of ["O'Connor's", "o'conn", 'passp']) {
      expect((await search(desk.users.case_manager.client, query)).body.items.map((i: { id: string }) => i.id), query).toEqual([ourCase.body.id]);
      expect((await search(other.users.case_manager.client, query)).body.items.map((i: { id: string }) => i.id), query).toEqual([theirCase.body.id]);
    }
  });
});
