import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, seedDemo } from '../../src/modules/demo/seed-demo';
import { accessibilityProblems, chromiumAvailable, launchBrowser, logInToDesk, screenshot } from '../support/browser';
import { groupComplaint } from '../support/factories';
import { repositoryRoot } from '../support/process';
import { client, startTestServer, type TestServer } from '../support/server';

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);
const question = 'Which plantation in Johor, and is the employer still paying the other workers?';
const answer = 'Ladang Sawit near Kota Tinggi; the others are paid late but paid.';

describe.skipIf(!chromiumAvailable)('referrals between organisations and the public directory, in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let complaint: { id: string; reference: string; pin: string };
  let referralId: string;
  const api = async (email: string) => client(server.baseUrl, (await client(server.baseUrl).post('/api/v1/auth/login', { email, password: demoPassword })).body.token);

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    await seedDemo(server.ctx, 40);
    browser = await launchBrowser();
    // A fresh case at the Prey Veng centre: seven Cambodian plantation workers in Johor, consent to share given.
    const created = await (await api('desk@kh-mrc.demo')).post('/api/v1/complaints', groupComplaint());
    expect(created.status).toBe(201);
    complaint = created.body;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const logIn = (page: Page, email: string) => logInToDesk(page, server.baseUrl, email, demoPassword);
  const checkAccessibility = async (page: Page, name: string) => expect(await accessibilityProblems(page), name).toEqual([]);

  it('refers a complaint from its page; the receiver asks a question and accepts; the sender sees it all', async () => {
    // The Cambodian case manager finds legal aid in Johor, in Burmese-or-any language, and refers the case.
    const sender = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(sender, 'case@kh-mrc.demo');
    await sender.goto(`${server.baseUrl}/desk/complaints/${complaint.id}`);
    await sender.getByTestId('refer-panel').getByText('This complaint has not been sent to another organisation.').waitFor();
    await sender.getByRole('button', { name: 'Refer or transfer this complaint' }).click();
    await byId(sender, 'refer-toOrganisationId-filter-service').selectOption('legal_aid');
    await byId(sender, 'refer-toOrganisationId-filter-country').selectOption('MY');
    await byId(sender, 'refer-toOrganisationId-filter-subdivision').selectOption('MY-01');
    await sender.getByTestId('refer-toOrganisationId-search').click();
    const union = sender.getByRole('radio', { name: 'Trade Union Migrant Desk, Johor Bahru (demo)' });
    await union.waitFor();
    // Only organisations offering legal aid in Johor are offered, and never the sender itself.
    const offered = await sender.locator('.directory-results label').allInnerTexts();
    expect(offered.map((s) => s.trim()).sort()).toEqual(['Johor Migrant Legal Aid Clinic (demo)', 'Trade Union Migrant Desk, Johor Bahru (demo)']);
    await union.check();
    await sender.getByRole('radio', { name: /^Referral/ }).check();
    await byId(sender, 'refer-reason').fill('Please take up the unpaid wages with the plantation in Johor.');
    await byId(sender, 'refer-share-respondents').check();
    await screenshot(sender, 'referrals-en-refer-form');
    await checkAccessibility(sender, 'complaint page with the referral form');
    await sender.getByRole('button', { name: 'Send the referral' }).click();
    await sender.getByText('Referral sent to Trade Union Migrant Desk, Johor Bahru (demo).').waitFor();
    const row = sender.getByTestId('refer-panel').getByRole('link', { name: complaint.reference });
    await row.waitFor();
    // The timeline says it in words, with a link to the referral.
    await sender.locator('.timeline').getByText('Referral sent').waitFor();

    const outgoing = await (await api('case@kh-mrc.demo')).get(`/api/v1/referrals?direction=outgoing&complaintId=${complaint.id}`);
    expect(outgoing.body.items).toHaveLength(1);
    referralId = outgoing.body.items[0].id;
    const stored = await (await api('case@kh-mrc.demo')).get(`/api/v1/referrals/${referralId}`);
    expect(stored.body).toMatchObject({ kind: 'referral', state: 'pending', sharedFields: ['narrative', 'respondents'], hideReceiverFromWorker: false });

    // The Johor union's supervisor sees it waiting, in the navigation and in the incoming list.
    const receiver = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(receiver, 'supervisor@my-tu.demo');
    await receiver.getByTestId('nav-referrals').getByText('1 waiting').waitFor();
    await receiver.getByTestId('nav-referrals').click();
    await receiver.getByRole('heading', { name: 'Referrals', level: 1 }).waitFor();
    await receiver.getByRole('link', { name: complaint.reference }).waitFor();
    await screenshot(receiver, 'referrals-en-incoming');
    await checkAccessibility(receiver, 'incoming referrals');
    await receiver.getByRole('link', { name: complaint.reference }).click();
    await receiver.getByRole('heading', { name: `Referral of complaint ${complaint.reference}` }).waitFor();
    // Only what was shared: the account and the respondents, not the workers' names or passports.
    const shared = await receiver.getByTestId('shared-case').innerText();
    expect(shared).toContain('Ladang Sawit Johor Sdn Bhd');
    expect(shared).not.toMatch(/N01234560|Sokha/);
    await checkAccessibility(receiver, 'incoming referral page');

    await byId(receiver, 'message-body').fill(question);
    await receiver.getByRole('button', { name: 'Send', exact: true }).click();
    await receiver.getByText('Message sent.').waitFor();
    await receiver.getByTestId('referral-history').getByText(question).waitFor();
    await byId(receiver, 'accept-note').fill('We will write to the plantation this week.');
    await receiver.getByRole('button', { name: 'Accept', exact: true }).click();
    await receiver.getByText('Referral accepted. The sender has been told.').waitFor();
    expect(await receiver.getByTestId('referral-state').innerText()).toContain('Accepted');
    await screenshot(receiver, 'referrals-en-accepted-by-receiver');
    await checkAccessibility(receiver, 'accepted referral, receiver');

    // The sender sees the answer and the thread, and answers the question.
    await sender.goto(`${server.baseUrl}/desk/referrals?direction=outgoing`);
    await sender.getByRole('link', { name: complaint.reference }).click();
    await sender.getByRole('heading', { name: `Referral of complaint ${complaint.reference}` }).waitFor();
    expect(await sender.getByTestId('referral-state').innerText()).toContain('Accepted');
    const history = sender.getByTestId('referral-history');
    await history.getByText(question).waitFor();
    await history.getByText('We will write to the plantation this week.').waitFor();
    await byId(sender, 'message-body').fill(answer);
    await sender.getByRole('button', { name: 'Send', exact: true }).click();
    await history.getByText(answer).waitFor();
    await screenshot(sender, 'referrals-en-accepted-seen-by-sender');
    await checkAccessibility(sender, 'accepted referral, sender');

    const seen = await (await api('supervisor@my-tu.demo')).get(`/api/v1/referrals/${referralId}`);
    expect(seen.body.state).toBe('accepted');
    expect(seen.body.events.map((e: { type: string; body: string | null }) => [e.type, e.body])).toEqual([
      ['sent', 'Please take up the unpaid wages with the plantation in Johor.'],
      ['message', question],
      ['accepted', 'We will write to the plantation this week.'],
      ['message', answer],
    ]);

    // The worker's tracking page names the organisation and says it agreed to help.
    const worker = await browser.newPage({ viewport: { width: 360, height: 800 }, locale: 'en-GB' });
    await worker.goto(`${server.baseUrl}/track?reference=${complaint.reference}`);
    await byId(worker, 'f-pin').fill(complaint.pin);
    await worker.getByRole('button', { name: 'Check' }).click();
    const tracked = worker.getByTestId('track-referrals');
    await tracked.waitFor();
    expect(await tracked.innerText()).toContain('Trade Union Migrant Desk, Johor Bahru (demo) (Malaysia) agreed to help with your complaint.');
    await screenshot(worker, 'referrals-en-track');
    await Promise.all([sender.close(), receiver.close(), worker.close()]);
  }, 240_000);

  it('shows an API error in the reader’s language, and the consent notice when the worker did not consent', async () => {
    const noConsent = await (await api('desk@kh-mrc.demo')).post('/api/v1/complaints', groupComplaint({ consent: { services: true, shareWithOrganisations: false, statistics: true } }));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(page, 'case@kh-mrc.demo');
    await page.goto(`${server.baseUrl}/desk/complaints/${noConsent.body.id}`);
    await page.getByRole('button', { name: 'Refer or transfer this complaint' }).click();
    // A case manager is told to ask the worker or a supervisor; there is no form to send.
    await page.getByTestId('no-consent').getByText('The worker did not consent to sharing').waitFor();
    expect(await page.getByRole('button', { name: 'Send the referral' }).count()).toBe(0);
    await page.close();

    // A supervisor may override, with a reason. The API's refusals reach the page in the reader's language: here a
    // second transfer while one is still waiting, for a supervisor reading Khmer.
    const supervisorApi = await api('supervisor@kh-mrc.demo');
    const union = (await supervisorApi.get('/api/v1/directory?q=Johor%20Bahru')).body.items[0];
    const first = await supervisorApi.post(`/api/v1/complaints/${noConsent.body.id}/referrals`, {
      toOrganisationId: union.id, kind: 'transfer', reason: 'The workers are now in Johor.', share: ['narrative', 'workers'], consentOverride: { reason: 'The workers are locked in and asked for help by phone.' },
    });
    expect(first.status).toBe(201);
    const supervisor = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(supervisor, 'supervisor@kh-mrc.demo');
    await supervisor.evaluate(() => localStorage.setItem('lintas.language', 'km'));
    await supervisor.goto(`${server.baseUrl}/desk/complaints/${noConsent.body.id}`);
    await supervisor.locator('#refer-heading').waitFor();
    await supervisor.locator('[data-testid="refer-panel"] > .actions button').click();
    await supervisor.getByTestId('no-consent').waitFor();
    await supervisor.locator('.directory-results input[type="radio"]').first().check();
    await byId(supervisor, 'refer-kind-transfer').check();
    await byId(supervisor, 'refer-reason').fill('Urgent: the workers are locked in.');
    await byId(supervisor, 'refer-override').check();
    await byId(supervisor, 'refer-consentOverride-reason').fill('The workers are locked in and cannot be asked again.');
    await supervisor.locator('#refer-form button[type="submit"]').click();
    const khmer = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'locales/km/server.json'), 'utf8')) as { errors: Record<string, string> };
    await supervisor.locator('.error-summary').getByText(khmer.errors.transfer_pending).waitFor();
    await screenshot(supervisor, 'referrals-km-error');
    await checkAccessibility(supervisor, 'referral form with an error, in Khmer');
    // As a referral (the sender keeps the case) it goes, with the override recorded.
    await byId(supervisor, 'refer-kind-referral').check();
    await supervisor.locator('#refer-form button[type="submit"]').click();
    await supervisor.locator('.error-summary').waitFor({ state: 'detached' });
    await supervisor.getByRole('status').filter({ hasText: /[\u1780-\u17FF]/ }).first().waitFor();
    const referrals = await supervisorApi.get(`/api/v1/referrals?direction=outgoing&complaintId=${noConsent.body.id}`);
    expect(referrals.body.items.map((r: { kind: string }) => r.kind).sort()).toEqual(['referral', 'transfer']);
    const made = referrals.body.items.find((r: { kind: string }) => r.kind === 'referral');
    const detail = await supervisorApi.get(`/api/v1/referrals/${made.id}`);
    expect(detail.body.consentOverride).toMatchObject({ reason: 'The workers are locked in and cannot be asked again.', by: 'Vannak Prak' });
    await screenshot(supervisor, 'referrals-km-consent-override');
    await supervisor.close();
  }, 240_000);

  it('lets an organisation administrator edit the directory profile, with the API\'s field errors shown', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await logIn(page, 'admin@kh-mrc.demo');
    await page.goto(`${server.baseUrl}/desk/admin`);
    await page.getByRole('heading', { name: 'Directory profile' }).waitFor();
    await byId(page, 'profile-services-legal_aid').check();
    await page.locator('#profile-add-area').click();
    await byId(page, 'profile-areas-1-country').selectOption('KH');
    await byId(page, 'profile-areas-1-subdivision').fill('TH-10'); // not a Cambodian region: refused by the API
    await byId(page, 'profile-areas-1-name').fill('Svay Rieng');
    await page.locator('#profile-add-focal').click();
    await byId(page, 'profile-focalPoints-1-name').fill('Chanthy Mao');
    await byId(page, 'profile-focalPoints-1-role').fill('Legal officer');
    await byId(page, 'profile-focalPoints-1-languages-th').check();
    await page.getByRole('button', { name: 'Save the directory profile' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await byId(page, 'profile-areas-1-subdivision').getAttribute('aria-invalid')).toBe('true');
    await checkAccessibility(page, 'directory profile with an error');
    await byId(page, 'profile-areas-1-subdivision').fill('KH-20');
    await page.getByRole('button', { name: 'Save the directory profile' }).click();
    await page.getByText('Directory profile saved. It is shown in the public directory.').waitFor();
    await screenshot(page, 'referrals-en-directory-profile');
    await checkAccessibility(page, 'directory profile');

    const saved = (await (await api('admin@kh-mrc.demo')).get(`/api/v1/directory?q=Prey%20Veng`)).body.items[0];
    expect(saved.profile.services).toContain('legal_aid');
    expect(saved.profile.areas).toContainEqual({ country: 'KH', subdivision: 'KH-20', name: 'Svay Rieng' });
    expect(saved.profile.focalPoints).toContainEqual({ name: 'Chanthy Mao', role: 'Legal officer', languages: ['th'] });
    // Workers now find the centre when they look for legal aid in Svay Rieng.
    const found = await client(server.baseUrl).get('/api/v1/public/directory?service=legal_aid&area=KH-20');
    expect(found.body.items.map((o: { name: string }) => o.name)).toEqual([saved.name]);
    await page.close();
  }, 240_000);

  it('finds help in Burmese on the public page at 360 px, as the public directory answers', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 800 }, locale: 'my-MM' });
    await page.goto(`${server.baseUrl}/help`);
    await page.locator('html[lang="my"]').waitFor();
    await page.getByTestId('help-found').waitFor();
    expect(await page.locator('#help-language').inputValue()).toBe('my');
    await page.locator('#help-service').selectOption('legal_aid');
    await page.locator('#help-country').selectOption('MY');
    await page.locator('#help-area').selectOption('MY-01');
    const expected = (await client(server.baseUrl).get('/api/v1/public/directory?service=legal_aid&area=MY-01&language=my')).body.items.map((o: { name: string }) => o.name);
    expect(expected.length).toBeGreaterThan(0);
    await page.waitForFunction((count) => document.querySelectorAll('.org-list > li').length === count, expected.length);
    expect(await page.locator('.org-list h3').allInnerTexts()).toEqual(expected);
    // A focal point who speaks Burmese is named, with the organisation's contacts.
    const text = await page.locator('.org-list').innerText();
    expect(text).toContain('Ko Min Thu');
    expect(text).toMatch(/[\u1000-\u109F]/);
    await screenshot(page, 'referrals-my-help-360');
    await checkAccessibility(page, 'public help page in Burmese at 360 px');
    await page.close();
  }, 240_000);
});
