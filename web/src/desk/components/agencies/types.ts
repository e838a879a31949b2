// Shapes of the agency registry API (src/modules/agencies/routes.ts), as the desk pages read them.
import type { AgencySummary, LicenceStatus, SanctionType } from '../../../../../src/modules/agencies/codes';

export { importReasonCodes, licenceStatuses, sanctionTypes, type LicenceStatus, type SanctionType } from '../../../../../src/modules/agencies/codes';
/** Fields of a licence list, in the order the import report lists them. */
export const importFields = ['name', 'licenceNumber', 'authority', 'status', 'validFrom', 'validTo', 'address', 'city', 'otherNames'] as const;

export type Agency = AgencySummary;

export interface AgencyDetail extends Agency {
  licenceHistory: Array<{ status: LicenceStatus; effectiveOn: string; source: string }>;
}

/** A count published without identifying anyone: `count`, or only `fewerThan` (5) when it is from 1 to 4. */
export interface SuppressedCount {
  count: number | null;
  fewerThan: number | null;
}

export interface Sanction {
  type: SanctionType;
  decidedOn: string;
  until: string | null;
  decision: string;
}

export interface AgencyLookup extends Agency {
  complaints: SuppressedCount;
  sanctions: Sanction[];
  assessment: { criteriaSet: string; period: string; rank: number; of: number; score: number } | null;
  ratings: (SuppressedCount & { fees: number | null; orientation: number | null; contract: number | null }) | null;
}

export interface Unresolved {
  agencyId: string;
  name: string;
  licenceNumber: string;
  licenceStatus: string;
  open: number;
}

export interface AgencyRecord {
  byState: Record<string, number>;
  byYear: Record<string, number>;
  byGrievance: Record<string, number>;
  money: Array<{ currency: string; claimed: number; awarded: number; received: number }>;
}

export interface CriteriaSet {
  id: string;
  name: string;
  source: string;
  criteria: Array<{ code: string; label: string; maxScore: number; weight: number }>;
}

export interface RankingRow {
  rank: number;
  of: number;
  agencyId: string;
  name: string;
  licenceNumber: string;
  score: number;
}

export interface ImportReport {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  columns: Record<string, string | undefined>;
  rejected: Array<{ line: number; reasons: Array<{ code: string; value?: string }> }>;
}

export interface PendingRating {
  id: string;
  agencyId: string;
  agencyName: string;
  fees: number;
  orientation: number;
  contract: number;
  comment: string | null;
  language: string;
  createdAt: string;
}

/** Roles the API lets record sanctions and assessments (within a government labour office) and moderate ratings. */
export const regulatorRoles = ['supervisor', 'org_admin', 'system_admin'];
export const moderatorRoles = ['supervisor', 'org_admin', 'system_admin'];
