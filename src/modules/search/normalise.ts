// Text as the search index sees it: folded (case, Latin diacritics), segmented into words with Intl.Segmenter,
// and names spelt in Latin letters with a phonetic key, so that "Somchai" finds สมชาย and "Nguyen" finds Nguyễn.
import anyAscii from 'any-ascii';

/**
 * Raise when what the index holds changes (folding, segmentation, keys): a database indexed with another format
 * or another ICU version is re-indexed at start. Each database has its own number, so a change to one's index does
 * not rebuild the other's (PostgreSQL 5: documents built as literals, each lexeme marked with its organisation, query.ts).
 */
export const searchIndexFormat = { sqlite: 3, postgres: 5 } as const;
export const searchIndexVersion = (database: keyof typeof searchIndexFormat): string => `${searchIndexFormat[database]}/icu-${process.versions.icu ?? 'none'}`;

const latinLetter = /\p{Script=Latin}/u;
const combiningMark = /\p{M}/u;

/**
 * Folds one code point: lower case, compatibility forms (full-width letters), and Latin diacritics removed
 * (Vietnamese tones, đ → d). Marks on other scripts are letters of their words (Thai vowels, Khmer subscripts) and
 * stay. `afterLatin` says whether the previous base letter was Latin (a decomposed mark belongs to it).
 */
function foldCodePoint(codePoint: string, afterLatin: boolean): { text: string; latin: boolean } {
  if (codePoint === 'đ' || codePoint === 'Đ') return { text: 'd', latin: true };
  let text = '';
  let latin = afterLatin;
  for (const part of codePoint.normalize('NFKD')) {
    if (combiningMark.test(part)) {
      if (!latin) text += part;
    } else {
      latin = latinLetter.test(part);
      text += part;
    }
  }
  return { text: text.toLowerCase(), latin };
}

// Most text is plain: memoise the fold of each code point with its context (keyed by number: no garbage).
const foldCache = new Map<number, { text: string; latin: boolean }>();
function foldCached(codePoint: string, afterLatin: boolean) {
  const key = codePoint.codePointAt(0)! * 2 + (afterLatin ? 1 : 0);
  let folded = foldCache.get(key);
  if (!folded) {
    folded = foldCodePoint(codePoint, afterLatin);
    if (foldCache.size < 50_000) foldCache.set(key, folded);
  }
  return folded;
}

/** Text folded for matching: the same function for what is indexed and what is searched. */
export function fold(text: string): string {
  let out = '';
  let latin = false;
  for (const codePoint of text) {
    const folded = foldCached(codePoint, latin);
    out += folded.text;
    latin = folded.latin;
  }
  return out;
}

/** Folds text and keeps, for each UTF-16 unit of the result, the offset in the original it came from (for highlights). */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let latin = false;
  let index = 0;
  for (const codePoint of text) {
    const result = foldCached(codePoint, latin);
    for (let i = 0; i < result.text.length; i += 1) offsets.push(index);
    folded += result.text;
    latin = result.latin;
    index += codePoint.length;
  }
  offsets.push(index);
  return { folded, offsets };
}

/**
 * Splits long text at whitespace into pieces of at most `max` characters: ICU's dictionary segmentation of Thai,
 * Khmer, Lao and Burmese slows down badly on very long strings (14 s for 126k characters, 0.12 s chunked).
 */
export function chunkText(text: string, max = 1000): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      const breakAt = Math.max(space, text.lastIndexOf('\n', end));
      if (breakAt > start) end = breakAt + 1;
      // Without whitespace in the window, cut anyway, but not between a surrogate pair.
      else if (/[\uD800-\uDBFF]/.test(text[end - 1])) end -= 1;
    }
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

// One segmenter: ICU chooses the dictionary by script, whatever the locale.
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
// Zero-width spaces separate words in Khmer and Burmese text; joiners are not part of any word.
const invisibles = /[\u200b\u2060\ufeff]/g;

/** The words of a text as written (not folded), segmented in chunks. */
export function wordSegments(text: string): string[] {
  const words: string[] = [];
  for (const chunk of chunkText(text.replace(invisibles, ' '))) {
    for (const segment of segmenter.segment(chunk)) {
      if (!segment.isWordLike) continue;
      const word = segment.segment.replace(/[\u200c\u200d]/g, '');
      if (word) words.push(word);
    }
  }
  return words;
}

/** The words of a text, as the index keeps them: segmented in chunks, then folded. */
export const segmentWords = (text: string): string[] => wordSegments(text).map(fold);

/** Which script a name is written in, as far as its romanisation rules go. */
type NameScript = 'latin' | 'thai' | 'lao' | 'khmer' | 'burmese' | 'other';
function nameScript(text: string): NameScript {
  if (/\p{Script=Thai}/u.test(text)) return 'thai';
  if (/\p{Script=Lao}/u.test(text)) return 'lao';
  if (/\p{Script=Khmer}/u.test(text)) return 'khmer';
  if (/\p{Script=Myanmar}/u.test(text)) return 'burmese';
  if (/\p{Script=Latin}/u.test(text)) return 'latin';
  return 'other';
}

/**
 * Latin letters for a word in any script (any-ascii), adjusted where the usual spelling of names differs from a
 * letter-by-letter transliteration: Thai final ร, ล and ญ sound /n/, Khmer writes a silent final រ, Burmese ျ and ြ
 * are spelt "y", စ "s" and သ "th".
 */
export function romanise(word: string, script: NameScript = nameScript(word)): string {
  let written = word;
  if (script === 'thai') written = written.replace(/ญ$/, 'น'); // a final ญ sounds /n/
  if (script === 'burmese') written = written.replace(/သ/g, 'th'); // သ is spelt "th" in Burmese names
  let latin = anyAscii(written).toLowerCase().replace(/[^a-z0-9]/g, '');
  if (script === 'thai') latin = latin.replace(/[rl]$/, 'n');
  if (script === 'khmer') latin = latin.replace(/r$/, '');
  if (script === 'burmese') latin = latin.replace(/r/g, 'y').replace(/c/g, 's');
  return latin;
}

/**
 * A phonetic key of a romanised word: consonants only, with the letters romanisations of South-East Asian names
 * swap folded together (ph/p/b, th/t/d, kh/k/g, ch/j/c/z, v/w, r/l, x/s), so that "Somchai", "Somchay" and the
 * transliteration "smchay" of สมชาย share the key "smc".
 */
export function phoneticKey(romanised: string): string {
  let key = romanised.toLowerCase().replace(/[^a-z]/g, '');
  key = key
    .replace(/rn$/, 'n')
    .replace(/([aeiou])r$/, '$1')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'p')
    .replace(/th/g, 't')
    .replace(/kh/g, 'k')
    .replace(/ch/g, 'c')
    .replace(/sh/g, 's')
    .replace(/ng/g, 'n')
    .replace(/ny/g, 'n')
    .replace(/gn/g, 'n')
    .replace(/ky/g, 'c')
    .replace(/gy/g, 'c')
    .replace(/[jz]/g, 'c')
    .replace(/b/g, 'p')
    .replace(/d/g, 't')
    .replace(/[gq]/g, 'k')
    .replace(/v/g, 'w')
    .replace(/r/g, 'l')
    .replace(/x/g, 's')
    .replace(/[aeiouyhw']/g, '');
  return collapseRepeats(key);
}

/** A name as the index keeps it: its words, and (for names in other scripts) Latin spellings and phonetic keys. */
export interface NameAnalysis {
  words: string[];
  latin: string[];
  keys: string[];
}

// Names recur (family names, common given names): analyse each once. Bounded, oldest dropped first.
const nameCache = new Map<string, NameAnalysis>();
const nameCacheSize = 20_000;

function analyseName(name: string, segments: string[]): NameAnalysis {
  const script = nameScript(name);
  const words = segments.map(fold);
  if (script === 'latin') return { words, latin: [], keys: [] };
  const latin: string[] = [];
  const parts: string[] = [];
  for (const segment of segments) {
    const romanised = romanise(segment, script);
    if (!romanised) continue;
    latin.push(romanised);
    parts.push(phoneticKey(romanised));
  }
  // Names in Thai, Lao, Khmer and Burmese segment into syllables that need not match the words of a Latin
  // spelling ("Somsak" is สม|ศักดิ์, "Aung Kyaw Zaw" is written as one word): index the key of every run of
  // syllables to the end of the name, so a search for any run of consecutive parts finds it by prefix.
  // Names already in Latin letters have no keys: they are found by their words, and keys would add near-misses.
  const keys = new Set<string>();
  for (let i = 0; i < parts.length; i += 1) {
    const run = collapseRepeats(parts.slice(i).join(''));
    if (run) keys.add(run);
  }
  return { words, latin, keys: [...keys] };
}

/**
 * Analyses names for the index (see `NameAnalysis`). The names not seen recently are segmented together in one
 * pass: each call of the segmenter costs far more than the few characters of a name.
 */
export function analyseNames(names: string[]): NameAnalysis[] {
  // Looked up once here: the cache may drop entries while the missing ones are added.
  const found = new Map<string, NameAnalysis>();
  for (const name of names) {
    const cached = nameCache.get(name);
    if (cached) found.set(name, cached);
  }
  const missing = [...new Set(names.filter((name) => !found.has(name)))];
  if (missing.length) {
    const segmentsOf: string[][] = missing.map(() => []);
    let index = 0;
    const joined = missing.map((name) => name.replace(/\n/g, ' ')).join('\n');
    for (const chunk of chunkText(joined.replace(invisibles, ' '))) {
      for (const segment of segmenter.segment(chunk)) {
        if (segment.isWordLike) {
          const word = segment.segment.replace(/[\u200c\u200d]/g, '');
          if (word) segmentsOf[index].push(word);
        } else {
          for (const character of segment.segment) if (character === '\n') index += 1;
        }
      }
    }
    missing.forEach((name, i) => {
      const analysis = analyseName(name, segmentsOf[i]);
      found.set(name, analysis);
      if (nameCache.size >= nameCacheSize) nameCache.delete(nameCache.keys().next().value!);
      nameCache.set(name, analysis);
    });
  }
  return names.map((name) => found.get(name)!);
}

/** The Latin spellings and phonetic keys under which a name is indexed, besides its own words. */
export function nameSpellings(name: string): { latin: string[]; keys: string[] } {
  const [{ latin, keys }] = analyseNames([name]);
  return { latin, keys };
}

/** Letters doubled by spelling or by joining keys count once ("Phommavong", "mn" + "n"). */
export const collapseRepeats = (key: string): string => key.replace(/(.)\1+/g, '$1');
