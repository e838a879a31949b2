import type { AppContext } from '../../context';
import type { OrganisationTable } from '../../db/schema';
import type { Role, UserActor } from '../auth/actor';
import { recordEvent, recordOutcome, registerComplaint, transitionComplaint, assignComplaint } from '../complaints/service';
import type { ComplaintInput } from '../complaints/schema';
import { createOrganisation } from '../organisations/service';
import type { OrganisationInput } from '../organisations/schema';
import { seedSynthetic } from '../synthetic/seed-synthetic';
import { createUser } from '../users/service';

export const demoPassword = 'lintas-demo-2026';

const demoOrganisations: Array<OrganisationInput & { key: string }> = [
  { key: 'kh-mrc', name: 'Migrant Worker Resource Centre, Prey Veng (demo)', type: 'migrant_resource_centre', country: 'KH', languages: ['km', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: true },
  { key: 'kh-tu', name: 'Trade Union Migrant Desk, Phnom Penh (demo)', type: 'trade_union_centre', country: 'KH', languages: ['km', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false },
  { key: 'my-tu', name: 'Trade Union Migrant Desk, Johor Bahru (demo)', type: 'trade_union_centre', country: 'MY', languages: ['ms', 'en', 'id', 'my'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: true },
  { key: 'th-mrc', name: 'Migrant Worker Resource Centre, Samut Sakhon (demo)', type: 'migrant_resource_centre', country: 'TH', languages: ['th', 'my', 'km', 'lo', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: true },
  { key: 'kh-attache', name: 'Labour Attaché, Embassy of Cambodia, Kuala Lumpur (demo)', type: 'labour_attache', country: 'MY', languages: ['km', 'ms', 'en'], firstActionDays: 7, resolutionDays: 60, acceptsPublicComplaints: false },
  { key: 'th-legal', name: 'Migrant Legal Aid Network, Bangkok (demo)', type: 'legal_aid', country: 'TH', languages: ['th', 'my', 'en'], firstActionDays: 14, resolutionDays: 180, acceptsPublicComplaints: false },
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

  // Synthetic desks map onto the demo's: Cambodian desks stay Cambodian, the rest go to the destination's desk.
  const demoDesk: Record<string, string> = { 'KH-MRC': 'kh-mrc', 'KH-TU': 'kh-tu', 'TH-TU': 'th-mrc', 'MM-MRC': 'th-mrc', 'LA-MRC': 'th-mrc' };
  const organisationFor = (key: string) => organisations.get(demoDesk[key] ?? 'my-tu')!;
  await seedSynthetic(ctx, { count: syntheticCount, seed: 2015, organisationFor });

  return {
    organisations: [...organisations.values()].map((o) => o.name),
    logins: demoUsers.map((u) => ({ email: u.email, role: u.role, organisation: organisations.get(u.organisation)!.name })),
    password: demoPassword,
  };
}
