import { z } from 'zod';
import { countryCode, languageTag } from '../../lib/codes';

export const organisationTypes = [
  'trade_union_centre',
  'migrant_resource_centre',
  'government_labour_office',
  'labour_attache',
  'ngo',
  'legal_aid',
  'international_organisation',
  'employers_organisation',
] as const;

export const organisationInputSchema = z
  .object({
    name: z.string().trim().min(2).max(300),
    type: z.enum(organisationTypes),
    country: countryCode,
    languages: z.array(languageTag).min(1).max(20),
    firstActionDays: z.number().int().min(1).max(365).default(10),
    resolutionDays: z.number().int().min(1).max(3650).default(90),
    acceptsPublicComplaints: z.boolean().default(false),
  })
  .meta({ id: 'NewOrganisation' });
export type OrganisationInput = z.infer<typeof organisationInputSchema>;

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(organisationTypes),
    country: z.string(),
    languages: z.array(z.string()),
    firstActionDays: z.number().int(),
    resolutionDays: z.number().int(),
    acceptsPublicComplaints: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const deadlinesInputSchema = z
  .object({
    firstActionDays: z.number().int().min(1).max(365),
    resolutionDays: z.number().int().min(1).max(3650),
  })
  .meta({ id: 'Deadlines', description: 'Apply to complaints received from now on' });
