import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, chromiumAvailable, launchBrowser, logInToDesk, screenshot } from '../support/browser';
import { organisationWithStaff, startTestServer, testPassword, type TestServer } from '../support/server';

const upload = path.resolve(__dirname, '../fixtures/exchange/desk-upload.csv');
const licenceList = path.resolve(__dirname, '../fixtures/agencies/licences-id.csv');

describe.skipIf(!chromiumAvailable)('importing complaints from a spreadsheet in the desk, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    staff = await organisationWithStaff(server, 'Migrant Worker Resource Centre, Mae Sot', 'TH');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('checks a CSV, shows the bad row by line and reason, imports the good rows and lists them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    await logInToDesk(page, server.baseUrl, staff.users.supervisor.email, testPassword);

    await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import complaints' }).waitFor();
    // Importing is offered only after a check of the same file and columns.
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.locator('#import-file').setInputFiles(upload);
    await page.getByRole('button', { name: 'Check the file' }).click();

    const report = page.getByTestId('import-report');
    await report.getByRole('heading', { name: 'Result of the check' }).waitFor();
    expect(await report.getByTestId('import-count').innerText()).toBe('2');
    const badRow = report.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '3', exact: true }) });
    expect(await badRow.innerText()).toContain('Grievances: “kucing” is not a known value');
    // The columns were recognised from the English headers.
    expect(await page.locator('[id="import-column-workerNames"]').inputValue()).toBe('Worker names');
    expect(await page.locator('[id="import-column-reference"]').inputValue()).toBe('Reference');
    expect(await server.ctx.db.selectFrom('complaints').select('id').execute()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'desk-import-check');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await report.getByRole('heading', { name: 'Result of the import' }).waitFor();
    expect(await report.getByTestId('import-count').innerText()).toBe('2');
    await screenshot(page, 'desk-import-done');

    await report.getByRole('link', { name: 'See the complaints' }).click();
    await page.getByRole('heading', { name: /2 complaints/ }).waitFor();
    const references = (await server.ctx.db.selectFrom('complaints').select('reference').orderBy('received_at').execute()).map((r) => r.reference);
    expect(references).toHaveLength(2);
    for (const reference of references) await page.getByRole('link', { name: reference }).waitFor();
    await screenshot(page, 'desk-import-list');

    // The list's download link gives the same complaints back as a de-identified CSV.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-buttons').getByRole('link', { name: 'CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    for (const reference of references) expect(text).toContain(reference);
    expect(text).not.toContain('Sokha Chan');
    await page.close();
  }, 120_000);

  it("checks an official licence list with its bad rows by line and reason, then adds the agencies to the registry", async () => {
    const { createUser } = await import('../../src/modules/users/service');
    const email = 'registry@node.example.org';
    await createUser(server.ctx, { kind: 'system' }, { email, name: 'Registry keeper', role: 'system_admin', organisationId: staff.organisation.id, password: testPassword });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await page.goto(`${server.baseUrl}/desk/agencies/import`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(testPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Import a licence list' }).waitFor();

    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.locator('#import-file').setInputFiles(licenceList);
    await page.locator('#import-country').selectOption('ID');
    await page.getByRole('button', { name: 'Check the list' }).click();
    await page.getByRole('heading', { name: 'Result of the check' }).waitFor();
    // The fixture's four bad rows, each on its line with its reason; nothing saved yet.
    const rejected = page.getByRole('table', { name: '4 rows rejected' });
    expect(await rejected.getByRole('row').count()).toBe(1 + 4);
    expect(await server.ctx.db.selectFrom('agencies').select('id').execute()).toEqual([]);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'desk-agency-import-check');

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'List imported' }).waitFor();
    expect((await server.ctx.db.selectFrom('agencies').select('id').execute()).length).toBe(40 - 4);
    await page.close();
  }, 120_000);
});
