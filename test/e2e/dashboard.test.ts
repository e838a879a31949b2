import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/modules/demo/seed-demo';
import { accessibilityProblems, chromiumAvailable, launchBrowser, logInToDesk, screenshot } from '../support/browser';
import { client, startTestServer, type TestServer } from '../support/server';

describe.skipIf(!chromiumAvailable)('the dashboard, reports and public statistics, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    await seedDemo(server.ctx, 400);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const logIn = (page: Page, email: string) => logInToDesk(page, server.baseUrl, email, demoPassword);
  const checkAccessibility = async (page: Page, name: string) => expect(await accessibilityProblems(page), name).toEqual([]);
  /** The first bar ECharts drew in a chart (bars are SVG paths in the first colour of the palette). */
  const firstBar = (page: Page, figure: string) => page.locator(`[data-testid="chart-${figure}"] svg path[fill="#0b5d6b"]`).first();

  it('shows the dashboard, and a click on a bar opens the complaints behind it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(page, 'supervisor@kh-mrc.demo');
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Complaints by grievance' }).waitFor();
    await firstBar(page, 'byGrievance').waitFor();
    await screenshot(page, 'dashboard-en');
    await checkAccessibility(page, 'dashboard');

    // What the page shows is what the API answers for the same filters.
    const login = await client(server.baseUrl).post('/api/v1/auth/login', { email: 'supervisor@kh-mrc.demo', password: demoPassword });
    const api = client(server.baseUrl, login.body.token);
    const filters = new URL(page.url()).search || `?from=${await page.locator('#dashboard-from').inputValue()}&to=${await page.locator('#dashboard-to').inputValue()}`;
    const dashboard = (await api.get(`/api/v1/dashboard${filters}`)).body;
    expect(await page.getByTestId('dashboard-summary').innerText()).toContain(String(dashboard.totals.complaints));
    const top = dashboard.byGrievance[0];
    expect(top.complaints).toBeGreaterThan(0);

    // The table behind the chart is its text alternative.
    await page.locator('[data-figure="byGrievance"] summary').click();
    const firstRow = page.locator('[data-figure="byGrievance"] tbody tr').first();
    expect(await firstRow.locator('td').first().innerText()).toBe(String(top.complaints));

    // Clicking the largest bar opens the complaint list filtered to it, with as many complaints as the bar counts.
    await firstBar(page, 'byGrievance').click();
    await page.waitForURL(/\/desk\/complaints\?/);
    const query = new URL(page.url()).searchParams;
    expect(query.get('grievance')).toBe(top.code);
    expect(query.get('receivedFrom')).toBe(dashboard.scope.from);
    await page.getByRole('heading', { name: 'Complaints', level: 1 }).waitFor();
    await page.locator('#results-heading').getByText(/complaint/).waitFor();
    await screenshot(page, 'dashboard-en-click-through-list');
    let listed = 0;
    let cursor: string | null = null;
    do {
      const pageOfList: { body: { items: unknown[]; nextCursor: string | null } } = await api.get(`/api/v1/complaints?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      listed += pageOfList.body.items.length;
      cursor = pageOfList.body.nextCursor;
    } while (cursor);
    expect(listed).toBe(top.complaints);

    // A figure over workers or outcomes opens its list too: the list's filter form shows what was chosen.
    await page.goBack();
    await page.locator('[data-figure="bySex"] summary').click();
    const sexLink = page.locator('[data-figure="bySex"] tbody a').first();
    await sexLink.click();
    await page.waitForURL(/\/desk\/complaints\?/);
    const sex = new URL(page.url()).searchParams.get('sex');
    expect(sex).toBe(dashboard.bySex[0].code);
    await page.getByRole('heading', { name: 'Complaints', level: 1 }).waitFor();
    expect(await page.locator('#filter-sex').inputValue()).toBe(sex);
    await page.close();
  });

  it('opens the twice-yearly report, prints it with SVG charts and offers the workbook', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(page, 'supervisor@kh-mrc.demo');
    await page.goto(`${server.baseUrl}/desk/reports`);
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await checkAccessibility(page, 'reports');
    await page.locator('#mrc-half').selectOption('2');
    await page.locator('form[aria-labelledby="report-mrc"]').getByRole('button', { name: 'Open the report' }).click();
    await page.getByRole('heading', { level: 1, name: /Migrant worker resource centre report, July–December/ }).waitFor();
    await firstBar(page, 'byGrievance').waitFor();
    await screenshot(page, 'report-mrc-en');
    await checkAccessibility(page, 'report');
    // Charts are SVG (sharp in print); every table is there to print.
    expect(await page.locator('[data-testid="chart-overTime"] svg').count()).toBe(1);
    expect(await page.locator('[data-figure="byGrievance"] table').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    await screenshot(page, 'report-mrc-en-print');
    await page.emulateMedia({ media: 'screen' });

    const href = await page.getByRole('link', { name: /Download as a spreadsheet/ }).getAttribute('href');
    const workbook = await page.request.get(`${server.baseUrl}${href}`);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-type']).toContain('spreadsheetml');
    expect((await workbook.body()).subarray(0, 2).toString()).toBe('PK'); // a zip, as XLSX files are
    await page.close();
  });

  it('gives an analyst the figures without the way into the complaints behind them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(page, 'analyst@kh-mrc.demo');
    await page.goto(`${server.baseUrl}/desk/dashboard`);
    await firstBar(page, 'byGrievance').waitFor();
    await page.locator('[data-figure="byGrievance"] summary').click();
    expect(await page.locator('.figures a[href^="/desk/complaints"]').count()).toBe(0);
    expect(await page.locator('[data-testid="dashboard-summary"] a').count()).toBe(0);
    await firstBar(page, 'byGrievance').click();
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/desk/dashboard');
    await screenshot(page, 'dashboard-en-analyst');
    await page.close();
  });

  it('shows the dashboard in Khmer, in its fonts', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => localStorage.setItem('lintas.language', 'km'));
    const page = await context.newPage();
    await logIn(page, 'supervisor@kh-mrc.demo');
    await page.goto(`${server.baseUrl}/desk/dashboard`);
    await page.getByRole('heading', { name: 'បណ្ដឹងតាមបញ្ហាត្អូញត្អែរ' }).waitFor();
    await firstBar(page, 'byGrievance').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await checkAccessibility(page, 'dashboard km');
    await screenshot(page, 'dashboard-km');
    await context.close();
  });

  it('publishes the statistics page with small numbers hidden and the method explained', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    await page.goto(`${server.baseUrl}/statistics`);
    await page.getByRole('heading', { name: 'Complaint statistics', level: 1 }).waitFor();
    await page.locator('table.statistics-table tbody tr').first().waitFor();
    await page.getByRole('heading', { name: 'How these figures protect people' }).waitFor();
    const published = (await client(server.baseUrl).get('/api/v1/public/statistics?by=destination')).body;
    expect(await page.locator('table.statistics-table tfoot td').last().innerText()).toBe(published.total.value === null ? 'hidden' : new Intl.NumberFormat('en').format(published.total.value));
    const hiddenCells = published.cells.flat().filter((cell: { value: number | null }) => cell.value === null).length;
    expect(await page.locator('table.statistics-table tbody td', { hasText: /^hidden$/ }).count()).toBe(hiddenCells + published.rowTotals.filter((c: { value: number | null }) => c.value === null).length);
    await page.locator('#statistics-by').selectOption('sex');
    await page.getByRole('columnheader', { name: 'Female' }).waitFor();
    await checkAccessibility(page, 'statistics');
    await screenshot(page, 'public-en-statistics');
    await page.close();
  });
});
