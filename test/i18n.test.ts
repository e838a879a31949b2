import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorStatus } from '../src/lib/errors';
import { languages } from '../src/lib/i18n';
import { channels, complaintStates, grievanceCodes, outcomeTypes } from '../src/modules/complaints/taxonomy';

const localesDir = path.resolve(__dirname, '../locales');
const load = (language: string, namespace: string) => JSON.parse(fs.readFileSync(path.join(localesDir, language, `${namespace}.json`), 'utf8'));
const flatten = (value: Record<string, unknown>, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$meta')
      .flatMap(([key, v]) => (typeof v === 'object' && v !== null ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${key}.`)) : [[`${prefix}${key}`, String(v)]])),
  );
const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort().join(',');

describe('translations', () => {
  // Every namespace English has must exist, complete, in every other language.
  const namespaces = fs.readdirSync(path.join(localesDir, 'en')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  for (const namespace of namespaces) {
    const english = flatten(load('en', namespace));
    for (const language of languages.filter((l) => l !== 'en')) {
      it(`${language}/${namespace}.json has every key, the same placeholders, and is marked for review`, () => {
        const file = load(language, namespace);
        const translated = flatten(file);
        expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
        for (const [key, text] of Object.entries(english)) {
          // Plural forms always receive {{count}}: a language may show it in a form where English does not.
          const plural = /_(zero|one|two|few|many|other)$/.test(key);
          const strip = (list: string) => (plural ? list.split(',').filter((p) => p && p !== '{{count}}').join(',') : list);
          expect(strip(placeholders(translated[key])), key).toBe(strip(placeholders(text)));
        }
        expect(typeof file.$meta.machineDrafted).toBe("boolean");
        expect(typeof file.$meta.reviewed).toBe("boolean");
      });
    }
  }

  it('has an English message for every error code and a label for every state, channel, grievance and outcome', () => {
    const english = flatten(load('en', 'server'));
    for (const code of Object.keys(errorStatus)) expect(english, code).toHaveProperty([`errors.${code}`]);
    for (const state of complaintStates) expect(english).toHaveProperty([`state.${state}`]);
    for (const channel of channels) expect(english).toHaveProperty([`channel.${channel}`]);
    for (const grievance of grievanceCodes) expect(english).toHaveProperty([`grievance.${grievance}`]);
    for (const outcome of outcomeTypes) expect(english).toHaveProperty([`outcome.${outcome}`]);
  });

  it('writes the scripts of Thai, Khmer, Lao and Burmese in those scripts', () => {
    const scripts: Record<string, RegExp> = { th: /[\u0E00-\u0E7F]/, km: /[\u1780-\u17FF]/, lo: /[\u0E80-\u0EFF]/, my: /[\u1000-\u109F]/ };
    for (const [language, script] of Object.entries(scripts)) {
      expect(flatten(load(language, 'server'))['errors.not_found']).toMatch(script);
    }
  });
});
