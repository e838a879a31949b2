// Codes and shapes of the agency registry that the web app shares with the server. No imports: the web bundles
// take this file as it is, without the server's Zod schemas.

export const licenceStatuses = ['valid', 'suspended', 'cancelled', 'expired', 'banned'] as const;
export type LicenceStatus = (typeof licenceStatuses)[number];

export const sanctionTypes = ['warning', 'fine', 'suspension', 'cancellation'] as const;
export type SanctionType = (typeof sanctionTypes)[number];

/** Why a row of a licence list was rejected. Labels: translations `importReason.*` and `import.reason.*`. */
export const importReasonCodes = ['missing_name', 'missing_licence_number', 'bad_date', 'unknown_status', 'duplicate_licence'] as const;
export type ImportReasonCode = (typeof importReasonCodes)[number];

/** An agency of the registry, as the API answers it. */
export interface AgencySummary {
  id: string;
  name: string;
  otherNames: string[];
  licenceNumber: string;
  issuingCountry: string;
  issuingAuthority: string | null;
  licenceStatus: LicenceStatus;
  licenceValidFrom: string | null;
  licenceValidTo: string | null;
}
