import { formatDate, localeFor } from '../../shared/i18n';

// The answer of GET /api/v1/public/agencies?q= (see src/modules/agencies/routes.ts). Sanctions, assessment and
// ratings are newer and may be absent: the page shows them only when the answer has them.

/** A count published about people: from 1 to 4 only "fewer than 5" is said, so that no one can be identified. */
export interface SuppressedCount {
  count: number | null;
  fewerThan: number | null;
}

import { type AgencySummary, type LicenceStatus, licenceStatuses, type SanctionType } from '../../../../src/modules/agencies/codes';

export { licenceStatuses, type LicenceStatus };

export interface Sanction {
  type: SanctionType;
  decidedOn: string;
  decision: string;
}

export interface Assessment {
  criteriaSet: string;
  period: string;
  rank: number;
  of: number;
  score: number;
}

export interface Ratings extends SuppressedCount {
  fees: number | null;
  orientation: number | null;
  contract: number | null;
}

export interface Agency extends AgencySummary {
  complaints: SuppressedCount;
  sanctions?: Sanction[];
  assessment?: Assessment | null;
  ratings?: Ratings | null;
}

/** What the worker should take from a licence status: a status this page does not know is not called valid. */
export const statusKey = (status: string): LicenceStatus | 'unknown' => ((licenceStatuses as readonly string[]).includes(status) ? (status as LicenceStatus) : 'unknown');

/** The longest search the API takes. */
export const maxQueryLength = 300;

/** The search in the page's address (?q=…), trimmed. */
export const readQuery = (params: URLSearchParams): string => (params.get('q') ?? '').trim().slice(0, maxQueryLength);

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** A day of the licence (YYYY-MM-DD) in the page's language; read at local noon so that no time zone moves it. */
export const formatDay = (day: string, language: string): string => (isDay(day) ? formatDate(`${day}T12:00:00`, language) : day);

/** Today on this phone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

/** True when a licence called valid has an end date that has already passed (the list may be out of date). */
export const endDatePassed = (agency: Agency): boolean => agency.licenceStatus === 'valid' && agency.licenceValidTo !== null && isDay(agency.licenceValidTo) && agency.licenceValidTo < today();

/** Other names of an agency, listed the page's way without "and" (they are alternatives): "Sinar Harapan, SHJAS". */
export function formatNames(names: string[], language: string): string {
  try {
    return new Intl.ListFormat(localeFor(language), { type: 'unit', style: 'short' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** An average rating, with one decimal, in the page's language: 3.5, ၃.၅, 3,5. */
export const formatScore = (value: number, language: string): string =>
  new Intl.NumberFormat(localeFor(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

/** A ranking score as given, in the page's language. */
export const formatNumber = (value: number, language: string): string => new Intl.NumberFormat(localeFor(language), { maximumFractionDigits: 2 }).format(value);

/** Five stars for a rating from 1 to 5, for the eye only: the number is what is read out. */
export function stars(value: number): string {
  const full = Math.min(5, Math.max(0, Math.round(value)));
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}
