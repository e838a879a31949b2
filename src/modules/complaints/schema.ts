import { z } from 'zod';
import { countryCode, currencyCode, isicCode, isoDate, isoDateTime, languageTag, money } from '../../lib/codes';
import { complaintRightsFactsSchema, findingSchema } from '../agreements/schema';
import {
  channels,
  complainantTypes,
  complaintStates,
  eventTypes,
  forcedLabourIndicators,
  grievanceCodes,
  migrationStages,
  outcomeTypes,
  reliefTypes,
  respondentTypes,
  sexes,
  systemEventTypes,
} from './taxonomy';

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z.string().trim().regex(/^\+?[0-9 ()-]{4,24}$/, { error: 'phone' });

export const complainantSchema = z
  .object({
    type: z.enum(complainantTypes),
    name: text(200).optional(),
    phone: phone.optional(),
    relationship: text(100).optional(),
  })
  .meta({ id: 'Complainant' });

export const workerSchema = z
  .object({
    name: text(200).meta({ description: 'The name as written, in any script' }),
    nameLatin: text(200).optional(),
    sex: z.enum(sexes),
    birthDate: isoDate.optional(),
    birthYear: z.number().int().min(1900).max(2100).optional(),
    nationality: countryCode.optional(),
    passportNumber: z.string().trim().regex(/^[A-Za-z0-9]{5,20}$/, { error: 'passport' }).optional(),
    phone: phone.optional(),
    languages: z.array(languageTag).max(10).default([]),
  })
  .meta({ id: 'Worker' });

export const respondentSchema = z
  .object({
    type: z.enum(respondentTypes),
    name: text(300),
    country: countryCode.optional(),
  })
  .meta({ id: 'Respondent' });

export const consentSchema = z
  .object({
    services: z.boolean().meta({ description: 'The worker agrees that this organisation handles the case' }),
    shareWithOrganisations: z.boolean().meta({ description: 'The case may be shared with other organisations' }),
    statistics: z.boolean().meta({ description: 'The case may be counted in anonymised statistics' }),
    explained: text(2000).optional().meta({ description: 'What was explained to the worker' }),
  })
  .meta({ id: 'Consent' });

/** The standard complaint form: used by desk intake, and later by import and exchange between nodes. */
export const complaintInputSchema = z
  .object({
    channel: z.enum(channels),
    receivedAt: isoDateTime.optional().meta({ description: 'When the complaint was received; now if absent' }),
    complainant: complainantSchema,
    workers: z.array(workerSchema).min(1).max(500),
    respondents: z.array(respondentSchema).max(20).default([]),
    origin: countryCode,
    destination: countryCode,
    sector: isicCode.optional(),
    occupation: text(200).optional(),
    stage: z.enum(migrationStages),
    grievances: z.array(z.enum(grievanceCodes)).min(1).max(grievanceCodes.length),
    narrative: z.object({ text: z.string().min(1).max(50_000), language: languageTag }),
    reliefSought: z.array(z.object({ type: z.enum(reliefTypes), amount: money.optional() })).max(20).default([]),
    consent: consentSchema,
    rightsFacts: complaintRightsFactsSchema.optional().meta({ description: 'Facts to check against the agreements of the corridor' }),
  })
  .meta({ id: 'ComplaintForm' });
export type ComplaintInput = z.infer<typeof complaintInputSchema>;

export const createdComplaintSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    pin: z.string().meta({ description: 'Give it to the worker with the reference: together they let them follow the complaint' }),
    state: z.enum(complaintStates),
  })
  .meta({ id: 'CreatedComplaint' });

export const searchHighlightSchema = z
  .object({
    field: z.enum(['reference', 'worker', 'complainant', 'respondent', 'narrative']),
    text: z.string().meta({ description: 'The matching name, reference, or a snippet of the narrative ("…" where cut)' }),
    matches: z.array(z.object({ start: z.number().int(), end: z.number().int() })).meta({ description: 'Matched ranges of `text`, as UTF-16 offsets (end excluded)' }),
  })
  .meta({ id: 'SearchHighlight' });

export const complaintSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    state: z.enum(complaintStates),
    channel: z.enum(channels),
    origin: z.string(),
    destination: z.string(),
    sector: z.string().nullable(),
    stage: z.enum(migrationStages),
    grievances: z.array(z.string()),
    workerCount: z.number().int(),
    assignedTo: z.uuid().nullable(),
    receivedAt: z.string(),
    firstActionDueAt: z.string(),
    firstActionAt: z.string().nullable(),
    resolutionDueAt: z.string(),
    overdue: z.boolean(),
    updatedAt: z.string(),
    highlights: z.array(searchHighlightSchema).optional().meta({ description: 'With `q`: where the search matched (names and narrative only for users who may read the complaint; such a read is audited)' }),
  })
  .meta({ id: 'ComplaintSummary', description: 'A complaint without personal data, as lists show it (search highlights aside)' });

export const complaintEventSchema = z
  .object({
    id: z.uuid(),
    type: z.enum([...eventTypes, ...systemEventTypes]),
    occurredAt: z.string(),
    recordedAt: z.string(),
    userId: z.uuid().nullable(),
    summary: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ComplaintEvent' });

export const outcomeSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(outcomeTypes),
    currency: z.string().nullable(),
    claimed: z.number().int().nullable(),
    awarded: z.number().int().nullable(),
    received: z.number().int().nullable(),
    decidedOn: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Outcome' });

export const evidenceSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    description: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Evidence' });

export const complaintDetailSchema = complaintSummarySchema
  .extend({
    organisationId: z.uuid(),
    complainant: complainantSchema,
    workers: z.array(workerSchema.extend({ id: z.uuid() })),
    respondents: z.array(
      respondentSchema.extend({
        id: z.uuid(),
        country: z.string().nullable(),
        agencyId: z.uuid().nullable().meta({ description: 'The registry agency a desk officer confirmed this respondent is' }),
        registry: z.enum(['linked', 'not_in_registry', 'unchecked']).meta({ description: 'Whether a desk officer checked the respondent against the agency registry' }),
        licenceStatusOnRecruitment: z.enum(['valid', 'suspended', 'cancelled', 'expired', 'banned']).nullable(),
        possibleIllegalRecruitment: z.boolean().meta({ description: 'The confirmed agency\u2019s licence was not valid on the recruitment date' }),
      }),
    ),
    occupation: z.string().nullable(),
    narrative: z.object({ text: z.string(), language: z.string() }),
    reliefSought: z.array(z.object({ type: z.enum(reliefTypes), amount: money.optional() })),
    consent: consentSchema.extend({ recordedBy: z.uuid().nullable(), recordedAt: z.string() }),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    events: z.array(complaintEventSchema),
    outcomes: z.array(outcomeSchema),
    evidence: z.array(evidenceSchema),
    allowedTransitions: z.array(z.enum(complaintStates)),
    rightsFacts: complaintRightsFactsSchema.nullable(),
    rightsCheck: z
      .object({ agreements: z.array(z.object({ id: z.string(), title: z.string() })), findings: z.array(findingSchema) })
      .nullable()
      .meta({ description: 'The facts checked against the agreements in force when the worker was recruited; null without a recruitment date' }),
  })
  .meta({ id: 'ComplaintDetail' });

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item));

export const listQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({
      description:
        'Search narratives, workers\', complainants\' and respondents\' names and references, in any script: words are segmented (Thai, Khmer, Lao, Burmese), Vietnamese matches with or without tones, a Latin spelling finds a name written in another script ("Somchai" finds สมชาย), and parts of words or one or two characters are found too. Results are ranked (sorting is ignored) and carry `highlights`. A reference or its start (KH-26-7F3K) finds that complaint. Analysts search references only.',
    }),
  state: csv(z.enum(complaintStates)).optional(),
  channel: csv(z.enum(channels)).optional(),
  origin: csv(countryCode).optional(),
  destination: csv(countryCode).optional(),
  grievance: z.enum(grievanceCodes).optional(),
  stage: z.enum(migrationStages).optional(),
  sector: z.union([isicCode, z.literal('unknown')]).optional().meta({ description: 'ISIC section code, or `unknown` for complaints without one' }),
  sex: z.enum(sexes).optional().meta({ description: 'Complaints naming at least one worker of this sex' }),
  respondentType: z.enum(respondentTypes).optional(),
  agency: z.uuid().optional().meta({ description: 'Complaints with a respondent linked to this registry agency' }),
  outcome: z.enum(outcomeTypes).optional(),
  indicator: z.enum([...forcedLabourIndicators, 'recruitment_fees']).optional().meta({ description: 'Complaints showing this ILO forced-labour indicator (through their grievances), or about recruitment fees' }),
  assignedTo: z.union([z.uuid(), z.literal('me'), z.literal('none')]).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  receivedFrom: isoDate.optional(),
  receivedTo: isoDate.optional(),
  sort: z.enum(['received_at', '-received_at', 'first_action_due_at', '-first_action_due_at']).default('-received_at'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const listResultSchema = z
  .object({
    items: z.array(complaintSummarySchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` to get the next page; null on the last page' }),
    searchIndex: z
      .object({ indexed: z.number().int(), total: z.number().int() })
      .optional()
      .meta({ description: 'With `q`, while the search index is being rebuilt (a new ICU or Lintas version): how many complaints it holds so far; results miss the others' }),
  })
  .meta({ id: 'ComplaintList' });

export const transitionInputSchema = z
  .object({ to: z.enum(complaintStates), reason: z.string().trim().max(2000).optional() })
  .meta({ id: 'Transition' });

export const assignmentInputSchema = z
  .object({ userId: z.uuid().nullable() })
  .meta({ id: 'Assignment' });

export const eventInputSchema = z
  .object({
    type: z.enum(eventTypes),
    occurredAt: isoDateTime.optional(),
    summary: text(5000),
  })
  .meta({ id: 'TimelineEntry' });

export const outcomeInputSchema = z
  .object({
    type: z.enum(outcomeTypes),
    currency: currencyCode.optional(),
    claimed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    awarded: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    received: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    decidedOn: isoDate.optional(),
    note: text(2000).optional(),
  })
  .refine((o) => o.currency !== undefined || (o.claimed ?? o.awarded ?? o.received) === undefined, {
    error: 'currency_required',
    path: ['currency'],
  })
  .meta({ id: 'OutcomeRecord', description: 'Amounts in minor units of `currency`' });

export const complaintIdParams = z.object({ id: z.uuid() });
