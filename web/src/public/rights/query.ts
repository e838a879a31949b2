import { useMemo } from 'react';
import { localeFor } from '../../shared/i18n';
import { countryCodes, countryName } from '../countries';

/** The kinds of work a worker can choose; `other` is not sent to the API (every agreement may then apply). */
export const sectors = ['domestic_work', 'agriculture', 'fishing', 'construction', 'manufacturing', 'health_care', 'hospitality', 'other'] as const;

/** Countries with agreements in Lintas beyond the corridors of the complaint form (Canada's provinces, Europe, the Pacific). */
const agreementCountries = ['CA', 'AU', 'NZ', 'US', 'GB', 'ES', 'NO', 'CH', 'CZ', 'SK', 'BG', 'RU', 'KZ', 'IQ', 'LB', 'LY', 'SY', 'PG', 'MP'];

export interface Choices {
  origin: string;
  destination: string;
  sector: string;
  region: string;
}

const code = (value: string | null) => {
  const upper = (value ?? '').trim().toUpperCase();
  return /^[A-Z]{2}$/.test(upper) ? upper : '';
};

/** The choices in the page's address (?origin=ID&destination=MY&sector=domestic_work&region=Alberta), cleaned. */
export function readChoices(params: URLSearchParams): Choices {
  const sector = params.get('sector') ?? '';
  const destination = code(params.get('destination'));
  return {
    origin: code(params.get('origin')),
    destination,
    sector: (sectors as readonly string[]).includes(sector) ? sector : '',
    region: destination === 'CA' ? (params.get('region') ?? '').trim().slice(0, 100) : '',
  };
}

/** The address for the choices: only what was chosen, so that a shared link stays short. */
export function writeChoices(choices: Choices): URLSearchParams {
  const params = new URLSearchParams();
  if (choices.origin) params.set('origin', choices.origin);
  if (choices.destination) params.set('destination', choices.destination);
  if (choices.sector) params.set('sector', choices.sector);
  if (choices.destination === 'CA' && choices.region.trim()) params.set('region', choices.region.trim());
  return params;
}

/** The query for the API, or undefined until both countries are known; `other` work is sent as no sector. */
export function apiQuery(choices: Choices): string | undefined {
  if (!choices.origin || !choices.destination) return undefined;
  const params = new URLSearchParams({ origin: choices.origin, destination: choices.destination });
  if (choices.sector && choices.sector !== 'other') params.set('sector', choices.sector);
  if (choices.destination === 'CA' && choices.region.trim()) params.set('region', choices.region.trim());
  return params.toString();
}

/** The country list, sorted in the page's language; a code from a shared link that is not in it is added. */
export function useRightsCountryOptions(language: string, extra: string[]): Array<{ code: string; label: string }> {
  const extraKey = extra.join(',');
  return useMemo(() => {
    const collator = new Intl.Collator(localeFor(language));
    const codes = new Set<string>([...countryCodes, ...agreementCountries, ...extra.filter(Boolean)]);
    return [...codes].map((c) => ({ code: c, label: countryName(c, language) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [language, extraKey]);
}
