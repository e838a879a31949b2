// Code-of-conduct criteria sets seeded with Lintas. Criteria are paraphrased; each set names its source.
export interface CriteriaSet {
  id: string;
  name: string;
  source: string;
  criteria: Array<{ code: string; label: string; maxScore: number; weight: number }>;
}

export const seededCriteriaSets: CriteriaSet[] = [
  {
    id: 'ilo-fair-recruitment-2019',
    name: 'ILO General Principles for Fair Recruitment',
    source: 'ILO General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019)',
    criteria: [
      { code: 'respects_law', label: 'Recruits within the law and respects human rights (General Principles 1\u20133)', maxScore: 5, weight: 1 },
      { code: 'no_fees', label: 'Charges no recruitment fees or related costs to workers (General Principle 7)', maxScore: 5, weight: 2 },
      { code: 'clear_terms', label: 'Terms and conditions specified in a verifiable, understandable way (General Principle 8)', maxScore: 5, weight: 1 },
      { code: 'free_consent', label: 'Workers agree freely, without deception or coercion (General Principle 9)', maxScore: 5, weight: 1 },
      { code: 'information', label: 'Free, comprehensive and accurate information for workers (General Principle 10)', maxScore: 5, weight: 1 },
      { code: 'documents', label: 'Never retains identity documents or contracts (General Principle 11)', maxScore: 5, weight: 2 },
      { code: 'grievances', label: 'Workers can raise grievances and obtain remedy (General Principle 12)', maxScore: 5, weight: 1 },
    ],
  },
  {
    id: 'vamas-spirit',
    name: 'Code of conduct in the spirit of VAMAS (Viet Nam)',
    source: 'After the VAMAS Code of Conduct for Vietnamese recruitment agencies (COC-VN), AFML 2015 background paper, Box 14; criteria paraphrased by Lintas, to be checked against the code itself',
    criteria: [
      { code: 'legal_compliance', label: 'Complies with the law on sending workers abroad', maxScore: 10, weight: 1 },
      { code: 'fee_transparency', label: 'Fees within the legal limits, announced in advance, with receipts', maxScore: 10, weight: 2 },
      { code: 'recruitment_information', label: 'Truthful job and contract information before signing', maxScore: 10, weight: 1 },
      { code: 'training', label: 'Pre-departure training and orientation', maxScore: 10, weight: 1 },
      { code: 'support_abroad', label: 'Supports workers abroad and settles their disputes', maxScore: 10, weight: 1 },
      { code: 'return', label: 'Helps workers return and reintegrate', maxScore: 10, weight: 1 },
      { code: 'records', label: 'Keeps a register of workers placed, open to inspection', maxScore: 10, weight: 1 },
    ],
  },
];
