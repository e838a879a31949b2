// The provisions the AFML 2015 background paper states (Boxes 9 and 10, after Agunias 2011), attached to the
// agreements of Table 2 (seed-table2.ts), and the ILO baseline that applies where no agreement does or where it
// protects more. Each cites its clause as the source gives it.
import type { AgreementInput, Provision } from './schema';

const box9 = 'AFML 2015 background paper, Box 9 (Agunias 2011)';
const box10 = 'AFML 2015 background paper, Box 10';

const noPlacementFee = (id: string): Provision => ({
  id: `${id}-no-fees`,
  clause: 'Recruitment provisions: employers and agencies "must not request, charge or receive, directly or indirectly, any payment from a person seeking employment"',
  source: box9,
  data: { kind: 'worker_fee', forbidden: 'all', employerPays: [], employerAmounts: [] },
});

/** Provisions keyed by the id of the agreement that holds them. */
export const provisionsByAgreement: Record<string, Provision[]> = {
  'ph-ca-ab-2008': [noPlacementFee('ph-ca-ab-2008')],
  'ph-ca-bc-2008': [noPlacementFee('ph-ca-bc-2008')],
  'ph-ca-mb-2008': [noPlacementFee('ph-ca-mb-2008')],
  'ph-jp-2009': [
    {
      id: 'ph-jp-2009-employer-fees',
      clause: 'Fees: US$425 processing fee (inclusive of contract guarantee) and US$25 to the Workers\u2019 Welfare Fund, paid by the employer; "Such payment shall not, in any way, be levied on the selected Filipino candidates"',
      source: box9,
      data: {
        kind: 'worker_fee',
        forbidden: ['processing_fee', 'contract_guarantee', 'welfare_fund'],
        employerPays: ['processing_fee', 'contract_guarantee', 'welfare_fund'],
        employerAmounts: [
          { item: 'processing_fee', amount: { amount: 42_500, currency: 'USD' } },
          { item: 'welfare_fund', amount: { amount: 2_500, currency: 'USD' } },
        ],
      },
    },
    {
      id: 'ph-jp-2009-contract',
      clause: 'Labour contract: authenticated by Philippine Government authorities, who review its terms and explain them to the jobseeker',
      source: box9,
      data: { kind: 'contract_endorsement', endorsedBy: ['PH_government'] },
    },
  ],
  'ph-kr-2009-eps': [
    {
      id: 'ph-kr-2009-eps-contract',
      clause: 'Paragraph 8, Labour Contract: authenticated by Philippine Government authorities',
      source: `${box9}; MOU DOLE\u2013MOL Korea on the Employment Permit System (2009), Paragraph 8`,
      data: { kind: 'contract_endorsement', endorsedBy: ['PH_government'] },
    },
  ],
  'id-jo-2009-domestic-workers': [
    {
      id: 'id-jo-2009-employer-pays',
      clause: 'Articles 4, 8, 12 and 13: the employer pays work and residency permits, a two-year life insurance, the return ticket, accommodation, meals, medical care and clothing',
      source: `${box9}; MOU Jordan\u2013Indonesia on the Placement and Protection of Indonesian Domestic Workers (2009)`,
      data: {
        kind: 'worker_fee',
        forbidden: ['work_permit', 'residence_permit', 'insurance', 'return_ticket', 'accommodation', 'meals', 'medical'],
        employerPays: ['work_permit', 'residence_permit', 'insurance', 'return_ticket', 'accommodation', 'meals', 'medical'],
        employerAmounts: [],
      },
    },
    {
      id: 'id-jo-2009-bank-account',
      clause: 'Article 13: a bank account in the worker\u2019s name, the salary deposited within seven days of the pay date',
      source: `${box9}; MOU Jordan\u2013Indonesia (2009), Article 13`,
      data: { kind: 'wage_payment', method: 'bank_account', withinDays: 7, frequency: 'monthly' },
    },
    {
      id: 'id-jo-2009-contract',
      clause: 'Contracts approved and stamped by the Indonesian embassy in Amman',
      source: box9,
      data: { kind: 'contract_endorsement', endorsedBy: ['ID_mission'] },
    },
  ],
  'ph-jo-2010': [
    {
      id: 'ph-jo-2010-contract',
      clause: 'Contracts approved and stamped by the Philippine embassy in Amman',
      source: box9,
      data: { kind: 'contract_endorsement', endorsedBy: ['PH_mission'] },
    },
  ],
  'id-my-2006-domestic-workers': [
    {
      id: 'id-my-2006-contract',
      clause: 'Standard employment contract, endorsed by the respective diplomatic missions',
      source: box10,
      data: { kind: 'contract_endorsement', endorsedBy: ['ID_mission', 'MY_mission'] },
    },
  ],
  'id-my-2011-protocol': [
    {
      id: 'id-my-2011-passport',
      clause: 'Protocol of 30 May 2011: the domestic worker holds her passport',
      source: box10,
      data: { kind: 'passport_retention', heldBy: 'worker' },
    },
    {
      id: 'id-my-2011-family',
      clause: 'Protocol of 30 May 2011: the worker may communicate with family',
      source: box10,
      data: { kind: 'communication_with_family', allowed: true },
    },
    {
      id: 'id-my-2011-bank',
      clause: 'Protocol of 30 May 2011: wages paid monthly into a bank account',
      source: box10,
      data: { kind: 'wage_payment', method: 'bank_account', withinDays: null, frequency: 'monthly' },
    },
    {
      id: 'id-my-2011-rest-day',
      clause: 'Protocol of 30 May 2011: one rest day a week, or overtime payment in lieu',
      source: box10,
      data: { kind: 'rest_day', daysPerWeek: 1, payInLieuAllowed: true },
    },
    {
      id: 'id-my-2011-fee-cap',
      clause: 'Protocol of 30 May 2011: recruitment fees paid upfront by the employer, capped at US$1,500 (MYR 4,511)',
      source: box10,
      data: { kind: 'fee_cap', cap: { amount: 150_000, currency: 'USD' }, items: ['recruitment_fee', 'placement_fee', 'processing_fee'], paidBy: 'employer' },
    },
    {
      id: 'id-my-2011-deduction-cap',
      clause: 'Protocol of 30 May 2011: the employer may deduct at most US$600 (MYR 1,800) of these fees from wages',
      source: box10,
      data: { kind: 'deduction_cap', cap: { amount: 180_000, currency: 'MYR' }, items: ['recruitment_fee', 'placement_fee', 'processing_fee'] },
    },
    {
      id: 'id-my-2011-deduction-share',
      clause: 'Protocol of 30 May 2011: deductions may not exceed 50 per cent of the monthly salary',
      source: box10,
      data: { kind: 'deduction_share', maxShareOfMonthlyWage: 0.5 },
    },
  ],
};

const iloSource = 'ILO General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019)';

/**
 * The ILO baseline, checked for every corridor: it applies where no agreement does, and where it protects more
 * than the agreement that applies (an agreement that lets the employer recover fees from wages, for instance).
 */
export const iloBaseline: AgreementInput = {
  id: 'ilo-fair-recruitment',
  title: 'ILO General Principles and Operational Guidelines for Fair Recruitment, and Definition of Recruitment Fees and Related Costs',
  type: 'baseline',
  origin: 'CH',
  destination: 'CH',
  destinationRegion: null,
  signedOn: '2019-03-01',
  renewedOn: [],
  effectiveFrom: '1919-01-01',
  expiresOn: null,
  status: 'in_force',
  sectors: ['all'],
  occupations: [],
  amends: null,
  oversight: [],
  sources: [iloSource],
  notes: 'Applies to every corridor and date as the baseline. Approved by the ILO Governing Body in March 2019 (General Principles first adopted 2016).',
  provisions: [
    {
      id: 'ilo-no-fees',
      clause: 'General Principle 7: "No recruitment fees or related costs should be charged to, or otherwise borne by, workers or jobseekers"; fees include payments "to recover recruitment fees from workers"',
      source: iloSource,
      data: { kind: 'worker_fee', forbidden: 'all', employerPays: [], employerAmounts: [] },
    },
    {
      id: 'ilo-documents',
      clause: 'General Principle 11: "Workers\u2019 identity documents and contracts should not be confiscated, destroyed or retained"',
      source: iloSource,
      data: { kind: 'passport_retention', heldBy: 'worker' },
    },
  ],
};

/** Exchange rates seeded with Lintas: only those its sources state. Administrators add the rest. */
export const seededExchangeRates = [
  { base: 'USD', quote: 'MYR', validOn: '2011-05-30', rate: '3.0073', source: 'AFML 2015 background paper, Box 10: US$1,500 = MYR 4,511' },
];
