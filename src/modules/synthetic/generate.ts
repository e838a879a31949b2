// Realistic synthetic complaints, drawn from the published figures in shared/reference/domain-facts.md:
// corridors weighted towards Thailand and Malaysia (56% of MRC complainants were in Thailand), group complaints
// averaging about 7 workers (ILO 2017: 1,014 cases, 7,643 workers), deployment delays dominating Cambodian
// pre-departure cases (61%), repatriation and unpaid wages leading employment cases (BP2MI 2021), about 55%
// resolved, and a wide gap between money claimed and received (Nepal DoFE: 13% recovered).
import type { OrganisationInput } from '../organisations/schema';
import type { ComplaintInput } from '../complaints/schema';
import type { ComplaintState, GrievanceCode } from '../complaints/taxonomy';
import { SeededRandom } from '../../lib/random';
import { agencyNames, countryNames, employerNames, namePools, narrativeTemplates, type NamePart, type NarrativeLanguage } from './corpus';

export interface SyntheticOrganisation extends OrganisationInput {
  key: string;
}

/** The organisations synthetic complaints are filed with: desks in origin and destination countries. */
export const syntheticOrganisations: SyntheticOrganisation[] = [
  { key: 'KH-MRC', name: 'Migrant Worker Resource Centre, Prey Veng (synthetic)', type: 'migrant_resource_centre', country: 'KH', languages: ['km', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false },
  { key: 'KH-TU', name: 'Cambodian Trade Union Migrant Desk (synthetic)', type: 'trade_union_centre', country: 'KH', languages: ['km', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false },
  { key: 'MM-MRC', name: 'Migrant Worker Resource Centre, Yangon (synthetic)', type: 'migrant_resource_centre', country: 'MM', languages: ['my', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false },
  { key: 'LA-MRC', name: 'Migrant Worker Resource Centre, Vientiane (synthetic)', type: 'migrant_resource_centre', country: 'LA', languages: ['lo', 'th', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false },
  { key: 'VN-GOV', name: 'Provincial Department of Labour, Nghe An (synthetic)', type: 'government_labour_office', country: 'VN', languages: ['vi', 'en'], firstActionDays: 15, resolutionDays: 120, acceptsPublicComplaints: false },
  { key: 'ID-GOV', name: 'Provincial Manpower Office, East Java (synthetic)', type: 'government_labour_office', country: 'ID', languages: ['id', 'en'], firstActionDays: 7, resolutionDays: 90, acceptsPublicComplaints: false },
  { key: 'PH-NGO', name: 'Migrant Workers Help Centre, Manila (synthetic)', type: 'ngo', country: 'PH', languages: ['fil', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false },
  { key: 'TH-TU', name: 'Thai Trade Union Migrant Desk, Samut Sakhon (synthetic)', type: 'trade_union_centre', country: 'TH', languages: ['th', 'my', 'km', 'en'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false },
  { key: 'MY-TU', name: 'Malaysian Trade Union Migrant Desk, Johor (synthetic)', type: 'trade_union_centre', country: 'MY', languages: ['ms', 'en', 'id'], firstActionDays: 10, resolutionDays: 90, acceptsPublicComplaints: false },
];

type Origin = keyof typeof namePools;
interface Corridor { origin: Origin; destination: string; weight: number; sectors: Array<[string, number]> }

const corridors: Corridor[] = [
  { origin: 'MM', destination: 'TH', weight: 22, sectors: [['03', 3], ['C', 4], ['A', 3], ['F', 2], ['T', 2]] },
  { origin: 'KH', destination: 'TH', weight: 20, sectors: [['F', 4], ['A', 4], ['03', 2], ['C', 3]] },
  { origin: 'LA', destination: 'TH', weight: 8, sectors: [['T', 3], ['A', 3], ['C', 2], ['I', 2]] },
  { origin: 'ID', destination: 'MY', weight: 12, sectors: [['A', 4], ['T', 4], ['F', 2], ['C', 2]] },
  { origin: 'KH', destination: 'MY', weight: 6, sectors: [['T', 5], ['C', 3]] },
  { origin: 'MM', destination: 'MY', weight: 3, sectors: [['C', 4], ['I', 2]] },
  { origin: 'VN', destination: 'MY', weight: 3, sectors: [['C', 4], ['F', 2]] },
  { origin: 'VN', destination: 'TW', weight: 4, sectors: [['C', 5], ['T', 2], ['03', 1]] },
  { origin: 'VN', destination: 'JP', weight: 3, sectors: [['C', 3], ['A', 2], ['F', 2]] },
  { origin: 'VN', destination: 'KR', weight: 2, sectors: [['C', 3], ['A', 2], ['03', 1]] },
  { origin: 'ID', destination: 'SA', weight: 3, sectors: [['T', 8]] },
  { origin: 'ID', destination: 'HK', weight: 3, sectors: [['T', 8]] },
  { origin: 'ID', destination: 'TW', weight: 3, sectors: [['T', 4], ['C', 2], ['03', 2]] },
  { origin: 'PH', destination: 'SA', weight: 4, sectors: [['T', 5], ['F', 2], ['Q', 1]] },
  { origin: 'PH', destination: 'AE', weight: 3, sectors: [['T', 3], ['I', 2], ['F', 2]] },
  { origin: 'PH', destination: 'HK', weight: 3, sectors: [['T', 8]] },
  { origin: 'NP', destination: 'MY', weight: 3, sectors: [['C', 4], ['G', 2], ['N', 1]] },
];

const originDesks: Record<string, string[]> = { KH: ['KH-MRC', 'KH-TU'], MM: ['MM-MRC'], LA: ['LA-MRC'], VN: ['VN-GOV'], ID: ['ID-GOV'], PH: ['PH-NGO'], NP: ['MY-TU'] };
const destinationDesks: Record<string, string> = { TH: 'TH-TU', MY: 'MY-TU' };

// Monthly wages in minor units of the destination currency, and the usual currency of fees at origin.
const wages: Record<string, [string, number]> = {
  TH: ['THB', 1_000_000], MY: ['MYR', 150_000], TW: ['TWD', 2_700_000], JP: ['JPY', 180_000], KR: ['KRW', 210_000_000],
  SA: ['SAR', 150_000], HK: ['HKD', 480_000], AE: ['AED', 150_000],
};
const feeCurrencies: Record<string, [string, number]> = {
  KH: ['USD', 60_000], MM: ['USD', 80_000], LA: ['USD', 50_000], VN: ['USD', 600_000], ID: ['IDR', 2_500_000_000], PH: ['PHP', 5_000_000], NP: ['NPR', 20_000_000], TH: ['THB', 2_000_000], MY: ['MYR', 300_000],
};
const phonePrefixes: Record<string, string> = { KH: '+855', MM: '+95', LA: '+856', VN: '+84', ID: '+62', PH: '+63', NP: '+977', TH: '+66', MY: '+60' };

const stageGrievances: Record<ComplaintInput['stage'], Array<[GrievanceCode, number]>> = {
  pre_departure: [['deployment_delay', 40], ['excessive_fees', 25], ['deception', 20], ['no_receipt', 10], ['other', 5]],
  transit: [['deception', 4], ['restriction_of_movement', 3], ['physical_violence', 1], ['excessive_fees', 2]],
  employment: [
    ['unpaid_wages', 25], ['repatriation_request', 20], ['passport_retention', 12], ['illegal_deductions', 10],
    ['contract_substitution', 8], ['excessive_overtime', 7], ['no_rest_day', 6], ['restriction_of_movement', 5],
    ['abusive_conditions', 5], ['occupational_injury', 5], ['physical_violence', 4], ['intimidation', 3],
    ['debt_bondage', 3], ['death', 3], ['sexual_violence', 2], ['missing_person', 2],
  ],
  return: [['unpaid_wages', 40], ['illegal_deductions', 20], ['excessive_fees', 15], ['occupational_injury', 10], ['other', 5]],
};

const femaleShare: Record<string, number> = { T: 0.95, '03': 0.04, F: 0.18, A: 0.45, C: 0.55, I: 0.6, Q: 0.8, G: 0.3, N: 0.4 };

export interface SyntheticOutcome {
  type: string;
  currency: string | null;
  claimed: number | null;
  awarded: number | null;
  received: number | null;
  decidedAt: string;
}

/** A referral of the complaint to a desk at the other end of its corridor, and how far it got. */
export interface SyntheticReferral {
  toOrganisationKey: string;
  sentAt: string;
  state: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'completed';
  respondedAt: string | null;
  completedAt: string | null;
}

export interface SyntheticComplaint {
  organisationKey: string;
  input: ComplaintInput & { receivedAt: string };
  state: ComplaintState;
  firstActionAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  outcomes: SyntheticOutcome[];
  referral: SyntheticReferral | null;
}

const DAY = 86_400_000;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

function personName(random: SeededRandom, origin: Origin, female: boolean): { name: string; nameLatin: string } {
  const pool = namePools[origin];
  const given = random.pick(female ? pool.femaleGiven : pool.maleGiven);
  const join = (parts: NamePart[]) => ({
    // Burmese names are written without spaces between their parts; the others with.
    name: parts.map((p) => p.native).join(pool.language === 'my' ? '' : ' '),
    nameLatin: parts.map((p) => p.latin).join(' '),
  });
  if (pool.order === 'personal') {
    const more = random.int(1, 2);
    const parts = [given];
    for (let i = 0; i < more; i += 1) parts.push(random.pick(female ? pool.femaleGiven : pool.maleGiven));
    return join(parts);
  }
  const family = random.pick(pool.family);
  return join(pool.order === 'family_given' ? [family, given] : [given, family]);
}

function groupSize(random: SeededRandom): number {
  // 65% individual, 20% small groups, 15% large groups: a mean of about 7 workers.
  const kind = random.weighted([['one', 65], ['small', 20], ['large', 15]] as const);
  if (kind === 'one') return 1;
  if (kind === 'small') return random.int(2, 10);
  return random.int(11, 60);
}

/**
 * Generates `count` complaints deterministically from `seed`, received over the five years before `until`.
 * The same seed and `until` always give the same complaints.
 */
export function* generateComplaints(count: number, seed: number, until: Date): Generator<SyntheticComplaint> {
  const random = new SeededRandom(seed);
  // Referrals draw from their own stream, so that adding them left every complaint as it was.
  const referrals = new SeededRandom(seed ^ 0x4ef3a1);
  const end = until.getTime();
  const start = end - 5 * 365 * DAY;
  for (let n = 0; n < count; n += 1) {
    const corridor = random.weighted(corridors.map((c) => [c, c.weight] as const));
    const { origin, destination } = corridor;
    const destinationDesk = destinationDesks[destination];
    const organisationKey = destinationDesk && random.chance(0.4) ? destinationDesk : random.pick(originDesks[origin]);
    const sector = random.weighted(corridor.sectors);
    const stage = random.weighted<ComplaintInput['stage']>([
      ['pre_departure', origin === 'KH' ? 55 : 20],
      ['transit', 3],
      ['employment', 62],
      ['return', 12],
    ]);
    const grievances = new Set<GrievanceCode>([random.weighted(stageGrievances[stage])]);
    if (random.chance(0.4)) grievances.add(random.weighted(stageGrievances[stage]));
    if (random.chance(0.15)) grievances.add(random.weighted(stageGrievances.employment));

    const pool = namePools[origin];
    const size = groupSize(random);
    const workers: ComplaintInput['workers'] = [];
    for (let i = 0; i < size; i += 1) {
      const female = random.chance(femaleShare[sector] ?? 0.5);
      const { name, nameLatin } = personName(random, origin, female);
      workers.push({
        name,
        nameLatin,
        sex: random.chance(0.02) ? 'unknown' : female ? 'female' : 'male',
        birthYear: random.int(1970, 2006),
        nationality: origin,
        ...(random.chance(0.7) ? { passportNumber: `${String.fromCharCode(65 + random.int(0, 25))}${String(random.int(1_000_000, 9_999_999))}` } : {}),
        ...(random.chance(0.6) ? { phone: `${phonePrefixes[origin]}${random.int(10_000_000, 99_999_999)}` } : {}),
        languages: [pool.language],
      });
    }

    const agency = random.pick(agencyNames[origin as keyof typeof agencyNames] ?? agencyNames.KH);
    const employer = random.pick(employerNames[destination as keyof typeof employerNames] ?? employerNames.MY);
    const respondents: ComplaintInput['respondents'] = [];
    if (stage !== 'employment' || random.chance(0.5)) respondents.push({ type: 'recruitment_agency', name: agency, country: origin });
    if (stage === 'employment' || stage === 'return') respondents.push({ type: 'employer', name: employer, country: destination });
    if (random.chance(0.15)) respondents.push({ type: 'broker', name: personName(random, origin, random.chance(0.3)).nameLatin, country: origin });

    const [wageCurrency, monthlyWage] = wages[destination] ?? ['USD', 40_000];
    const [feeCurrency, typicalFee] = feeCurrencies[origin] ?? ['USD', 60_000];
    const months = random.int(1, 14);
    const reliefSought: ComplaintInput['reliefSought'] = [];
    const usesWages = grievances.has('unpaid_wages') || grievances.has('illegal_deductions');
    const claimCurrency = usesWages ? wageCurrency : feeCurrency;
    if (usesWages) reliefSought.push({ type: 'wages', amount: { amount: monthlyWage * months * size, currency: wageCurrency } });
    if (!usesWages && (grievances.has('excessive_fees') || grievances.has('deployment_delay') || grievances.has('deception'))) {
      reliefSought.push({ type: 'fee_refund', amount: { amount: Math.round(typicalFee * (0.5 + random.next() * 2)) * size, currency: feeCurrency } });
    }
    if (grievances.has('repatriation_request')) reliefSought.push({ type: 'repatriation' });
    if (grievances.has('passport_retention')) reliefSought.push({ type: 'passport_return' });
    if (grievances.has('death')) reliefSought.push({ type: 'death_benefits', amount: { amount: monthlyWage * 24, currency: wageCurrency } });
    if (grievances.has('occupational_injury')) reliefSought.push({ type: 'medical_care' });

    const organisation = syntheticOrganisations.find((o) => o.key === organisationKey)!;
    const language: NarrativeLanguage = random.chance(0.8) ? pool.language : (organisation.languages[0] as NarrativeLanguage);
    const templates = narrativeTemplates[language] ?? narrativeTemplates.en;
    const values = {
      agency,
      employer,
      destination: countryNames[language]?.[destination] ?? destination,
      months: String(months),
      amount: String(Math.round((reliefSought[0]?.amount?.amount ?? monthlyWage * months) / 100)),
      currency: reliefSought[0]?.amount?.currency ?? claimCurrency,
    };
    const text = [...grievances].slice(0, 2).map((code) => fill(random.pick(templates[code as keyof typeof templates] ?? templates.other), values)).join(' ');

    const receivedAtMs = start + random.int(0, Math.floor((end - start) / 1000)) * 1000;
    const receivedAt = new Date(receivedAtMs).toISOString();
    const complainantType = random.weighted<ComplaintInput['complainant']['type']>([['worker', 70], ['family', 15], ['representative', 10], ['organisation', 5]]);
    const input: SyntheticComplaint['input'] = {
      channel: random.weighted<ComplaintInput['channel']>([['walk_in', 35], ['hotline', 20], ['letter', 15], ['outreach', 15], ['online', 10], ['referral', 5]]),
      receivedAt,
      complainant:
        complainantType === 'worker'
          ? { type: 'worker', name: workers[0].name, ...(workers[0].phone ? { phone: workers[0].phone } : {}) }
          : complainantType === 'family'
            ? { type: 'family', name: personName(random, origin, random.chance(0.6)).name, relationship: random.pick(['mother', 'father', 'spouse', 'sibling']) }
            : { type: complainantType, name: organisation.name },
      workers,
      respondents,
      origin,
      destination,
      sector,
      stage,
      grievances: [...grievances],
      narrative: { text, language },
      reliefSought,
      consent: { services: random.chance(0.98), shareWithOrganisations: random.chance(0.85), statistics: random.chance(0.9) },
    };

    // Lifecycle: how far the case got, given its age.
    const age = (end - receivedAtMs) / DAY;
    const firstActionAfter = random.weighted([[random.int(0, 5), 60], [random.int(6, 12), 25], [random.int(13, 40), 15]] as const);
    const firstActionAt = random.chance(0.92) && age > firstActionAfter ? new Date(receivedAtMs + firstActionAfter * DAY + random.int(1, 8) * 3_600_000).toISOString() : null;
    const resolutionAfter = firstActionAfter + random.weighted([[random.int(5, 60), 45], [random.int(61, 180), 35], [random.int(181, 600), 20]] as const);
    let state: ComplaintState = firstActionAt ? 'in_progress' : 'received';
    let resolvedAt: string | null = null;
    let closedAt: string | null = null;
    const outcomes: SyntheticOutcome[] = [];
    const ending = random.weighted([['resolved', 72], ['withdrawn', 11], ['inadmissible', 17]] as const);
    if (firstActionAt && age > resolutionAfter) {
      const endedAt = new Date(receivedAtMs + resolutionAfter * DAY).toISOString();
      if (ending === 'resolved') {
        state = age > resolutionAfter + 30 ? 'closed' : 'resolved';
        resolvedAt = endedAt;
        if (state === 'closed') closedAt = new Date(receivedAtMs + (resolutionAfter + random.int(3, 30)) * DAY).toISOString();
        const claimed = reliefSought.filter((r) => r.amount?.currency === claimCurrency).reduce((sum, r) => sum + (r.amount?.amount ?? 0), 0);
        const remedied = random.chance(0.8);
        const outcomeType = !remedied
          ? 'no_remedy'
          : usesWages
            ? 'wages_recovered'
            : grievances.has('repatriation_request')
              ? 'repatriated'
              : grievances.has('passport_retention')
                ? 'passport_returned'
                : claimed > 0
                  ? random.pick(['fees_refunded', 'compensation_paid', 'agency_sanctioned', 'referred_to_court'])
                  : 'compensation_paid';
        const awarded = remedied && claimed > 0 ? Math.round(claimed * (0.3 + 0.7 * random.next())) : remedied ? null : 0;
        const paidShare = random.weighted([[0, 45], [0.05 + 0.45 * random.next(), 35], [1, 20]] as const);
        outcomes.push({
          type: outcomeType,
          currency: claimed > 0 ? claimCurrency : null,
          claimed: claimed > 0 ? claimed : null,
          awarded: claimed > 0 ? awarded : null,
          received: claimed > 0 && awarded !== null ? Math.round(awarded * paidShare) : null,
          decidedAt: endedAt,
        });
      } else {
        state = ending;
      }
    }
    const referral = firstActionAt && input.consent.shareWithOrganisations ? syntheticReferral(referrals, organisationKey, origin, destination, firstActionAt, end) : null;
    yield { organisationKey, input, state, firstActionAt, resolvedAt, closedAt, outcomes, referral };
  }
}

/**
 * About one complaint in nine filed at an origin desk is referred to the union desk in Thailand or Malaysia where
 * the worker is, and one in fourteen filed there goes back to a desk in the worker's country; most are accepted,
 * some declined, and older ones completed.
 */
function syntheticReferral(random: SeededRandom, from: string, origin: string, destination: string, firstActionAt: string, end: number): SyntheticReferral | null {
  const destinationDesk = destinationDesks[destination];
  const to = from === destinationDesk ? random.pick(originDesks[origin]) : destinationDesk;
  if (!to || to === from || !random.chance(from === destinationDesk ? 0.07 : 0.11)) return null;
  const sentMs = new Date(firstActionAt).getTime() + random.int(0, 10) * DAY + random.int(1, 6) * 3_600_000;
  if (sentMs >= end) return null;
  const at = (ms: number) => (ms < end ? new Date(ms).toISOString() : null);
  const respondedAt = at(sentMs + random.int(1, 14) * DAY);
  const answer = random.weighted([['accepted', 82], ['declined', 12], ['withdrawn', 6]] as const);
  if (!respondedAt) return { toOrganisationKey: to, sentAt: new Date(sentMs).toISOString(), state: 'pending', respondedAt: null, completedAt: null };
  const completedAt = answer === 'accepted' ? at(new Date(respondedAt).getTime() + random.int(15, 150) * DAY) : null;
  return { toOrganisationKey: to, sentAt: new Date(sentMs).toISOString(), state: completedAt ? 'completed' : answer, respondedAt, completedAt };
}
