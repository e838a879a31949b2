// What the intake and the complaint page share about the rights check: the facts' codes and how to name them.
import type { TFunction } from 'i18next';
import { localeFor } from '../../shared/i18n';
export { feeItems, passportHolders, wageMethods } from '../../../../src/modules/agreements/codes';

export const findingStatuses = ['breach', 'unknown', 'complies'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

export type ProvisionKind =
  | 'worker_fee'
  | 'fee_cap'
  | 'deduction_cap'
  | 'deduction_share'
  | 'passport_retention'
  | 'rest_day'
  | 'wage_payment'
  | 'contract_endorsement'
  | 'communication_with_family';

/** The answer of GET /api/v1/public/rights (only what the desk reads of it). */
export interface RightsOverview {
  on: string;
  agreements: Array<{ id: string; title: string; destinationRegion: string | null }>;
  provisions: Array<{
    agreementId: string;
    agreementTitle: string;
    baseline: boolean;
    clause: string;
    source: string;
    data: { kind: ProvisionKind; daysPerWeek?: number; payInLieuAllowed?: boolean; endorsedBy?: string[] };
  }>;
}

/** A label's first letter in capitals where the script has them (server labels are written for mid-sentence). */
export function capitalise(text: string, language: string): string {
  return text ? text.charAt(0).toLocaleUpperCase(localeFor(language)) + text.slice(1) : text;
}

/** The label of a fee item, for a list or an option. */
export const feeItemLabel = (t: TFunction, item: string, language: string) => capitalise(t(`server:feeItem.${item}`, { defaultValue: item }), language);

/**
 * "Embassy or consulate of Indonesia" for `ID_mission` (or `ID_embassy`), "Government of the Philippines" for
 * `PH_government`; an unknown code is shown as it is.
 */
export function authorityLabel(code: string, t: TFunction, countryName: (code: string) => string): string {
  const [country, kind] = code.split('_');
  if (!country || !/^[A-Z]{2}$/.test(country)) return code;
  if (kind === 'mission' || kind === 'embassy' || kind === 'consulate') return t('intake.rights.authority.mission', { country: countryName(country) });
  if (kind === 'government') return t('intake.rights.authority.government', { country: countryName(country) });
  return code;
}

/** A calendar date (YYYY-MM-DD) in the interface language, without shifting it by the time zone. */
export function formatDay(date: string, language: string): string {
  const time = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(time.getTime())) return date;
  return new Intl.DateTimeFormat(localeFor(language), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(time);
}

/** A month (YYYY-MM) in the interface language. */
export function formatMonth(month: string, language: string): string {
  const time = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(time.getTime())) return month;
  return new Intl.DateTimeFormat(localeFor(language), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(time);
}
