import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/** The languages of Lintas, and each one's name in itself (shown in the language switcher). */
export const languages = ['en', 'id', 'ms', 'fil', 'th', 'km', 'lo', 'my', 'vi'] as const;
export type Language = (typeof languages)[number];
export const languageNames: Record<Language, string> = {
  en: 'English',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  fil: 'Filipino',
  th: 'ไทย',
  km: 'ខ្មែរ',
  lo: 'ລາວ',
  my: 'မြန်မာ',
  vi: 'Tiếng Việt',
};

/** BCP 47 locale for dates and numbers; Thai keeps the Buddhist calendar people expect. */
export const localeFor = (language: string): string => ({ fil: 'fil-PH', ms: 'ms-MY', id: 'id-ID', th: 'th-TH', km: 'km-KH', lo: 'lo-LA', my: 'my-MM', vi: 'vi-VN', en: 'en-GB' })[language] ?? 'en-GB';

// Each language's files are separate chunks: a phone downloads only the language it shows.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../../../locales/*/{public,desk,server,agencies,referrals,dashboard,statistics,exchange}.json');
const storageKey = 'lintas.language';

function detect(): Language {
  const stored = localStorage.getItem(storageKey);
  if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    const mapped = primary === 'tl' ? 'fil' : primary;
    if ((languages as readonly string[]).includes(mapped)) return mapped as Language;
  }
  return 'en';
}

async function loadLanguage(language: Language, namespaces: string[]) {
  for (const namespace of namespaces) {
    if (i18next.hasResourceBundle(language, namespace)) continue;
    const load = files[`../../../locales/${language}/${namespace}.json`];
    if (!load) continue;
    const { $meta: _meta, ...resources } = (await load()).default as Record<string, unknown>;
    i18next.addResourceBundle(language, namespace, resources, true, true);
  }
}

let activeNamespaces: string[] = [];

/** Starts i18next with the worker's or officer's language and the given namespaces (the first is the default). */
export async function startI18n(namespaces: string[]): Promise<void> {
  activeNamespaces = namespaces;
  const language = detect();
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    ns: namespaces,
    defaultNS: namespaces[0],
    resources: {},
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  await loadLanguage('en', namespaces);
  await changeLanguage(language);
}

/** Switches the language, loading its files first, and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  await loadLanguage(language, activeNamespaces);
  await i18next.changeLanguage(language);
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
}

export const formatDate = (iso: string, language: string) =>
  new Intl.DateTimeFormat(localeFor(language), { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(iso));

export const formatDateTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(localeFor(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** Money from minor units: 150000 MYR → "RM 1,500.00" in the user's locale. */
export function formatMoney(amount: number, currency: string, language: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(localeFor(language), { style: 'currency', currency }).format(amount / 10 ** digits);
}
