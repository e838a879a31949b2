import anyAscii from 'any-ascii';

// Words that say what legal form a company has, not which company it is (Indonesian, Malaysian, Philippine, Thai,
// Khmer, Vietnamese, Myanmar and English forms). Removed before names are compared.
const legalForms = [
  'pt', 'cv', 'tbk', 'persero', 'sdn', 'bhd', 'berhad', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'ltd', 'limited',
  'llc', 'pvt', 'plc', 'jsc', 'tnhh', 'mtv', 'cty', 'ctcp', 'the', 'and', 'of', 'dan', 'perseroan', 'terbatas', 'sendirian', 'sb', 'm',
  'no', 'cabang', 'branch', 'bros', 'brothers', 'svcs', 'u', 'daw', 'จก', 'บ', 'cp', 'ក្រុមហុន',
  'บริษัท', 'จำกัด', 'มหาชน', 'บจก', 'หจก', 'ห้างหุ้นส่วนจำกัด', 'ห้างหุ้นส่วน',
  'ក្រុមហ៊ុន', 'ឯក', 'ខូអិលធីឌី', 'សហគ្រាស', 'ឯកជន',
];
// Multi-word and unspaced forms: removed as text before the name is cut into words.
const legalFormPhrases = ['cổ phần', 'công ty', 'trách nhiệm hữu hạn', 'co phan', 'cong ty', 'trach nhiem huu han', 'ห้างหุ้นส่วนจำกัด', 'บริษัท', 'จำกัด', 'บจก.', 'หจก.', 'ក្រុមហ៊ុន', 'ក្រុមហុន', 'ឯ.ក', 'ខូអិលធីឌី', 'ខូ អិល ធី ឌី', 'សហគ្រាស', 'sdn. bhd.', 'co., ltd.', 'pvt. ltd.'];

// Words that say what trade a company is in; agencies drop, add, abbreviate and move them freely, so they do not
// tell one agency from another. What is left after removing them is the distinctive part of the name.
const genericWords = [
  'agency', 'agencies', 'agensi', 'agen', 'manpower', 'recruitment', 'recruiting', 'employment', 'overseas', 'international', 'intl', 'int',
  'human', 'resources', 'resource', 'hr', 'services', 'service', 'placement', 'p3mi', 'pjtki', 'pptkis', 'oea', 'pekerjaan', 'tenaga', 'kerja',
  'va',
  'global', 'group', 'labour', 'labor', 'workers', 'worker', 'cambodia', 'malaysia', 'myanmar', 'indonesia', 'philippines', 'thailand', 'vietnam',
  'inter', 'and', 'เซอร์วิส', 'แอนด์', 'อินเตอร์', 'โกลบอล', 'ptrp', 'xkld', 'xuất', 'khẩu', 'lao', 'động', 'xuat', 'khau', 'dong', 'nhân', 'lực', 'nhan', 'luc',
  'จัดหางาน', 'แมนพาวเวอร์', 'แมนเพาเวอร์', 'เอ็มพลอยเม้นท์', 'อินเตอร์เนชั่นแนล', 'แรงงาน',
  'ម៉ានផៅវើ', 'ម៉ាន់ផៅវ័រ', 'ម៉ែនផៅវើ', 'ជ្រើសរើស', 'ពលករ', 'បុគ្គលិក', 'ធនធាន', 'មនុស្ស', 'ការងារ',
];

// Vietnamese trade words are syllables that also make up names ("Phát" in "Hưng Thịnh Phát", "Thành" in "Thành
// Đạt"): they count as trade words only in these phrases (compared without tone marks).
const vietnameseGenericPhrases = [
  ['cong', 'ty'], ['co', 'phan'], ['cung', 'ung'], ['dich', 'vu'], ['viec', 'lam'], ['hop', 'tac'], ['quoc', 'te'], ['dau', 'tu'], ['phat', 'trien'],
  ['xuat', 'khau'], ['lao', 'dong'], ['nhan', 'luc'], ['mot', 'thanh', 'vien'], ['thanh', 'vien'], ['trach', 'nhiem', 'huu', 'han'],
];

// Words that say how far an agency reaches; sister companies differ by them ("Tala Global" and "Tala International").
// Spellings of the same reach count as one ("Int'l", "Intl." and "International").
const scopeWords = new Map([
  ['global', 'global'], ['โกลบอล', 'global'], ['overseas', 'overseas'],
  ['international', 'international'], ['intl', 'international'], ['int', 'international'], ['inter', 'international'], ['อินเตอร์', 'international'], ['อินเตอร์เนชั่นแนล', 'international'],
]);

/** Marks which words are trade words: single generic words, Vietnamese trade phrases, and "số" before a number. */
function tradeWordMask(words: string[], isGeneric: (word: string) => boolean): boolean[] {
  const folded = words.map((w) => anyAscii(w).toLowerCase());
  const mask = words.map((w) => isGeneric(w));
  for (let i = 0; i < words.length; i += 1) {
    for (const phrase of vietnameseGenericPhrases) {
      if (phrase.every((part, k) => folded[i + k] === part)) for (let k = 0; k < phrase.length; k += 1) mask[i + k] = true;
    }
    if (folded[i] === 'so' && /^\d+$/.test(folded[i + 1] ?? '')) mask[i] = true;
  }
  return mask;
}

const nfkc = (words: string[]) => words.map((w) => w.normalize('NFKC').toLowerCase());
// NFKC splits Thai SARA AM (จำกัด becomes จํากัด): every list is normalised the same way as the names.
const legalFormSet = new Set(nfkc(legalForms));
const legalFormPhrasesNormalised = nfkc(legalFormPhrases);
const genericSet = new Set(nfkc(genericWords));
// Words in scripts written without spaces are cut out of the text before it is segmented.
const genericPhrases = nfkc(genericWords.filter((w) => !/\p{Script=Latin}/u.test(w))).sort((a, b) => b.length - a.length);

const latinLetter = /\p{Script=Latin}/u;
const unspaced = /[\u0E00-\u0E7F\u1780-\u17FF]/;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const khmerSegmenter = new Intl.Segmenter('km', { granularity: 'word' });

/** Removes accents from Latin letters only: Thai, Khmer, Lao and Burmese vowel and tone marks are part of the word. */
function foldLatin(text: string): string {
  let out = '';
  let previousLatin = false;
  for (const char of text.normalize('NFD')) {
    const isMark = /\p{M}/u.test(char);
    if (isMark && previousLatin) continue;
    out += char;
    if (!isMark) previousLatin = latinLetter.test(char);
  }
  return out.normalize('NFC').replace(/đ/g, 'd');
}

/** Digits of any script (Thai ๑, Khmer ១, Burmese ၁) as ASCII digits. */
const asciiDigits = (text: string) => text.replace(/\p{Nd}/gu, (d) => String(digitValue(d)));
function digitValue(digit: string): number {
  const code = digit.codePointAt(0)!;
  for (const zero of [0x30, 0x0e50, 0x17e0, 0x0ed0, 0x1040, 0x0966]) if (code >= zero && code <= zero + 9) return code - zero;
  return 0;
}

/** Khmer typed in several ways: ើ as េ + ី, the subscript ្ដ for ្ត, an ASCII colon for ៈ. */
const foldKhmer = (text: string) => text.replace(/\u17C1\u17B8/g, '\u17BE').replace(/\u17D2\u178A/g, '\u17D2\u178F').replace(/[:\u17C8]/g, '');

/** A company name reduced to what tells it apart: no legal form, case, accents on Latin letters or punctuation. */
export function normaliseAgencyName(name: string, keepAccents = false): string {
  let text = foldKhmer(name.normalize('NFKC').toLowerCase());
  for (const phrase of legalFormPhrasesNormalised) text = text.split(phrase).join(' ');
  text = asciiDigits(keepAccents ? text.normalize('NFC') : foldLatin(text)).replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ');
  return text
    .split(' ')
    .filter((word) => word && !legalFormSet.has(word))
    .join(' ')
    .trim();
}

/** The words of a normalised name: Thai and Khmer, written without spaces, are cut by Intl.Segmenter. */
function words(normalised: string): string[] {
  const out: string[] = [];
  for (const chunk of normalised.split(' ')) {
    if (!chunk) continue;
    if (latinLetter.test(chunk) || /^\d+$/.test(chunk)) {
      out.push(chunk);
      continue;
    }
    // Generic trade words are cut out first, so that the segmenter sees the distinctive part on its own.
    let rest = chunk;
    for (const phrase of genericPhrases) rest = rest.split(phrase).join(' ');
    for (const piece of rest.split(' ').filter(Boolean)) {
      const seg = /[\u1780-\u17FF]/.test(piece) ? khmerSegmenter : segmenter;
      const parts = [...seg.segment(piece)].filter((s) => s.isWordLike).map((s) => s.segment);
      // Keep the piece whole when the segmenter cut it into short syllables only: a name, not a phrase.
      out.push(...(parts.length > 1 && parts.every((p) => [...p].length <= 2) ? [piece] : parts));
    }
  }
  return out;
}

function bigrams(text: string): Set<string> {
  const chars = [...` ${text} `];
  const grams = new Set<string>();
  for (let i = 0; i + 2 <= chars.length; i += 1) grams.add(chars[i] + chars[i + 1]);
  return grams;
}

const dice = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared += 1;
  return (2 * shared) / (a.size + b.size || 1);
};

function trigrams(text: string): Set<string> {
  const chars = [...`  ${text} `];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i += 1) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}

export interface NameKey {
  normalised: string;
  compact: string;
  grams: Set<string>;
  digits: string;
  /** The distinctive words (generic trade words removed), Latin ones also as ASCII. */
  distinctive: Array<{ word: string; grams: Set<string> }>;
  /** The same words with their accents, when the name was written with Latin accents (Vietnamese tone marks). */
  accented: string[] | null;
  /** Words of reach (global, overseas, international…). */
  scope: string[];
  /** Written in Thai or Khmer, without spaces between words. */
  unspaced: boolean;
}

/** What matching needs of a name, computed once per name in the registry. */
export function nameKey(name: string): NameKey {
  const normalised = normaliseAgencyName(name);
  const all = words(normalised).map((w) => (latinLetter.test(w) ? anyAscii(w) : w));
  const trade = tradeWordMask(all, (w) => genericSet.has(w));
  const distinctive = all.filter((w, i) => !trade[i] && !/^\d+$/.test(w));
  const chosen = distinctive.length ? distinctive : all;
  const compact = all.join('');
  const hasAccents = /\p{Script=Latin}\p{M}/u.test(name.normalize('NFD'));
  const accentedAll = hasAccents ? words(normaliseAgencyName(name, true)) : [];
  const accentedTrade = tradeWordMask(accentedAll, (w) => genericSet.has(anyAscii(w)));
  const accentedWords = hasAccents ? accentedAll.filter((w, i) => !accentedTrade[i] && !/^\d+$/.test(w)) : null;
  return {
    accented: accentedWords && accentedWords.length === new Set(chosen).size ? [...new Set(accentedWords)] : null,
    normalised,
    compact,
    grams: trigrams(compact),
    // Numbers tell agencies apart ("Manpower 1", "Manpower 2"), but not those inside trade words (P3MI).
    digits: (all.filter((w) => !genericSet.has(w)).join(' ').match(/\d+/g) ?? []).join(' '),
    distinctive: [...new Set(chosen)].map((word) => ({ word, grams: bigrams(word) })),
    scope: [...new Set(all.flatMap((w) => scopeWords.get(w) ?? []))],
    unspaced: unspaced.test(compact),
  };
}

/**
 * How alike two names are, from 0 to 1. Their numbers must agree; then every distinctive word of each must find
 * a close partner in the other (a typo or spelling variant is allowed; an extra word means another agency).
 */
export function nameSimilarity(a: NameKey, b: NameKey): number {
  if (a.digits !== b.digits) return 0;
  if (a.compact === b.compact) return 1;
  return Math.max(wordSimilarity(a, b), unspacedSimilarity(a, b));
}


/** Edit distance over code points, for short names. */
function editDistance(a: string[], b: string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/**
 * Thai and Khmer names are written without spaces, and a typo makes the segmenter cut them differently: they are
 * also compared letter by letter, whole.
 */
function unspacedSimilarity(a: NameKey, b: NameKey): number {
  if (!a.unspaced || !b.unspaced) return 0;
  const [left, right] = [[...a.compact], [...b.compact]];
  const longest = Math.max(left.length, right.length, 1);
  // Lengths alone may already rule a match out: the distance is at least their difference.
  if (Math.abs(left.length - right.length) / longest > 0.5) return 0;
  return 1 - editDistance(left, right) / longest;
}

/** Every distinctive word of each name must find a close partner in the other, in the same order. */
function wordSimilarity(a: NameKey, b: NameKey): number {
  const letters = dice(a.grams, b.grams);
  const [small, large] = a.distinctive.length <= b.distinctive.length ? [a.distinctive, b.distinctive] : [b.distinctive, a.distinctive];
  if (small.length === 0) return letters;
  const used = new Set<number>();
  const order: number[] = [];
  let total = 0;
  for (const word of small) {
    let best = 0;
    let bestIndex = -1;
    large.forEach((other, index) => {
      if (used.has(index)) return;
      const score = word.word === other.word ? 1 : dice(word.grams, other.grams);
      if (score > best) [best, bestIndex] = [score, index];
    });
    if (best >= 0.5 && bestIndex >= 0) {
      used.add(bestIndex);
      order.push(bestIndex);
    }
    total += best;
  }
  // A distinctive word of one name that the other lacks means another agency ("Maju Jaya Abadi Sejahtera"),
  // and so do the same words in another order ("Abadi Jaya Maju").
  const extra = large.filter((word, index) => !used.has(index) && [...word.word].length >= 2).length;
  const reordered = order.some((index, i) => i > 0 && index < order[i - 1]);
  if (extra > 0 || reordered) return Math.min(letters, 0.7);
  // One reach for another ("Global" for "Overseas") names a sister company; dropping it does not.
  const swapped = a.scope.length > 0 && b.scope.length > 0 && a.scope.some((w) => !b.scope.includes(w)) && b.scope.some((w) => !a.scope.includes(w));
  if (swapped) return Math.min(letters, 0.75);
  // Both written with their tone marks, and the marks differ: "Bảo Ánh" is not "Bảo Anh".
  if (a.accented && b.accented && a.accented.join(' ') !== b.accented.join(' ') && a.distinctive.map((w) => w.word).join(' ') === b.distinctive.map((w) => w.word).join(' ')) {
    return Math.min(letters, 0.7);
  }
  return Math.max(letters, total / small.length);
}

/** The similarity from which two names are taken to be the same agency (chosen on the labelled set of pairs). */
export const sameAgencyThreshold = 0.85;
