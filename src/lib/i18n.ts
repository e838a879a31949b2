import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type Resource, type TFunction } from 'i18next';

/** The languages Lintas speaks, as BCP 47 codes: English, Indonesian, Malay, Filipino, Thai, Khmer, Lao, Burmese, Vietnamese. */
export const languages = ['en', 'id', 'ms', 'fil', 'th', 'km', 'lo', 'my', 'vi'] as const;
export type Language = (typeof languages)[number];

const localesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

const namespaces = ['server', 'cli'] as const;

function loadResources(): Resource {
  const resources: Resource = {};
  for (const language of languages) {
    resources[language] = Object.fromEntries(
      namespaces.map((ns) => [ns, JSON.parse(fs.readFileSync(path.join(localesDir, language, `${ns}.json`), 'utf8'))]),
    );
  }
  return resources;
}

const instance = i18next.createInstance();
await instance.init({
  resources: loadResources(),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...languages],
  ns: [...namespaces],
  defaultNS: 'server',
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The translation function for one language (server-side messages: errors, e-mails, exports' headers). */
export function translator(language: Language, namespace: (typeof namespaces)[number] = 'server'): TFunction {
  return instance.getFixedT(language, namespace);
}

const aliases: Record<string, Language> = { tl: 'fil', in: 'id', zsm: 'ms', bur: 'my', mya: 'my' };

/** Picks the best Lintas language from an Accept-Language header (or a `lang` value); English when none fits. */
export function pickLanguage(...preferences: Array<string | undefined>): Language {
  for (const preference of preferences) {
    if (!preference) continue;
    const ranked = preference
      .split(',')
      .map((part) => {
        const [tag, ...attributes] = part.trim().split(';');
        const quality = attributes.find((a) => a.trim().startsWith('q='));
        return { tag: tag.trim().toLowerCase(), q: quality ? Number(quality.trim().slice(2)) : 1 };
      })
      .filter((entry) => entry.tag && entry.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const { tag } of ranked) {
      const primary = tag.split('-')[0];
      if ((languages as readonly string[]).includes(primary)) return primary as Language;
      if (aliases[primary]) return aliases[primary];
    }
  }
  return 'en';
}
