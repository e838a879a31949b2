import type { AppContext } from '../../context';
import type { OrganisationTable } from '../../db/schema';
import type { Role, UserActor } from '../auth/actor';
import { recordEvent, recordOutcome, registerComplaint, transitionComplaint, assignComplaint } from '../complaints/service';
import type { ComplaintInput } from '../complaints/schema';
import { createOrganisation } from '../organisations/service';
import type { OrganisationInput } from '../organisations/schema';
import { seedSynthetic } from '../synthetic/seed-synthetic';
import { createUser } from '../users/service';
import { actOnReferral, createReferral } from '../referrals/service';

export const demoPassword = 'lintas-demo-2026';

const weekdays = 'Mon–Fri 08:00–17:00';
const demoOrganisations: Array<OrganisationInput & { key: string }> = [
  {
    key: 'kh-mrc', name: 'Migrant Worker Resource Centre, Prey Veng (demo)', type: 'migrant_resource_centre', country: 'KH', languages: ['km', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: true,
    profile: {
      description: 'Information before departure, counselling and help with complaints against recruitment agencies and employers abroad.',
      services: ['information', 'counselling', 'conciliation'], areas: [{ country: 'KH', subdivision: 'KH-14', name: 'Prey Veng' }], hours: weekdays,
      contacts: { phone: '+855 43 210 000', hotline: '1280', address: 'Provincial Department of Labour, Prey Veng' }, focalPoints: [{ name: 'Sophea Chan', role: 'Desk officer', languages: ['km', 'en'] }], listed: true,
    },
  },
  {
    key: 'kh-tu', name: 'Trade Union Migrant Desk, Phnom Penh (demo)', type: 'trade_union_centre', country: 'KH', languages: ['km', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false,
    profile: { services: ['information', 'counselling', 'conciliation'], areas: [{ country: 'KH', subdivision: 'KH-12', name: 'Phnom Penh' }], hours: weekdays, contacts: { phone: '+855 23 990 000' }, focalPoints: [], listed: true },
  },
  {
    key: 'my-tu', name: 'Trade Union Migrant Desk, Johor Bahru (demo)', type: 'trade_union_centre', country: 'MY', languages: ['ms', 'en', 'id', 'my'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: true,
    profile: {
      description: 'Union help for migrant workers in Johor: unpaid wages, passports kept by employers, dismissal.',
      services: ['information', 'counselling', 'conciliation', 'legal_aid'], areas: [{ country: 'MY', subdivision: 'MY-01', name: 'Johor' }], hours: 'Mon–Sat 09:00–18:00',
      contacts: { phone: '+60 7 220 0000', email: 'migrants@my-tu.demo', address: 'Jalan Tebrau, Johor Bahru' },
      focalPoints: [{ name: 'Nurul Aziz', role: 'Migrant desk officer', languages: ['ms', 'en', 'id'] }, { name: 'Ko Min Thu', role: 'Burmese-speaking organiser', languages: ['my', 'en'] }], listed: true,
    },
  },
  {
    key: 'th-mrc', name: 'Migrant Worker Resource Centre, Samut Sakhon (demo)', type: 'migrant_resource_centre', country: 'TH', languages: ['th', 'my', 'km', 'lo', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: true,
    profile: {
      services: ['information', 'counselling', 'conciliation', 'repatriation_support'], areas: [{ country: 'TH', subdivision: 'TH-74', name: 'Samut Sakhon' }], hours: 'Daily 08:00–20:00',
      contacts: { phone: '+66 34 000 000', hotline: '1694' }, focalPoints: [{ name: 'Suda Wongsa', role: 'Case manager', languages: ['th', 'en'] }], listed: true,
    },
  },
  {
    key: 'kh-attache', name: 'Labour Attaché, Embassy of Cambodia, Kuala Lumpur (demo)', type: 'labour_attache', country: 'MY', languages: ['km', 'ms', 'en'], firstActionDays: 7, resolutionDays: 60, acceptsPublicComplaints: false,
    profile: { services: ['consular_help', 'repatriation_support', 'conciliation', 'information'], areas: [{ country: 'MY' }], hours: weekdays, contacts: { phone: '+60 3 4200 0000' }, focalPoints: [], listed: true },
  },
  {
    key: 'th-legal', name: 'Migrant Legal Aid Network, Bangkok (demo)', type: 'legal_aid', country: 'TH', languages: ['th', 'my', 'en'], firstActionDays: 14, resolutionDays: 180, acceptsPublicComplaints: false,
    profile: {
      services: ['legal_aid', 'counselling'],
      areas: [{ country: 'TH', subdivision: 'TH-10', name: 'Bangkok' }, { country: 'TH', subdivision: 'TH-74', name: 'Samut Sakhon' }, { country: 'TH', subdivision: 'TH-50', name: 'Chiang Mai' }],
      hours: weekdays, contacts: { phone: '+66 2 000 0000' }, focalPoints: [], listed: true,
    },
  },
  // Organisations in the directory only (no users in the demo): the kinds the 2015 AFML paper names.
  {
    key: 'my-legal-johor', name: 'Johor Migrant Legal Aid Clinic (demo)', type: 'legal_aid', country: 'MY', languages: ['ms', 'en', 'my'], firstActionDays: 14, resolutionDays: 180, acceptsPublicComplaints: false,
    profile: { services: ['legal_aid', 'conciliation'], areas: [{ country: 'MY', subdivision: 'MY-01', name: 'Johor' }], hours: 'Tue and Thu 10:00–16:00', contacts: { phone: '+60 7 330 0000' }, focalPoints: [{ name: 'Daw Hnin Wai', role: 'Paralegal', languages: ['my'] }], listed: true },
  },
  {
    key: 'my-shelter', name: 'Migrant Women Shelter, Kuala Lumpur (demo)', type: 'ngo', country: 'MY', languages: ['ms', 'en', 'id', 'km', 'fil'], firstActionDays: 5, resolutionDays: 90, acceptsPublicComplaints: false,
    profile: {
      services: ['shelter', 'counselling', 'medical', 'legal_aid', 'repatriation_support'],
      areas: [{ country: 'MY', subdivision: 'MY-14', name: 'Kuala Lumpur' }, { country: 'MY', subdivision: 'MY-10', name: 'Selangor' }],
      hours: '24 hours (hotline)', contacts: { hotline: '+60 3 7700 0000' }, focalPoints: [], listed: true,
    },
  },
  {
    key: 'th-labour-office', name: 'Provincial Labour Protection Office, Samut Sakhon (demo)', type: 'government_labour_office', country: 'TH', languages: ['th'], firstActionDays: 15, resolutionDays: 60, acceptsPublicComplaints: false,
    profile: { services: ['conciliation', 'information'], areas: [{ country: 'TH', subdivision: 'TH-74', name: 'Samut Sakhon' }], hours: weekdays, contacts: { hotline: '1546' }, focalPoints: [], listed: true },
  },
  {
    key: 'mm-attache', name: 'Labour Attaché, Embassy of Myanmar, Bangkok (demo)', type: 'labour_attache', country: 'TH', languages: ['my', 'th', 'en'], firstActionDays: 7, resolutionDays: 60, acceptsPublicComplaints: false,
    profile: { services: ['consular_help', 'repatriation_support', 'information'], areas: [{ country: 'TH' }], hours: weekdays, contacts: { phone: '+66 2 233 0000' }, focalPoints: [], listed: true },
  },
  {
    key: 'kh-ministry', name: 'Department of Employment and Manpower, Ministry of Labour, Phnom Penh (demo)', type: 'government_labour_office', country: 'KH', languages: ['km', 'en'], firstActionDays: 15, resolutionDays: 90, acceptsPublicComplaints: false,
    profile: { services: ['conciliation', 'information'], areas: [{ country: 'KH' }], hours: weekdays, contacts: { hotline: '1297' }, focalPoints: [], listed: true },
  },
];

const demoUsers: Array<{ email: string; name: string; organisation: string; role: Role }> = [
  { email: 'desk@kh-mrc.demo', name: 'Sophea Chan', organisation: 'kh-mrc', role: 'desk_officer' },
  { email: 'case@kh-mrc.demo', name: 'Dara Keo', organisation: 'kh-mrc', role: 'case_manager' },
  { email: 'supervisor@kh-mrc.demo', name: 'Vannak Prak', organisation: 'kh-mrc', role: 'supervisor' },
  { email: 'admin@kh-mrc.demo', name: 'Bopha Sok', organisation: 'kh-mrc', role: 'org_admin' },
  { email: 'analyst@kh-mrc.demo', name: 'Rithy Meas', organisation: 'kh-mrc', role: 'analyst' },
  { email: 'desk@my-tu.demo', name: 'Nurul Aziz', organisation: 'my-tu', role: 'desk_officer' },
  { email: 'supervisor@my-tu.demo', name: 'Ravi Kumar', organisation: 'my-tu', role: 'supervisor' },
  { email: 'desk@th-mrc.demo', name: 'Suda Wongsa', organisation: 'th-mrc', role: 'case_manager' },
  { email: 'sysadmin@lintas.demo', name: 'Node Administrator', organisation: 'kh-tu', role: 'system_admin' },
];

// The case from the brief: a Cambodian domestic worker in Malaysia, wages unpaid, passport kept by the employer,
// and a recruitment agency that took three times the legal fee.
const sreyMomComplaint: ComplaintInput = {
  channel: 'walk_in',
  complainant: { type: 'worker', name: 'ស្រីមុំ ហេង', phone: '+855 12 345 678' },
  workers: [{ name: 'ស្រីមុំ ហេង', nameLatin: 'Srey Mom Heng', sex: 'female', birthYear: 1994, nationality: 'KH', passportNumber: 'N01234567', languages: ['km'] }],
  respondents: [
    { type: 'recruitment_agency', name: 'ក្រុមហ៊ុន ពន្លឺមាស ម៉ានផៅវើ (Ponleu Meas Manpower Co., Ltd.)', country: 'KH' },
    { type: 'employer', name: 'Household of Mr. Tan, Johor Bahru', country: 'MY' },
  ],
  origin: 'KH',
  destination: 'MY',
  sector: 'T',
  occupation: 'Domestic worker',
  stage: 'employment',
  grievances: ['unpaid_wages', 'passport_retention', 'excessive_fees', 'no_rest_day'],
  narrative: {
    text: 'ខ្ញុំធ្វើការជាអ្នកបម្រើតាមផ្ទះនៅម៉ាឡេស៊ីរយៈពេលប្រាំបីខែ ប៉ុន្តែនិយោជកមិនបានបើកប្រាក់ខែឱ្យខ្ញុំចំនួនប្រាំខែទេ។ និយោជករក្សាលិខិតឆ្លងដែនរបស់ខ្ញុំ ហើយខ្ញុំមិនមានថ្ងៃឈប់សម្រាកទេ។ ភ្នាក់ងារជ្រើសរើសបានយកថ្លៃសេវាពីខ្ញុំបីដងលើសពីថ្លៃដែលច្បាប់អនុញ្ញាត។',
    language: 'km',
  },
  reliefSought: [
    { type: 'wages', amount: { amount: 450_000, currency: 'MYR' } },
    { type: 'fee_refund', amount: { amount: 90_000, currency: 'USD' } },
    { type: 'passport_return' },
  ],
  consent: { services: true, shareWithOrganisations: true, statistics: true, explained: 'Explained in Khmer that the case may be sent to the union desk in Johor and the labour attaché in Kuala Lumpur.' },
};

/** Fills an empty database with demo organisations, users and complaints; returns the log-ins to print. */
export async function seedDemo(ctx: AppContext, syntheticCount = 300) {
  const system = { kind: 'system' } as const;
  const organisations = new Map<string, OrganisationTable>();
  for (const { key, ...input } of demoOrganisations) {
    const created = await createOrganisation(ctx, system, input);
    organisations.set(key, await ctx.db.selectFrom('organisations').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow());
  }
  const users = new Map<string, UserActor>();
  for (const user of demoUsers) {
    const organisationId = organisations.get(user.organisation)!.id;
    const created = await createUser(ctx, system, { email: user.email, name: user.name, role: user.role, organisationId, password: demoPassword });
    users.set(user.email, { kind: 'user', userId: created.id, organisationId, role: user.role });
  }

  // Hand-written cases go through the same services as the API, so their timelines look as real ones do.
  const desk = users.get('desk@kh-mrc.demo')!;
  const caseManager = users.get('case@kh-mrc.demo')!;
  const supervisor = users.get('supervisor@kh-mrc.demo')!;
  const srey = await registerComplaint(ctx, desk, sreyMomComplaint);
  await assignComplaint(ctx, supervisor, srey.id, caseManager.userId);
  await transitionComplaint(ctx, caseManager, srey.id, { to: 'in_progress' });
  await recordEvent(ctx, caseManager, srey.id, { type: 'contact', summary: 'Called the Cambodian labour attaché in Kuala Lumpur about the passport.' });
  await recordOutcome(ctx, caseManager, srey.id, { type: 'passport_returned', note: 'Passport returned after the attaché contacted the employer.' });

  // A referral across the border, answered: the Johor union desk takes up the unpaid wages.
  const unionSupervisor = users.get('supervisor@my-tu.demo')!;
  const referral = await createReferral(ctx, caseManager, srey.id, {
    toOrganisationId: organisations.get('my-tu')!.id,
    kind: 'referral',
    reason: 'The employer is in Johor Bahru: please negotiate the five months of unpaid wages.',
    share: ['narrative', 'workers', 'workerContacts', 'respondents', 'reliefSought'],
    hideReceiverFromWorker: false,
  });
  await actOnReferral(ctx, unionSupervisor, referral.id, { action: 'message', body: 'Does she still live at the employer’s house?' });
  await actOnReferral(ctx, caseManager, referral.id, { action: 'message', body: 'No, she is staying with her cousin in Skudai.' });
  await actOnReferral(ctx, unionSupervisor, referral.id, { action: 'accept', note: 'We will write to the employer this week.' });

  // Synthetic desks map onto the demo's: Cambodian desks stay Cambodian, the rest go to the destination's desk.
  const demoDesk: Record<string, string> = { 'KH-MRC': 'kh-mrc', 'KH-TU': 'kh-tu', 'TH-TU': 'th-mrc', 'MM-MRC': 'th-mrc', 'LA-MRC': 'th-mrc' };
  const organisationFor = (key: string) => organisations.get(demoDesk[key] ?? 'my-tu')!;
  await seedSynthetic(ctx, { count: syntheticCount, seed: 2015, organisationFor });

  // And one waiting for the Prey Veng centre: the Samut Sakhon centre asks it to find a returned worker's family.
  const thai = users.get('desk@th-mrc.demo')!;
  const open = await ctx.db
    .selectFrom('complaints')
    .select('id')
    .where('organisation_id', '=', organisations.get('th-mrc')!.id)
    .where('consent_share', '=', 1)
    .where('state', 'in', ['received', 'in_progress'])
    .where('origin', '=', 'KH')
    .orderBy('received_at', 'desc')
    .executeTakeFirst();
  if (open) {
    await createReferral(ctx, thai, open.id, {
      toOrganisationId: organisations.get('kh-mrc')!.id,
      kind: 'referral',
      reason: 'The worker went home to Prey Veng; please contact her family and help with the claim from there.',
      share: ['narrative', 'workers', 'workerContacts'],
      hideReceiverFromWorker: false,
    });
  }

  return {
    organisations: [...organisations.values()].map((o) => o.name),
    logins: demoUsers.map((u) => ({ email: u.email, role: u.role, organisation: organisations.get(u.organisation)!.name })),
    password: demoPassword,
  };
}
