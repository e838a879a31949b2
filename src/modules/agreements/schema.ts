import { z } from 'zod';
import { countryCode, currencyCode, isoDate, money } from '../../lib/codes';
import { type FeeItem, feeItems, passportHolders, wageMethods } from './codes';

/** Sectors agreements name; an ISIC code on a complaint maps onto them (see `sectorFromIsic`). */
export const agreementSectors = ['all', 'domestic_work', 'agriculture', 'fishing', 'construction', 'manufacturing', 'health_care', 'hospitality', 'formal_sector', 'private_sector'] as const;
export type AgreementSector = (typeof agreementSectors)[number];

export const agreementTypes = ['bilateral_agreement', 'mou', 'protocol', 'letter_of_intent', 'record_of_discussion', 'baseline'] as const;
export const agreementStatuses = ['in_force', 'expired', 'superseded', 'in_negotiation', 'unknown'] as const;

export { feeItems, type FeeItem };

const itemList = z.union([z.literal('all'), z.array(z.enum(feeItems)).min(1)]);

/** A provision's content, one shape per kind; every provision cites its clause and source. */
export const provisionDataSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('worker_fee'),
    forbidden: itemList.meta({ description: 'Fees the worker may not be charged: all, or the listed items' }),
    employerPays: z.array(z.enum(feeItems)).default([]).meta({ description: 'Items the employer pays' }),
    employerAmounts: z.array(z.object({ item: z.enum(feeItems), amount: money })).default([]),
  }),
  z.object({
    kind: z.literal('fee_cap'),
    cap: money,
    items: itemList.default('all'),
    paidBy: z.enum(['employer', 'worker', 'shared']).default('employer'),
  }),
  z.object({ kind: z.literal('deduction_cap'), cap: money, items: itemList.default('all') }),
  z.object({ kind: z.literal('deduction_share'), maxShareOfMonthlyWage: z.number().min(0).max(1) }),
  z.object({ kind: z.literal('passport_retention'), heldBy: z.literal('worker') }),
  z.object({ kind: z.literal('rest_day'), daysPerWeek: z.number().int().min(1).max(7), payInLieuAllowed: z.boolean() }),
  z.object({
    kind: z.literal('wage_payment'),
    method: z.literal('bank_account'),
    withinDays: z.number().int().min(0).max(60).nullable().default(null),
    frequency: z.enum(['monthly', 'any']).default('any'),
  }),
  z.object({ kind: z.literal('contract_endorsement'), endorsedBy: z.array(z.string().min(2)).min(1).meta({ description: 'Authority codes such as ID_embassy, PH_government' }) }),
  z.object({ kind: z.literal('communication_with_family'), allowed: z.literal(true) }),
]);
export type ProvisionData = z.infer<typeof provisionDataSchema>;
export type ProvisionKind = ProvisionData['kind'];
export const provisionKinds = ['worker_fee', 'fee_cap', 'deduction_cap', 'deduction_share', 'passport_retention', 'rest_day', 'wage_payment', 'contract_endorsement', 'communication_with_family'] as const;

export const provisionSchema = z
  .object({
    id: z.string().min(3).max(100),
    clause: z.string().min(1).max(300).meta({ description: 'The article or paragraph, as the agreement numbers it' }),
    source: z.string().min(1).max(500).meta({ description: 'Where the provision is stated' }),
    data: provisionDataSchema,
  })
  .meta({ id: 'Provision' });
export type Provision = z.infer<typeof provisionSchema>;

export const partySchema = z.object({ country: countryCode, region: z.string().max(100).nullable().default(null) });

export const agreementSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{3,100}$/),
    title: z.string().min(3).max(500),
    type: z.enum(agreementTypes),
    origin: countryCode.meta({ description: 'Country of origin of the workers it covers' }),
    destination: countryCode,
    destinationRegion: z.string().max(100).nullable().default(null).meta({ description: 'A province or state, where the agreement is with one (Saskatchewan)' }),
    signedOn: isoDate.nullable(),
    renewedOn: z.array(isoDate).default([]),
    effectiveFrom: isoDate.nullable().meta({ description: 'In force from; the signing date when unknown' }),
    expiresOn: isoDate.nullable().default(null),
    status: z.enum(agreementStatuses),
    sectors: z.array(z.enum(agreementSectors)).min(1).default(['all']),
    occupations: z.array(z.string().max(100)).default([]),
    amends: z.string().nullable().default(null).meta({ description: 'The agreement this one amends (a protocol amending an MOU)' }),
    oversight: z.array(z.object({ name: z.string(), kind: z.enum(['joint_working_group', 'joint_task_force', 'joint_committee', 'other']) })).default([]),
    sources: z.array(z.string().min(3)).min(1),
    notes: z.string().max(1000).nullable().default(null),
    provisions: z.array(provisionSchema).default([]),
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof agreementSchema>;
export type AgreementInput = z.input<typeof agreementSchema>;

const amount = z.object({ amount: z.number().int().min(0), currency: currencyCode });

/** The facts of a case to check: any of them may be missing. Money in minor units. */
export const rightsFactsSchema = z
  .object({
    origin: countryCode,
    destination: countryCode,
    destinationRegion: z.string().max(100).nullable().optional(),
    sector: z.string().max(40).nullable().optional().meta({ description: 'A sector of agreements (domestic_work…) or an ISIC code (T, A, 03…)' }),
    recruitedOn: isoDate,
    monthlyWage: amount.nullable().optional(),
    workerPaid: z.array(amount.extend({ item: z.enum(feeItems) })).optional(),
    deductions: z.array(amount.extend({ item: z.enum(feeItems), month: z.string().regex(/^\d{4}-\d{2}$/).optional() })).optional(),
    passportHeldBy: z.enum(passportHolders).nullable().optional(),
    restDaysPerWeek: z.number().int().min(0).max(7).nullable().optional(),
    restDayPaidInLieu: z.boolean().nullable().optional(),
    wagePayment: z.object({ method: z.enum(wageMethods).nullable().optional(), daysAfterPayDate: z.number().int().min(0).max(365).nullable().optional() }).nullable().optional(),
    contractEndorsedBy: z.array(z.string()).nullable().optional(),
    canCommunicateWithFamily: z.boolean().nullable().optional(),
  })
  .meta({ id: 'RightsFacts' });
export type RightsFacts = z.infer<typeof rightsFactsSchema>;

export const findingSchema = z
  .object({
    kind: z.enum(provisionKinds),
    status: z.enum(['breach', 'complies', 'unknown']),
    agreementId: z.string(),
    agreementTitle: z.string(),
    provisionId: z.string(),
    clause: z.string(),
    source: z.string(),
    baseline: z.boolean().meta({ description: 'True for the ILO baseline (no agreement, or the ILO protects more)' }),
    message: z.string(),
    exchangeRate: z.object({ from: z.string(), to: z.string(), rate: z.number(), validOn: z.string(), source: z.string() }).nullable(),
  })
  .meta({ id: 'RightsFinding' });
export type Finding = z.infer<typeof findingSchema>;

/** The facts a complaint records for the rights check: its corridor and sector come from the complaint itself. */
export const complaintRightsFactsSchema = rightsFactsSchema.omit({ origin: true, destination: true, sector: true }).meta({ id: 'ComplaintRightsFacts' });
export type ComplaintRightsFacts = z.infer<typeof complaintRightsFactsSchema>;
