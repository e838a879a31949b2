import anyAscii from 'any-ascii';

// Words that say what legal form a company has, not which company it is. Removed before names are compared, in
// the forms licence lists and workers use them (Indonesian, Malaysian, Philippine, Thai, Khmer, Vietnamese,
// Myanmar, Nepali and English).
const legalForms = [
  'pt', 'cv', 'tbk', 'persero', 'sdn', 'bhd', 'berhad', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited',
  'llc', 'pvt', 'plc', 'jsc', 'jsc.', 'ltd.', 'tnhh', 'mtv', 'cong ty', 'co phan', 'cty', 'ctcp', 'the', 'and', 'services', 'service',
  'บริษัท', 'จำกัด', 'มหาชน', 'บจก', 'หจก', 'ห้างหุ้นส่วนจำกัด', 'ห้างหุ้นส่วน',
  'ក្រុមហ៊ុន', 'ឯក', 'ខូអិលធីឌី', 'សហគ្រាស', 'ឯកជន',
];
const legalFormSet = new Set(legalForms);
// Multi-word and unspaced forms: removed as text before splitting into words.
const legalFormPhrases = ['cổ phần', 'công ty', 'trách nhiệm hữu hạn', 'ห้างหุ้นส่วนจำกัด', 'บริษัท', 'จำกัด', 'บจก.', 'หจก.', 'ក្រុមហ៊ុន', 'ឯ.ក', 'ខូអិលធីឌី', 'sdn. bhd.', 'sdn.bhd.', 'co., ltd.', 'pvt. ltd.'];

const latinLetter = /\p{Script=Latin}/u;

/** Removes accents from Latin letters only: Thai, Khmer, Lao and Burmese vowel and tone marks are part of the word. */
function foldLatin(text: string): string {
  return [...text.normalize('NFD')]
    .reduce<{ out: string; previousLatin: boolean }>(
      (state, char) => {
        const isMark = /\p{M}/u.test(char);
        if (isMark && state.previousLatin) return state;
        return { out: state.out + char, previousLatin: isMark ? state.previousLatin : latinLetter.test(char) };
      },
      { out: '', previousLatin: false },
    )
    .out.normalize('NFC')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** A company name reduced to what tells it apart: no legal form, case, accents on Latin letters or punctuation. */
export function normaliseAgencyName(name: string): string {
  let text = name.normalize('NFKC').toLowerCase();
  for (const phrase of legalFormPhrases) text = text.split(phrase).join(' ');
  text = foldLatin(text).replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');
  return text
    .split(' ')
    .filter((word) => word && !legalFormSet.has(word))
    .join(' ')
    .trim();
}

/** Letters of the name without spaces, and Latin names also as ASCII: "Maju Jaya" and "MajuJaya" compare equal. */
const compact = (normalised: string) => normalised.replace(/\s+/g, '');

function trigrams(text: string): Set<string> {
  const padded = `  ${text} `;
  const grams = new Set<string>();
  const chars = [...padded];
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}

export interface NameKey {
  normalised: string;
  compact: string;
  grams: Set<string>;
  digits: string;
}

/** What matching needs of a name, computed once per name in the registry. */
export function nameKey(name: string): NameKey {
  const normalised = normaliseAgencyName(name);
  const latinised = latinLetter.test(normalised) ? anyAscii(normalised) : normalised;
  const c = compact(latinised);
  return { normalised, compact: c, grams: trigrams(c), digits: (normalised.match(/\d+/g) ?? []).join(' ') };
}

/** How alike two names are, from 0 to 1: Dice's coefficient of letter trigrams, 0 when their numbers differ. */
export function nameSimilarity(a: NameKey, b: NameKey): number {
  if (a.digits !== b.digits) return 0;
  if (a.compact === b.compact) return 1;
  let shared = 0;
  for (const gram of a.grams) if (b.grams.has(gram)) shared += 1;
  const dice = (2 * shared) / (a.grams.size + b.grams.size || 1);
  // A name typed short ("Siam Recruitment" for a longer licensed name) is still the same agency when all of it
  // appears in the other: count containment too, but only for names long enough to be distinctive.
  const shorter = a.compact.length <= b.compact.length ? a : b;
  const longer = shorter === a ? b : a;
  const contained = shorter.compact.length >= 6 && longer.compact.includes(shorter.compact) ? 0.9 : 0;
  return Math.max(dice, contained);
}

/** The similarity from which two names are taken to be the same agency (chosen on the labelled set of pairs). */
export const sameAgencyThreshold = 0.8;
