import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { repositoryRoot } from '../support/process';

const dist = path.join(repositoryRoot, 'web/dist');
const budget = 150 * 1024;

interface ManifestEntry { file: string; css?: string[]; imports?: string[]; dynamicImports?: string[]; src?: string; isEntry?: boolean }

// What a phone downloads on its first visit to a public page: the entry's JavaScript with everything it imports
// statically, its CSS, and one language's translation files (the largest, to be safe). Fonts are not counted:
// they are separate files, fetched only for the scripts a page shows.
it('keeps the first load of a public page under 150 KB of compressed JavaScript and CSS', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest-public.json'), 'utf8')) as Record<string, ManifestEntry>;
  const entry = Object.entries(manifest).find(([key]) => key === 'index.html')?.[1];
  expect(entry, 'the public entry is in the manifest').toBeDefined();
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit('index.html');
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  const code = [...files].reduce((sum, file) => sum + gz(file), 0);
  const languageFiles = Object.entries(manifest).filter(([key]) => /locales\/[a-z]+\/(public|server)\.json$/.test(key));
  const perLanguage = new Map<string, number>();
  for (const [key, chunk] of languageFiles) {
    const language = key.split('/').at(-2)!;
    perLanguage.set(language, (perLanguage.get(language) ?? 0) + gz(chunk.file));
  }
  const english = perLanguage.get('en') ?? 0;
  const largest = Math.max(...perLanguage.values());
  const total = code + english + largest; // English is always loaded as the fallback
  console.log(`public first load: ${(code / 1024).toFixed(1)} KB code and CSS + ${((english + largest) / 1024).toFixed(1)} KB translations = ${(total / 1024).toFixed(1)} KB compressed (budget 150 KB)`);
  expect(perLanguage.size).toBe(9);
  expect(total).toBeLessThanOrEqual(budget);
  // The desk workspace's code is not part of it.
  const desk = JSON.parse(fs.readFileSync(path.join(dist, 'manifest-desk.json'), 'utf8')) as Record<string, ManifestEntry>;
  expect(files.has(desk['desk.html'].file)).toBe(false);
});
