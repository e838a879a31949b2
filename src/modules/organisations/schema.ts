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

/** What an organisation offers a worker, for the directory. */
export const organisationServices = [
  'information',
  'counselling',
  'legal_aid',
  'conciliation',
  'shelter',
  'medical',
  'repatriation_support',
  'consular_help',
] as const;
export type OrganisationService = (typeof organisationServices)[number];

/** ISO 3166-2 subdivision code, e.g. MY-01 (Johor). */
const subdivisionCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { error: 'iso3166_2' });

export const areaSchema = z
  .object({
    country: countryCode,
    subdivision: subdivisionCode.optional().meta({ description: 'ISO 3166-2 code; absent when the whole country is served' }),
    name: z.string().trim().min(1).max(120).optional().meta({ description: 'The area as people name it, e.g. Johor' }),
  })
  .refine((a) => !a.subdivision || a.subdivision.startsWith(`${a.country}-`), { error: 'iso3166_2', path: ['subdivision'] });

export const directoryProfileSchema = z
  .object({
    description: z.string().trim().max(2000).optional(),
    services: z.array(z.enum(organisationServices)).max(organisationServices.length).default([]),
    areas: z.array(areaSchema).max(200).default([]),
    hours: z.string().trim().max(300).optional().meta({ description: 'Opening hours as the organisation states them' }),
    contacts: z
      .object({
        phone: z.string().trim().max(40).optional(),
        hotline: z.string().trim().max(40).optional(),
        email: z.email().max(200).optional(),
        address: z.string().trim().max(500).optional(),
        website: z.url().max(300).optional(),
      })
      .default({}),
    focalPoints: z
      .array(
        z.object({
          name: z.string().trim().min(1).max(200),
          role: z.string().trim().max(200).optional(),
          phone: z.string().trim().max(40).optional(),
          email: z.email().max(200).optional(),
          languages: z.array(languageTag).max(20).default([]),
        }),
      )
      .max(50)
      .default([]),
    listed: z.boolean().default(false).meta({ description: 'Show the organisation in the public directory' }),
  })
  .meta({ id: 'DirectoryProfile' });
export type DirectoryProfile = z.infer<typeof directoryProfileSchema>;

export const organisationInputSchema = z
  .object({
    name: z.string().trim().min(2).max(300),
    type: z.enum(organisationTypes),
    country: countryCode,
    languages: z.array(languageTag).min(1).max(20),
    firstActionDays: z.number().int().min(1).max(365).default(10),
    resolutionDays: z.number().int().min(1).max(3650).default(90),
    acceptsPublicComplaints: z.boolean().default(false),
    profile: directoryProfileSchema.optional(),
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
    profile: directoryProfileSchema,
    nodeId: z.string().nullable().meta({ description: 'The partner Lintas node hosting it; null when hosted on this node' }),
  })
  .meta({ id: 'Organisation' });

export const deadlinesInputSchema = z
  .object({
    firstActionDays: z.number().int().min(1).max(365),
    resolutionDays: z.number().int().min(1).max(3650),
  })
  .meta({ id: 'Deadlines', description: 'Apply to complaints received from now on' });
