import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey, nameSimilarity, normaliseAgencyName, sameAgencyThreshold } from './match-names';

interface Pair {
  typed: string;
  licensed: string;
  same: boolean;
  script: 'latin' | 'thai' | 'khmer' | 'vietnamese';
}

const pairs = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/agencies/name-pairs.json'), 'utf8')) as Pair[];

function measure(subset: Pair[], threshold = sameAgencyThreshold) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const pair of subset) {
    const predicted = nameSimilarity(nameKey(pair.typed), nameKey(pair.licensed)) >= threshold;
    if (predicted && pair.same) truePositives += 1;
    if (predicted && !pair.same) falsePositives += 1;
    if (!predicted && pair.same) falseNegatives += 1;
  }
  return { precision: truePositives / (truePositives + falsePositives || 1), recall: truePositives / (truePositives + falseNegatives || 1) };
}

describe('agency name matching', () => {
  it('removes legal forms, case, punctuation and Latin accents, but keeps Thai and Khmer marks', () => {
    expect(normaliseAgencyName('PT. Maju Jaya Abadi')).toBe(normaliseAgencyName('Maju Jaya Abadi, PT'));
    expect(normaliseAgencyName('บริษัท สยามจัดหางาน จำกัด')).toBe('สยามจัดหางาน');
    expect(normaliseAgencyName('Công ty Cổ phần Hà Nội')).toBe('ha noi');
    expect(normaliseAgencyName('ក្រុមហ៊ុន ពន្លឺមាស ឯ.ក')).toBe('ពន្លឺមាស');
  });

  // The target: precision ≥ 0.95 at recall ≥ 0.9, over all the labelled pairs.
  it(`reaches precision ≥ 0.95 at recall ≥ 0.9 on ${pairs.length} labelled pairs in Latin, Thai and Khmer scripts`, () => {
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    for (const script of ['latin', 'thai', 'khmer'] as const) expect(pairs.filter((p) => p.script === script).length).toBeGreaterThanOrEqual(90);
    const overall = measure(pairs);
    console.log(`name matching at ${sameAgencyThreshold}: precision ${overall.precision.toFixed(3)}, recall ${overall.recall.toFixed(3)}`);
    for (const script of ['latin', 'thai', 'khmer', 'vietnamese'] as const) {
      const m = measure(pairs.filter((p) => p.script === script));
      console.log(`  ${script}: precision ${m.precision.toFixed(3)}, recall ${m.recall.toFixed(3)}`);
    }
    expect(overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(overall.recall).toBeGreaterThanOrEqual(0.9);
  });
});
