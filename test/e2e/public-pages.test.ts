import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../src/lib/i18n';
import { accessibilityProblems, chromiumAvailable, launchBrowser, screenshot } from '../support/browser';
import { importLicenceList, organisationWithStaff, startTestServer, type TestServer } from '../support/server';

describe.skipIf(!chromiumAvailable)('the public pages for workers, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    staff = await organisationWithStaff(server, 'Migrant Worker Resource Centre, Prey Veng', 'KH');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const phone = () => browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'km-KH' });

  it('lets a worker file a complaint in Khmer on a small phone, get a reference and PIN, and follow it', async () => {
    const page = await phone();
    await page.goto(`${server.baseUrl}/`);
    // The browser asks for Khmer: the page is in Khmer, in a Khmer font.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 }).toBe('km');
    expect(await page.locator('h1').innerText()).toMatch(/[\u1780-\u17FF]/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'public-km-home');

    await page.goto(`${server.baseUrl}/complaint`);
    await page.locator('#f-workers-0-name').fill('សុខា ចាន់');
    await page.locator('#f-workers-0-sex-female').check();
    await page.locator('#f-origin').selectOption('KH');
    await page.locator('#f-destination').selectOption('TH');
    await page.locator('#f-stage-employment').check();
    await page.locator('#f-grievances-unpaid_wages').check();
    await page.locator('#f-grievances-passport_retention').check();
    await page.locator('#f-narrative-text').fill('និយោជកមិនបានបើកប្រាក់ខែឱ្យខ្ញុំបីខែហើយ ហើយរក្សាលិខិតឆ្លងដែនរបស់ខ្ញុំ។');
    await page.locator('#f-consent-services').check();
    await screenshot(page, 'public-km-complaint-form');
    await page.locator('button[type=submit]').click();

    const reference = (await page.getByTestId('reference').innerText()).trim();
    const pin = (await page.getByTestId('pin').innerText()).trim();
    expect(reference).toMatch(/^KH-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(pin).toMatch(/^\d{6}$/);
    await screenshot(page, 'public-km-complaint-filed');

    // The desk of the organisation it was routed to sees it, with the narrative as written.
    const list = await staff.users.case_manager.client.get('/api/v1/complaints?channel=online');
    const filed = list.body.items.find((c: { reference: string }) => c.reference === reference);
    expect(filed).toMatchObject({ origin: 'KH', destination: 'TH', grievances: ['unpaid_wages', 'passport_retention'] });
    const detail = await staff.users.case_manager.client.get(`/api/v1/complaints/${filed.id}`);
    expect(detail.body.narrative.language).toBe('km');
    expect(detail.body.workers[0].name).toBe('សុខា ចាន់');

    await page.goto(`${server.baseUrl}/track`);
    await page.locator('input').first().fill(reference);
    await page.locator('input[inputmode=numeric]').fill(pin);
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('track-state').innerText()).toMatch(/[\u1780-\u17FF]/);
    await screenshot(page, 'public-km-track');
    await page.close();
  });

  it('refuses an incomplete form with messages next to the fields, and sends nothing', async () => {
    const page = await phone();
    await page.goto(`${server.baseUrl}/complaint`);
    const before = (await staff.users.case_manager.client.get('/api/v1/complaints?channel=online')).body.items.length;
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[aria-invalid=true]').count()).toBeGreaterThan(3);
    expect(await page.locator('[role=alert]').first().innerText()).toMatch(/[\u1780-\u17FF]/);
    const after = (await staff.users.case_manager.client.get('/api/v1/complaints?channel=online')).body.items.length;
    expect(after).toBe(before);
    await page.close();
  });

  it('tells an Indonesian domestic worker in Malaysia her rights under the 2011 Protocol, and says where they come from', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.addInitScript(() => localStorage.setItem('lintas.language', 'id'));
    await page.goto(`${server.baseUrl}/rights?origin=ID&destination=MY&sector=domestic_work`);
    await page.getByText('Protocol', { exact: false }).first().waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('30 May 2011');
    expect(text).toMatch(/paspor/i);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'public-id-rights-id-my');
    await page.close();
  });

  it('says when the network failed and looks again on "Try again"; a slow answer to an older search never replaces a newer one', async () => {
    await importLicenceList(server, 'KH', ['"Sokha Slow Answer Co., Ltd.",KH-0901,valid,01/01/2015,31/12/2030']);

    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'en-GB' });
    let failNext = true;
    await page.route('**/api/v1/public/agencies?*', async (route) => {
      const q = new URL(route.request().url()).searchParams.get('q');
      if (failNext) {
        failNext = false;
        await route.abort('internetdisconnected');
        return;
      }
      if (q === 'Sokha Slow Answer') await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue().catch(() => undefined);
    });
    await page.goto(`${server.baseUrl}/agencies?q=${encodeURIComponent('Sokha Slow Answer')}`);
    await page.getByText('We could not reach Lintas. Check your internet and try again.').waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('KH-0901').waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    // Asked again (1.5 s to answer), then a newer search answered at once: the page keeps the newer answer.
    await page.locator('#f-q').fill('Sokha Slow Answer');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('Searching…').waitFor();
    await page.locator('#f-q').fill('Nobody Manpower');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(/^No agency found with this name/).waitFor();
    await page.waitForTimeout(2000);
    expect(await page.getByText('KH-0901').count()).toBe(0);
    expect(await page.getByText(/^No agency found with this name/).count()).toBe(1);
    await page.close();
  });

  it('looks up an agency by name and shows a cancelled licence as a warning, in Khmer', async () => {
    await importLicenceList(server, 'KH', ['"Ponleu Meas Manpower Co., Ltd.",KH-0042,cancelled,01/01/2015,31/12/2030']);
    const page = await phone();
    await page.addInitScript(() => localStorage.setItem('lintas.language', 'km'));
    await page.goto(`${server.baseUrl}/agencies?q=${encodeURIComponent('Ponleu Meas Manpower')}`);
    await page.getByText('KH-0042').waitFor();
    expect(await page.locator('[role=alert]').first().innerText()).toMatch(/[\u1780-\u17FF]/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'public-km-agency-lookup');
    await page.close();
  });

  for (const language of languages) {
    it(`shows every public page in ${language}, readable at 360 px, with no serious accessibility problem`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.addInitScript((lang) => localStorage.setItem('lintas.language', lang), language);
      for (const path of ['/', '/complaint', '/track', '/rights', '/agencies', '/help']) {
        await page.goto(`${server.baseUrl}${path}`);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 }).toBe(language);
        await page.locator('h1').first().waitFor();
        await page.evaluate(() => document.fonts.ready);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} is wider than the phone`).toBeLessThanOrEqual(360);
        expect(await accessibilityProblems(page), `${language} ${path}`).toEqual([]);
        await screenshot(page, `public-${language}${path === '/' ? '-home' : path.replace('/', '-')}`);
      }
      await page.close();
    });
  }
});
