import { z } from 'zod';
import { currencyCode } from '../../lib/codes';
import { outcomeTypes } from '../complaints/taxonomy';

export const referralKinds = ['referral', 'transfer'] as const;
export type ReferralKind = (typeof referralKinds)[number];

export const referralStates = ['pending', 'accepted', 'declined', 'withdrawn', 'completed'] as const;
export type ReferralState = (typeof referralStates)[number];

/**
 * What a sender may share, in groups. The case's facts without personal data (corridor, sector, stage,
 * grievances, number of workers, dates, the facts checked against agreements) always travel.
 */
export const shareableFields = ['narrative', 'workers', 'workerContacts', 'workerIdentity', 'complainant', 'respondents', 'reliefSought', 'outcomes'] as const;
export type ShareableField = (typeof shareableFields)[number];

/** A transfer hands the case over: the receiver must at least know what happened and to whom. */
export const fieldsRequiredForTransfer: ShareableField[] = ['narrative', 'workers'];

/** Events on a referral's history; `message` is the question-and-answer thread. */
export const referralEventTypes = ['sent', 'accepted', 'declined', 'withdrawn', 'completed', 'message', 'progress'] as const;
export type ReferralEventType = (typeof referralEventTypes)[number];

export const referralInputSchema = z
  .object({
    toOrganisationId: z.uuid(),
    kind: z.enum(referralKinds),
    reason: z.string().trim().min(3).max(2000),
    share: z.array(z.enum(shareableFields)).max(shareableFields.length).default([]),
    hideReceiverFromWorker: z.boolean().default(false).meta({
      description: 'Do not name the receiving organisation on the public tracking page (where naming it could endanger the worker)',
    }),
    consentOverride: z
      .object({ reason: z.string().trim().min(10).max(2000) })
      .optional()
      .meta({ description: 'Supervisors only: share although the worker did not consent, with the reason (audited)' }),
  })
  .meta({ id: 'NewReferral' });
export type ReferralInput = z.infer<typeof referralInputSchema>;

export const referralOutcomeSchema = z
  .object({
    type: z.enum(outcomeTypes),
    currency: currencyCode.optional(),
    claimed: z.number().int().min(0).optional(),
    awarded: z.number().int().min(0).optional(),
    received: z.number().int().min(0).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((o) => o.currency || (o.claimed === undefined && o.awarded === undefined && o.received === undefined), { error: 'currency_required', path: ['currency'] })
  .meta({ id: 'ReferralOutcome' });
export type ReferralOutcome = z.infer<typeof referralOutcomeSchema>;

export const referralActionSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('accept'), note: z.string().trim().max(2000).optional() }),
    z.object({ action: z.literal('decline'), reason: z.string().trim().min(3).max(2000) }),
    z.object({ action: z.literal('withdraw'), reason: z.string().trim().min(3).max(2000) }),
    z.object({ action: z.literal('complete'), outcome: referralOutcomeSchema }),
    z.object({ action: z.literal('message'), body: z.string().trim().min(1).max(4000) }),
  ])
  .meta({ id: 'ReferralAction', description: 'accept / decline (receiver), withdraw (sender, while pending), complete with the outcome (receiver), message (either side)' });
export type ReferralAction = z.infer<typeof referralActionSchema>;

const sharedWorkerSchema = z.object({
  name: z.string().optional(),
  nameLatin: z.string().optional(),
  sex: z.string().optional(),
  languages: z.array(z.string()).optional(),
  phone: z.string().optional(),
  birthDate: z.string().optional(),
  birthYear: z.number().optional(),
  nationality: z.string().optional(),
  passportNumber: z.string().optional(),
});

/** The shared part of a complaint, as the receiver sees it. Absent keys were not shared. */
export const sharedCaseSchema = z
  .object({
    reference: z.string(),
    channel: z.string(),
    receivedAt: z.string(),
    origin: z.string(),
    destination: z.string(),
    sector: z.string().nullable(),
    occupation: z.string().nullable(),
    stage: z.string(),
    grievances: z.array(z.string()),
    workerCount: z.number().int(),
    rightsFacts: z.record(z.string(), z.unknown()).nullable(),
    consent: z.object({ services: z.boolean(), shareWithOrganisations: z.boolean(), statistics: z.boolean() }),
    narrative: z.object({ text: z.string(), language: z.string() }).optional(),
    workers: z.array(sharedWorkerSchema).optional(),
    complainant: z.record(z.string(), z.unknown()).optional(),
    respondents: z.array(z.object({ type: z.string(), name: z.string(), country: z.string().nullable(), agencyId: z.string().nullable() })).optional(),
    reliefSought: z.array(z.object({ type: z.string(), amount: z.object({ amount: z.number(), currency: z.string() }).optional() })).optional(),
    outcomes: z
      .array(z.object({ type: z.string(), currency: z.string().nullable(), claimed: z.number().nullable(), awarded: z.number().nullable(), received: z.number().nullable(), decidedOn: z.string().nullable() }))
      .optional(),
  })
  .meta({ id: 'SharedCase' });
export type SharedCase = z.infer<typeof sharedCaseSchema>;

export const referralEventSchema = z
  .object({
    id: z.uuid(),
    type: z.enum(referralEventTypes),
    organisationId: z.string(),
    userName: z.string().nullable(),
    body: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    occurredAt: z.string(),
  })
  .meta({ id: 'ReferralEvent' });

const organisationRef = z.object({ id: z.string(), name: z.string(), country: z.string(), type: z.string() });

export const referralSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(referralKinds),
    state: z.enum(referralStates),
    direction: z.enum(['incoming', 'outgoing']),
    from: organisationRef,
    to: organisationRef,
    complaintId: z.string().nullable().meta({ description: "The sender's complaint (outgoing), or a transfer's new complaint (incoming, once accepted)" }),
    reference: z.string(),
    grievances: z.array(z.string()),
    createdAt: z.string(),
    responseDueAt: z.string(),
    overdue: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReferralSummary' });

export const referralSchema = referralSummarySchema
  .extend({
    reason: z.string(),
    sharedFields: z.array(z.enum(shareableFields)),
    shared: sharedCaseSchema,
    hideReceiverFromWorker: z.boolean(),
    consentOverride: z.object({ reason: z.string(), by: z.string().nullable(), at: z.string() }).nullable(),
    respondedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    outcome: referralOutcomeSchema.nullable(),
    events: z.array(referralEventSchema),
  })
  .meta({ id: 'Referral' });

// Query strings carry no schema id: @fastify/swagger cannot turn a referenced schema into parameters.
export const referralListQuerySchema = z
  .object({
    direction: z.enum(['incoming', 'outgoing']).default('incoming'),
    state: z.enum(referralStates).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    complaintId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  });
export type ReferralListQuery = z.infer<typeof referralListQuerySchema>;
