// Codes of the standard complaint form, shared with the API (one source of truth: the server's taxonomy), and
// helpers to show them: country and language names from Intl, currencies and their minor units.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeFor } from '../../shared/i18n';
import { complaintStates, grievanceCodes, grievances, migrationStages } from '../../../../src/modules/complaints/taxonomy';

export {
  channels,
  complainantTypes,
  complaintStates,
  eventTypes,
  finalStates,
  forcedLabourIndicators,
  grievanceCodes,
  grievances,
  migrationStages,
  outcomeTypes,
  reliefTypes,
  respondentTypes,
  sexes,
  transitionsNeedingReason,
} from '../../../../src/modules/complaints/taxonomy';
export type ComplaintState = (typeof complaintStates)[number];
export type GrievanceCode = (typeof grievanceCodes)[number];
export type Stage = (typeof migrationStages)[number];

/** Roles an organisation administrator may give (system administrators are made with the command line). */
export const assignableRoles = ['desk_officer', 'case_manager', 'supervisor', 'org_admin', 'analyst'] as const;
/** Roles that handle cases and may be assigned one. */
export const caseRoles = ['desk_officer', 'case_manager', 'supervisor'];

/** ISIC Rev. 4 sections, and the two divisions migrant work concentrates in. Labels: desk.json `isic.<code>`. */
export const isicSections = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
export const isicDivisions = ['03', '97'];

/** Grievance codes grouped by the stage of migration where they usually happen, in form order. */
export const grievancesByStage: Array<{ stage: Stage; codes: GrievanceCode[] }> = migrationStages
  .map((stage) => ({ stage, codes: grievanceCodes.filter((code) => grievances[code].stage === stage) }))
  .filter((group) => group.codes.length > 0);

// Countries: every assigned ISO 3166-1 alpha-2 code Intl can name, without the codes the API refuses.
const notCountries = new Set(['EU', 'UN', 'EZ', 'QO', 'XK', 'ZZ', 'AA', 'XA', 'XB']);
const englishRegions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
export const countryCodes: string[] = (() => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const codes: string[] = [];
  for (const a of letters)
    for (const b of letters) {
      const code = a + b;
      if (notCountries.has(code) || /^Q[M-Z]$|^X[A-Z]$/.test(code)) continue;
      let name: string | undefined;
      try {
        name = englishRegions.of(code);
      } catch {
        name = undefined;
      }
      if (name && name !== code) codes.push(code);
    }
  return codes;
})();
/** Countries of origin and destination most desks see: listed first. */
export const commonCountries = ['KH', 'ID', 'LA', 'MM', 'PH', 'TH', 'VN', 'MY', 'SG', 'BN', 'TL', 'HK', 'TW', 'KR', 'JP', 'SA', 'AE', 'QA', 'KW', 'OM', 'BH', 'JO'];

/** The currencies Intl knows, and the ones of the region first. */
export const currencyCodes: string[] = (() => {
  try {
    return Intl.supportedValuesOf('currency');
  } catch {
    return [];
  }
})();
export const commonCurrencies = ['MYR', 'THB', 'SGD', 'USD', 'KHR', 'IDR', 'PHP', 'VND', 'MMK', 'LAK', 'BND', 'HKD', 'TWD', 'KRW', 'JPY', 'SAR', 'AED', 'QAR'];

/** Digits after the decimal point of a currency (2 for MYR, 0 for IDR, 3 for KWD). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * Reads an amount as typed ("1,500.50", "1 500,50" in a comma-decimal language) into minor units of the
 * currency, without floating point. Returns undefined for an empty field and NaN for an unreadable one.
 */
export function parseMinorUnits(typed: string, currency: string, language: string): number | undefined {
  const raw = typed.replace(/[\s\u00a0\u202f_']/g, '');
  if (raw === '') return undefined;
  const parts = new Intl.NumberFormat(localeFor(language)).formatToParts(1234.5);
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  let normalised = raw;
  const lastDot = raw.lastIndexOf('.');
  const lastComma = raw.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // Both used: the last one is the decimal separator.
    const dec = lastDot > lastComma ? '.' : ',';
    normalised = raw.split(dec === '.' ? ',' : '.').join('').replace(dec, '.');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = raw.split(sep).length - 1;
    const tail = raw.length - raw.lastIndexOf(sep) - 1;
    // One separator followed by exactly three digits is a thousands separator where the language groups with it.
    const isGroup = count > 1 || (sep === group && sep !== decimal && tail === 3);
    normalised = isGroup ? raw.split(sep).join('') : raw.replace(sep, '.');
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalised);
  if (!match) return Number.NaN;
  const digits = currencyDigits(currency || 'USD');
  const fraction = match[2] ?? '';
  if (fraction.replace(/0+$/, '').length > digits) return Number.NaN;
  const minor = Number(match[1] + fraction.padEnd(digits, '0').slice(0, digits));
  return Number.isSafeInteger(minor) ? minor : Number.NaN;
}

/** Country, language and currency names in the interface language. */
export function useNames() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const make = (type: 'region' | 'language' | 'currency') => {
      try {
        return new Intl.DisplayNames([localeFor(language), 'en'], { type, fallback: 'code' });
      } catch {
        return undefined;
      }
    };
    const regions = make('region');
    const languages = make('language');
    const currencies = make('currency');
    const safe = (names: Intl.DisplayNames | undefined, code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const sortedCountries = [...countryCodes].sort((a, b) => safe(regions, a).localeCompare(safe(regions, b), localeFor(language)));
    return {
      country: (code: string | null | undefined) => (code ? safe(regions, code) : ''),
      language: (code: string) => safe(languages, code),
      currency: (code: string) => safe(currencies, code),
      sortedCountries,
    };
  }, [language]);
}

/** A random id for Idempotency-Key; works where crypto.randomUUID does not (plain http on a local network). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The value of a datetime-local input as an ISO date-time, or undefined when empty or unreadable. */
export function localDateTimeToIso(value: string): string | undefined {
  if (!value) return undefined;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** Now as a datetime-local input value. */
export function nowLocalDateTime(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

/** A count or other plain number in the interface language's digits and grouping. */
export const formatNumber = (value: number, language: string) => new Intl.NumberFormat(localeFor(language)).format(value);

/** A file size (kB or MB) in the interface language. */
export function formatBytes(bytes: number, language: string): string {
  const mb = bytes >= 1_000_000;
  return new Intl.NumberFormat(localeFor(language), { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
    mb ? bytes / 1_000_000 : Math.max(bytes / 1000, 0.1),
  );
}

/** The start of this organisation's references, as a search example: "KH-26-". */
export const referenceExample = (country: string | undefined) => `${country ?? 'KH'}-${String(new Date().getFullYear()).slice(2)}-`;
