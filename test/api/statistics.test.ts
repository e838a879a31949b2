import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSynthetic } from '../../src/modules/synthetic/seed-synthetic';
import { describeEachDatabase } from '../support/databases';
import { client, startTestServer, type TestServer } from '../support/server';

describeEachDatabase('public statistics with small cells suppressed', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
    await seedSynthetic(server.ctx, { count: 600, seed: 77, until: new Date('2026-11-01') });
  });
  afterAll(async () => server?.close());

  it('counts each complaint whose consent covers statistics, and matches a direct computation', async () => {
    const response = await client(server.baseUrl).get('/api/v1/public/statistics?by=destination');
    expect(response.status).toBe(200);
    const table = response.body;
    const rows = await server.ctx.db.selectFrom('complaints').select(['received_at', 'destination', 'consent_statistics']).execute();
    const consented = rows.filter((r) => r.consent_statistics === 1);
    expect(consented.length).toBeLessThan(rows.length); // some complaints did not consent and are left out
    for (const [r, year] of table.rows.entries()) {
      for (const [c, destination] of table.columns.entries()) {
        const direct = consented.filter((x) => x.received_at.startsWith(year) && x.destination === destination).length;
        const cell = table.cells[r][c];
        if (cell.value !== null) expect(cell.value, `${year} ${destination}`).toBe(direct);
        if (direct > 0 && direct < 5) expect(cell.value).toBeNull();
      }
    }
    expect(table.total.value).toBe(consented.length);
  });

  it('publishes no table from which a suppressed cell could be worked out', async () => {
    for (const by of ['origin', 'destination', 'sector', 'channel', 'stage', 'state', 'sex']) {
      const { body } = await client(server.baseUrl).get(`/api/v1/public/statistics?by=${by}`);
      const full = [...body.cells.map((row: unknown[], r: number) => [...row, body.rowTotals[r]]), [...body.columnTotals, body.total]];
      for (const row of full) expect(row.filter((c: { value: number | null }) => c.value === null).length, by).not.toBe(1);
      for (let c = 0; c < full[0].length; c += 1) expect(full.filter((row: Array<{ value: number | null }>) => row[c].value === null).length, by).not.toBe(1);
      for (const cell of full.flat()) if (cell.value !== null) expect(cell.value === 0 || cell.value >= 5, by).toBe(true);
    }
  });

  it('answers CSV with a byte-order mark for spreadsheets', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/public/statistics?by=sex&format=csv`);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toMatch(/^year,.*female.*,total$/);
  });
});
