import { useMemo } from 'react';
import { localeFor } from '../shared/i18n';

/** The countries of the corridors workers in South-East Asia use most: origins first, then destinations. */
export const countryCodes = [
  'KH', 'MM', 'LA', 'VN', 'ID', 'PH', 'TH', 'MY', 'SG', 'BN', 'NP', 'BD', 'LK',
  'IN', 'TW', 'HK', 'JP', 'KR', 'SA', 'AE', 'QA', 'KW', 'OM', 'JO', 'BH',
] as const;

const cache = new Map<string, Intl.DisplayNames | null>();

function names(language: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${type}:${language}`;
  if (!cache.has(key)) {
    try {
      cache.set(key, new Intl.DisplayNames([localeFor(language), language, 'en'], { type }));
    } catch {
      cache.set(key, null);
    }
  }
  return cache.get(key) ?? null;
}

/** A country's name in the page's language, from the browser itself (no tables shipped with the page). */
export function countryName(code: string, language: string): string {
  try {
    return names(language, 'region')?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language's name in the page's language: `km` → "Khmer" in English, "ខ្មែរ" in Khmer. */
export function languageName(code: string, language: string): string {
  try {
    return names(language, 'language')?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The country list for a <select>, sorted by name in the page's language. */
export function useCountryOptions(language: string): Array<{ code: string; label: string }> {
  return useMemo(() => {
    const collator = new Intl.Collator(localeFor(language));
    return countryCodes
      .map((code) => ({ code, label: countryName(code, language) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [language]);
}

/** "Khmer, Thai and English", joined the way the page's language joins a list. */
export function formatList(items: string[], language: string): string {
  try {
    return new Intl.ListFormat(localeFor(language), { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}
