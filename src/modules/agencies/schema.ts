import { z } from 'zod';

import { licenceStatuses } from './codes';

export { licenceStatuses, type LicenceStatus } from './codes';

/** Which column of a licence list holds what; the names are the list's own headers. */
export const columnMappingSchema = z.object({
  name: z.string(),
  licenceNumber: z.string(),
  authority: z.string().optional(),
  status: z.string().optional(),
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  address: z.string().optional(),
  city: z.string().optional(),
  otherNames: z.string().optional().meta({ description: 'Other names it trades under, separated by ; or |' }),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importMappingSchema = z
  .object({
    columns: columnMappingSchema.partial().optional(),
    statuses: z.record(z.string(), z.enum(licenceStatuses)).optional().meta({ description: 'The list\u2019s own status words mapped to Lintas codes' }),
    authority: z.string().optional().meta({ description: 'Issuing authority, when the list has no column for it' }),
  })
  .meta({ id: 'LicenceImportMapping' });
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const agencySummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    otherNames: z.array(z.string()),
    licenceNumber: z.string(),
    issuingCountry: z.string(),
    issuingAuthority: z.string().nullable(),
    licenceStatus: z.enum(licenceStatuses),
    licenceValidFrom: z.string().nullable(),
    licenceValidTo: z.string().nullable(),
  })
  .meta({ id: 'Agency' });
