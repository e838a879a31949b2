import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type TFunction } from 'i18next';
import { type Language, languages } from '../../lib/i18n';

// The `exchange` namespace (column headers, import reasons) is only needed by exports and imports, so it is
// loaded here rather than by every server start in src/lib/i18n.ts.
const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');
const read = (language: string, namespace: string) => JSON.parse(fs.readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8')) as Record<string, unknown>;

const instance = i18next.createInstance();
await instance.init({
  resources: Object.fromEntries(languages.map((language) => [language, { exchange: read(language, 'exchange') }])),
  lng: 'en',
  fallbackLng: 'en',
  ns: ['exchange'],
  defaultNS: 'exchange',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** Translations of the exchange namespace in one language: column headers, yes/no, import reasons. */
export function exchangeTranslator(language: Language): TFunction {
  return instance.getFixedT(language, 'exchange');
}

/** One key's text in every Lintas language, from a namespace's file (for recognising headers and values people typed). */
export function textsInEveryLanguage(namespace: 'exchange' | 'server', key: string): string[] {
  const texts: string[] = [];
  for (const language of languages) {
    let node: unknown = namespace === 'exchange' ? instance.getResourceBundle(language, 'exchange') : serverBundles()[language];
    for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (typeof node === 'string') texts.push(node);
  }
  return texts;
}

let server: Record<string, Record<string, unknown>> | undefined;
const serverBundles = () => (server ??= Object.fromEntries(languages.map((language) => [language, read(language, 'server')])));

/** An import reason as a sentence in `language`: the column's label, the line inside a list cell, the rule broken. */
export function describeImportReason(language: Language, reason: { code: string; field: string | null; item?: number; value?: string; rule?: string }): string {
  const t = exchangeTranslator(language);
  const label = reason.field ? t(`columns.${reason.field}`) : '';
  const field = reason.item !== undefined ? t('fieldItem', { field: label, item: reason.item }) : label;
  const text = t(`importReason.${reason.code}`, { field, value: reason.value ?? '' });
  if (!reason.rule) return text;
  const server = instanceServer(language);
  return `${text} (${server(`validation.${reason.rule}`, { defaultValue: server('validation.invalid') })})`;
}

const instanceServer = (language: Language) => {
  const bundles = serverBundles();
  if (!instance.hasResourceBundle(language, 'server')) instance.addResourceBundle(language, 'server', bundles[language]);
  if (!instance.hasResourceBundle('en', 'server')) instance.addResourceBundle('en', 'server', bundles.en);
  return instance.getFixedT(language, 'server');
};
