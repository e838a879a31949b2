import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { languages } from '../../src/lib/i18n';
import { groupComplaint } from '../support/factories';
import { accessibilityProblems, chromiumAvailable, launchBrowser, logInToDesk, screenshot } from '../support/browser';
import { importLicenceList, organisationWithStaff, startTestServer, testPassword, type TestServer } from '../support/server';

const burmeseNarrative = 'ကျွန်တော်တို့ သုံးယောက်သည် ငါးဖမ်းလှေပေါ်တွင် လခမရဘဲ ခြောက်လကြာ အလုပ်လုပ်ခဲ့ရသည်။ ပွဲစားက ပတ်စ်ပို့ကို သိမ်းထားသည်။';
const pdf = Buffer.from('%PDF-1.4\nContract of employment\n%%EOF\n');
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

describe.skipIf(!chromiumAvailable)('the desk workspace, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let staff: Awaited<ReturnType<typeof organisationWithStaff>>;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    staff = await organisationWithStaff(server, 'Migrant Worker Resource Centre, Samut Sakhon', 'TH');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function logIn(page: Page, email: string) {
    await page.goto(`${server.baseUrl}/desk`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(testPassword);
    await screenshot(page, 'desk-en-login');
    expect(await accessibilityProblems(page), 'log-in').toEqual([]);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
  }

  const checkAccessibility = async (page: Page, name: string) => expect(await accessibilityProblems(page), name).toEqual([]);

  it('walks a group complaint from intake with a Burmese narrative and evidence to closure, then logs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(page, staff.users.supervisor.email);
    expect(await page.getByTestId('signed-in-as').innerText()).toContain('Supervisor');
    expect(await page.getByTestId('signed-in-as').innerText()).toContain('Samut Sakhon');
    await screenshot(page, 'desk-en-my-work');
    await checkAccessibility(page, 'my work');

    // Intake: three workers, a Burmese narrative, a contract as evidence.
    await page.getByRole('navigation').getByRole('link', { name: 'New complaint' }).click();
    await byId(page, 'f-channel').selectOption('walk_in');
    const workers = [
      ['အောင်ကျော်', 'Aung Kyaw'],
      ['မောင်မောင်', 'Maung Maung'],
      ['ဇော်မင်း', 'Zaw Min'],
    ];
    for (const [index, [name, latin]] of workers.entries()) {
      if (index > 0) await page.locator('#add-worker').click();
      await byId(page, `f-workers.${index}.name`).fill(name);
      await byId(page, `f-workers.${index}.nameLatin`).fill(latin);
      await byId(page, `f-workers.${index}.sex`).selectOption('male');
    }
    await byId(page, 'f-origin').selectOption('MM');
    await byId(page, 'f-destination').selectOption('TH');
    await byId(page, 'f-sector').selectOption('03');
    await byId(page, 'f-stage').selectOption('employment');
    await page.locator('input[aria-describedby="help-unpaid_wages"]').check();
    await page.locator('input[aria-describedby="help-passport_retention"]').check();
    // Facts for the agreement check: Myanmar–Thailand has the 2003 MOU; the ILO baseline covers the passport.
    await byId(page, 'f-rightsFacts.recruitedOn').fill('2024-05-01');
    await byId(page, 'f-rightsFacts.passportHeldBy').selectOption('employer');
    await byId(page, 'f-narrative.languageSelect').selectOption('my');
    await byId(page, 'f-narrative.text').fill(burmeseNarrative);
    for (const consent of ['services', 'shareWithOrganisations', 'statistics']) await byId(page, `f-consent.${consent}`).check();
    await page.locator('#intake-files').setInputFiles({ name: 'contract.pdf', mimeType: 'application/pdf', buffer: pdf });
    await screenshot(page, 'desk-en-intake');
    await checkAccessibility(page, 'intake');
    await page.getByRole('button', { name: 'Register the complaint' }).click();

    const reference = (await page.getByTestId('created-reference').innerText()).trim();
    expect(reference).toMatch(/^TH-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect((await page.getByTestId('created-pin').innerText()).trim()).toMatch(/^\d{6}$/);
    await page.getByText('contract.pdf').first().waitFor();
    await screenshot(page, 'desk-en-complaint-created');

    // Find it in the list.
    await page.getByRole('navigation').getByRole('link', { name: 'Complaints', exact: true }).click();
    await page.getByRole('link', { name: reference }).waitFor();
    await screenshot(page, 'desk-en-list');
    await checkAccessibility(page, 'list');
    await page.getByRole('link', { name: reference }).click();
    await page.getByText(burmeseNarrative).waitFor();
    const rights = page.locator('section[aria-labelledby="rights-heading"]');
    await rights.waitFor();
    expect(await rights.innerText()).toContain('General Principle 11');

    // Through its states, with an outcome.
    await page.getByRole('button', { name: 'Move to In progress' }).click();
    await page.getByRole('button', { name: 'Move to Resolved' }).waitFor();
    await byId(page, 'outcome-type').selectOption('wages_recovered');
    await byId(page, 'outcome-currency').selectOption('THB');
    await byId(page, 'outcome-claimed').fill('54000');
    await byId(page, 'outcome-awarded').fill('40000');
    await byId(page, 'outcome-received').fill('15000');
    await page.getByRole('button', { name: 'Record the outcome' }).click();
    await page.getByRole('button', { name: 'Move to Resolved' }).click();
    await page.getByRole('button', { name: 'Move to Closed' }).click();
    await page.getByRole('button', { name: /Reopen/ }).waitFor();
    await screenshot(page, 'desk-en-complaint-closed');
    await checkAccessibility(page, 'complaint page');

    // What the browser did is what the database holds.
    const list = await staff.users.case_manager.client.get(`/api/v1/complaints?q=${reference}`);
    const detail = await staff.users.case_manager.client.get(`/api/v1/complaints/${list.body.items[0].id}`);
    expect(detail.body).toMatchObject({ state: 'closed', workerCount: 3, origin: 'MM', destination: 'TH', narrative: { text: burmeseNarrative, language: 'my' } });
    expect(detail.body.rightsFacts).toMatchObject({ recruitedOn: '2024-05-01', passportHeldBy: 'employer' });
    expect(detail.body.rightsCheck.findings.find((f: { provisionId: string }) => f.provisionId === 'ilo-documents').status).toBe('breach');
    expect(detail.body.outcomes[0]).toMatchObject({ type: 'wages_recovered', currency: 'THB', claimed: 5_400_000, awarded: 4_000_000, received: 1_500_000 });
    expect(detail.body.evidence[0]).toMatchObject({ filename: 'contract.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length });

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.locator('#email').waitFor();
    await page.goto(`${server.baseUrl}/desk/complaints`);
    await page.locator('#email').waitFor();
    await page.close();
  });

  it('suggests registry agencies as the officer types, links the chosen one and warns when its licence was cancelled', async () => {
    await importLicenceList(server, 'MM', ['"Shwe Yadanar Overseas Employment Agency Co., Ltd.",MM-0777,valid,01/01/2015,31/12/2030']);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, staff.users.desk_officer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'New complaint' }).click();
    await byId(page, 'f-workers.0.name').fill('အောင်ကျော်');
    await byId(page, 'f-workers.0.sex').selectOption('male');
    await byId(page, 'f-origin').selectOption('MM');
    await byId(page, 'f-destination').selectOption('TH');
    await byId(page, 'f-stage').selectOption('pre_departure');
    await page.locator('input[aria-describedby="help-excessive_fees"]').check();
    await byId(page, 'f-narrative.text').fill('ပွဲစားက အခကြေးငွေ အလွန်အကျွံ တောင်းသည်။');
    await byId(page, 'f-consent.services').check();
    await page.locator('#add-respondent').click();
    await byId(page, 'f-respondents.0.type').selectOption('recruitment_agency');
    await byId(page, 'f-respondents.0.name').fill('Shwe Yadanar Overseas');
    await page.locator('#agency-0-choose-0').click();
    await page.locator('#agency-0-chosen').waitFor();
    await screenshot(page, 'desk-en-intake-agency-match');
    await page.getByRole('button', { name: 'Register the complaint' }).click();
    const reference = (await page.getByTestId('created-reference').innerText()).trim();
    const list = await staff.users.case_manager.client.get(`/api/v1/complaints?q=${reference}`);
    const detail = await staff.users.case_manager.client.get(`/api/v1/complaints/${list.body.items[0].id}`);
    await expect.poll(async () => (await staff.users.case_manager.client.get(`/api/v1/complaints/${list.body.items[0].id}`)).body.respondents[0].registry).toBe('linked');
    expect(detail.body.respondents[0].name).toContain('Shwe Yadanar');

    // The regulator cancels the licence; the complaint page now warns.
    const agency = await server.ctx.db.selectFrom('agencies').select('id').where('licence_number', '=', 'MM-0777').executeTakeFirstOrThrow();
    const { recordSanction } = await import('../../src/modules/agencies/oversight');
    await recordSanction(server.ctx, { kind: 'user', userId: staff.users.supervisor.id, organisationId: staff.organisation.id, role: 'system_admin' }, agency.id, { type: 'cancellation', decidedOn: '2020-01-01', decision: 'DOL-12/2020' });
    await page.reload();
    await page.getByTestId('illegal-recruitment-warning').waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'desk-en-complaint-illegal-recruitment');
    await page.close();
  });

  it('says what went wrong where it can be mended: a refused log-in, a missing reason, an e-mail already taken', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.baseUrl}/desk`);
    await page.locator('#email').fill(staff.users.case_manager.email);
    await page.locator('#password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    expect(await page.getByRole('alert').innerText()).toBe('The e-mail address or password is not correct.');
    expect(await page.getByRole('button', { name: 'Log in' }).isEnabled()).toBe(true);

    // A case manager declares a complaint inadmissible without saying why: the reason field says so and takes focus.
    const created = await staff.users.desk_officer.client.post('/api/v1/complaints', groupComplaint());
    await page.locator('#password').fill(testPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('signed-in-as').waitFor();
    await page.goto(`${server.baseUrl}/desk/complaints/${created.body.id}`);
    await page.getByRole('button', { name: 'Move to Inadmissible' }).click();
    await page.getByText('Give a reason for “Inadmissible”.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('transition-reason');
    expect((await staff.users.case_manager.client.get(`/api/v1/complaints/${created.body.id}`)).body.state).toBe('received');
    await byId(page, 'transition-reason').fill('The employer is outside the centre’s mandate.');
    await page.getByRole('button', { name: 'Move to Inadmissible' }).click();
    await expect.poll(async () => (await staff.users.case_manager.client.get(`/api/v1/complaints/${created.body.id}`)).body.state).toBe('inadmissible');
    await page.getByRole('button', { name: 'Log out' }).click();

    // The administrator adds a user whose e-mail address is taken: the server's message stands under the field.
    await logIn(page, staff.users.org_admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Organisation' }).click();
    await byId(page, 'user-name').fill('Second Officer');
    await byId(page, 'user-email').fill(staff.users.desk_officer.email);
    await byId(page, 'user-password').fill(testPassword);
    const usersBefore = (await staff.users.org_admin.client.get(`/api/v1/users?organisationId=${staff.organisation.id}`)).body.items.length;
    await page.getByRole('button', { name: 'Add the user' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('user-email');
    expect(await page.locator('#user-email-error').innerText()).toContain('A user with this e-mail address already exists.');
    expect((await staff.users.org_admin.client.get(`/api/v1/users?organisationId=${staff.organisation.id}`)).body.items).toHaveLength(usersBefore);
    await checkAccessibility(page, 'admin with a refused user');
    await page.close();
  });

  it('shows the organisation page to its administrator', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, staff.users.org_admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Organisation' }).click();
    await page.locator('h1').waitFor();
    await screenshot(page, 'desk-en-admin');
    await checkAccessibility(page, 'admin');
    await page.close();
  });

  for (const language of languages) {
    it(`shows the main desk screens in ${language}, in its fonts, with no serious accessibility problem`, async () => {
      const created = await staff.users.desk_officer.client.post('/api/v1/complaints', groupComplaint({ destination: 'TH' }));
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((lang) => localStorage.setItem('lintas.language', lang), language);
      const page = await context.newPage();
      await logInToDesk(page, server.baseUrl, staff.users.supervisor.email, testPassword);
      for (const [name, url] of [
        ['my-work', '/desk'],
        ['list', '/desk/complaints'],
        ['intake', '/desk/complaints/new'],
        ['complaint', `/desk/complaints/${created.body.id}`],
        ['agencies', '/desk/agencies'],
      ]) {
        await page.goto(`${server.baseUrl}${url}`);
        await page.locator('h1').first().waitFor();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang), { timeout: 10_000 }).toBe(language);
        await page.evaluate(() => document.fonts.ready);
        expect(await accessibilityProblems(page), `${language} ${name}`).toEqual([]);
        await screenshot(page, `desk-${language}-${name}`);
      }
      await context.close();
    });
  }
});

