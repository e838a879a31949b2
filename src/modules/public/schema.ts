import { z } from 'zod';
import { complaintInputSchema } from '../complaints/schema';
import { complaintStates } from '../complaints/taxonomy';

/** The short public form: the standard form without the desk's fields, plus a honeypot that people never fill. */
export const publicComplaintInputSchema = complaintInputSchema
  .omit({ channel: true, receivedAt: true })
  .extend({
    organisationId: z.uuid().optional().meta({ description: 'Where to send it; otherwise Lintas routes it by the corridor' }),
    workers: complaintInputSchema.shape.workers.max(50),
    website: z.string().max(0, { error: 'spam' }).optional().meta({ description: 'Leave empty (spam trap)' }),
  })
  .meta({ id: 'PublicComplaintForm' });
export type PublicComplaintInput = z.infer<typeof publicComplaintInputSchema>;

export const publicCreatedSchema = z
  .object({ reference: z.string(), pin: z.string() })
  .meta({ id: 'PublicComplaintCreated', description: 'Keep both: together they let the worker follow the complaint' });

export const trackInputSchema = z
  .object({
    reference: z.string().trim().min(4).max(40),
    pin: z.string().trim().regex(/^\d{6}$/, { error: 'pin' }),
  })
  .meta({ id: 'Track' });

export const trackResultSchema = z
  .object({
    reference: z.string(),
    state: z.enum(complaintStates),
    lastUpdatedAt: z.string(),
    referrals: z.array(
      z.object({
        kind: z.enum(['referral', 'transfer']),
        state: z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'completed']),
        organisation: z.string().nullable().meta({ description: 'Null when naming it could endanger the worker' }),
        country: z.string().nullable(),
        since: z.string(),
        progress: z.enum(complaintStates).nullable().meta({ description: "A transferred case's state at the receiving organisation" }),
      }),
    ),
  })
  .meta({ id: 'TrackResult', description: 'The status, the time of the last change, and where the case was sent; nothing more' });

export const publicOrganisationSchema = z
  .object({ id: z.uuid(), name: z.string(), type: z.string(), country: z.string(), languages: z.array(z.string()) })
  .meta({ id: 'PublicOrganisation', description: 'An organisation that takes complaints from the public form' });
