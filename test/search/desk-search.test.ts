// The desk list's search box in a real browser: typed with the keyboard, results with the matches marked.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupComplaint } from '../support/factories';
import { accessibilityProblems, chromiumAvailable, launchBrowser, screenshot } from '../support/browser';
import { organisationWithStaff, startTestServer, testPassword, type TestServer } from '../support/server';

describe.skipIf(!chromiumAvailable)('searching complaints from the desk list, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    staff = await organisationWithStaff(server, 'Thai Trade Union Migrant Desk', 'TH', 'trade_union_centre');
    for (const [name, narrative] of [
      ['สมชาย ใจดี', 'ผมทำงานสวนทุเรียนที่จันทบุรี นายจ้างไม่จ่ายค่าจ้างสามเดือน'],
      ['ហេង សុខា', 'ខ្ញុំធ្វើការនៅកសិដ្ឋានមាន់ ប៉ុន្តែថៅកែមិនបើកប្រាក់ឈ្នួល'],
    ]) {
      const created = await staff.users.desk_officer.client.post(
        '/api/v1/complaints',
        groupComplaint({ complainant: { type: 'worker', name }, workers: [{ name, sex: 'male', languages: ['th'] }], narrative: { text: narrative, language: 'th' } }),
      );
      expect(created.status).toBe(201);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a Thai name typed in Latin letters and a word inside a Thai compound, marking the matches', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await page.goto(`${server.baseUrl}/desk`);
    await page.locator('#email').fill(staff.users.case_manager.email);
    await page.locator('#password').fill(testPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    await page.goto(`${server.baseUrl}/desk/complaints`);

    const box = page.getByRole('searchbox', { name: 'Search complaints' });
    await box.fill('Somchai');
    await box.press('Enter');
    await page.waitForURL(/q=Somchai/);
    const rows = page.locator('table.complaint-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().locator('mark').allInnerTexts()).toEqual(['สมชาย ใจดี']);
    // The results heading takes focus after a search, for screen-reader and keyboard users.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
    await screenshot(page, 'desk-en-search');
    expect(await accessibilityProblems(page)).toEqual([]);

    await box.fill('จ้าง');
    await box.press('Enter');
    await page.waitForURL(/q=/);
    await expect.poll(async () => (await rows.first().locator('mark').allInnerTexts()).join('|'), { timeout: 15_000 }).toContain('จ้าง');
    expect(await rows.count()).toBe(1);

    // Escape empties the box and shows every complaint again.
    await box.press('Escape');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    expect(page.url()).not.toContain('q=');
    await page.close();
  });

  it('filters by dates typed with Buddhist-era years when the desk is in Thai', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' });
    await context.addInitScript(() => localStorage.setItem('lintas.language', 'th'));
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/desk`);
    await page.locator('#email').fill(staff.users.case_manager.email);
    await page.locator('#password').fill(testPassword);
    await page.locator('form button[type="submit"]').click();
    await page.getByTestId('signed-in-as').waitFor();
    await page.goto(`${server.baseUrl}/desk/complaints`);
    const rows = page.locator('table.complaint-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    const today = new Date();
    const tomorrow = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1));
    const typed = `${tomorrow.getUTCDate()}/${tomorrow.getUTCMonth() + 1}/${tomorrow.getUTCFullYear() + 543}`;
    const from = page.locator('#filter-receivedFrom');
    await from.fill(typed);
    await from.press('Tab');
    expect(await from.inputValue()).toBe(typed);
    await page.locator('#filter-receivedFrom').evaluate((input) => (input as HTMLInputElement).form!.requestSubmit());
    await page.waitForURL(new RegExp(`receivedFrom=${tomorrow.toISOString().slice(0, 10)}`));
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(0);
    // Not a date: said so next to the field, in Thai.
    await from.fill('31/4/2569');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    await context.close();
  });
});
