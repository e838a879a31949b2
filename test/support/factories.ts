import type { RightsFacts } from '../../src/modules/agreements/schema';
import type { ComplaintInput } from '../../src/modules/complaints/schema';

const khmerNames = [
  ['សុខា ចាន់', 'Sokha Chan', 'female'],
  ['ដារ៉ា កែវ', 'Dara Keo', 'male'],
  ['ស្រីនី ហេង', 'Sreyny Heng', 'female'],
  ['វណ្ណា ម៉ៅ', 'Vanna Mao', 'male'],
  ['ចន្ធូ សុខ', 'Chanthou Sok', 'female'],
  ['ពិសិដ្ឋ ឈឹម', 'Piseth Chhim', 'male'],
  ['បុប្ផា លី', 'Bopha Ly', 'female'],
] as const;

export const khmerNarrative =
  'ពួកយើងប្រាំពីរនាក់ធ្វើការនៅកសិដ្ឋានដូងប្រេងក្នុងខេត្តជូហ៊រ អស់រយៈពេលបួនខែហើយ តែនិយោជកមិនបានបើកប្រាក់ខែទេ។ ភ្នាក់ងារបានយកលិខិតឆ្លងដែនរបស់យើង។';

/** A group complaint of seven Cambodian plantation workers in Malaysia, narrated in Khmer. */
export function groupComplaint(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  return {
    channel: 'walk_in',
    complainant: { type: 'worker', name: khmerNames[0][0], phone: '+85512345678' },
    workers: khmerNames.map(([name, nameLatin, sex], i) => ({
      name,
      nameLatin,
      sex,
      birthYear: 1990 + i,
      nationality: 'KH',
      passportNumber: `N0${1234560 + i}`,
      languages: ['km'],
    })),
    respondents: [
      { type: 'recruitment_agency', name: 'ក្រុមហ៊ុន ភ្នំពេញ ម៉ានផៅវើ', country: 'KH' },
      { type: 'employer', name: 'Ladang Sawit Johor Sdn Bhd', country: 'MY' },
    ],
    origin: 'KH',
    destination: 'MY',
    sector: 'A',
    occupation: 'Plantation worker',
    stage: 'employment',
    grievances: ['unpaid_wages', 'passport_retention'],
    narrative: { text: khmerNarrative, language: 'km' },
    reliefSought: [{ type: 'wages', amount: { amount: 7 * 4 * 150_000, currency: 'MYR' } }],
    consent: { services: true, shareWithOrganisations: true, statistics: true, explained: 'Explained in Khmer.' },
    ...overrides,
  } as ComplaintInput;
}

/** The facts of the rights-check issue: an Indonesian domestic worker in Malaysia, recruited in 2012. */
export const indonesianDomesticWorkerFacts: RightsFacts = {
  origin: 'ID',
  destination: 'MY',
  destinationRegion: null,
  sector: 'domestic_work',
  recruitedOn: '2012-03-01',
  monthlyWage: { amount: 70_000, currency: 'MYR' },
  workerPaid: [{ item: 'recruitment_fee', amount: 250_000, currency: 'MYR' }],
  deductions: [{ item: 'recruitment_fee', amount: 200_000, currency: 'MYR', month: '2012-04' }],
  passportHeldBy: 'employer',
  restDaysPerWeek: 0,
  wagePayment: { method: 'cash', daysAfterPayDate: null },
  contractEndorsedBy: [],
};
