// Codes of the rights check that the web app shares with the server. No imports: the desk's bundle takes this
// file as it is, without the server's Zod schemas.

/** Items of recruitment fees and related costs, after the ILO definition (2019). Labels: server.json `feeItem.*`. */
export const feeItems = [
  'recruitment_fee',
  'placement_fee',
  'processing_fee',
  'contract_guarantee',
  'welfare_fund',
  'medical',
  'insurance',
  'skills_test',
  'training',
  'travel',
  'return_ticket',
  'visa',
  'work_permit',
  'residence_permit',
  'passport',
  'accommodation',
  'meals',
  'deposit',
  'bond',
  'other',
] as const;
export type FeeItem = (typeof feeItems)[number];

export const passportHolders = ['worker', 'employer', 'agency', 'other'] as const;
export const wageMethods = ['bank_account', 'cash', 'other'] as const;
