import { describe, expect, it } from 'vitest';
import { buildSearchDocument } from '../../src/modules/search/document';
import { highlightComplaint } from '../../src/modules/search/highlight';
import { analyseNames, chunkText, fold, foldWithOffsets, nameSpellings, phoneticKey, romanise, searchIndexVersion, segmentWords } from '../../src/modules/search/normalise';
import { planSearch, referencePrefix } from '../../src/modules/search/query';

describe('segmentation', () => {
  it('splits Thai, Khmer, Lao and Burmese text written without spaces into words', () => {
    expect(segmentWords('ผมไม่ได้รับเงินเดือนมาสามเดือน')).toEqual(expect.arrayContaining(['ผม', 'ไม่', 'ได้', 'รับ', 'เงิน', 'เดือน']));
    expect(segmentWords('ខ្ញុំមិនបានទទួលប្រាក់ខែ')).toEqual(expect.arrayContaining(['ខ្ញុំ', 'ទទួល']));
    expect(segmentWords('ຂ້ອຍບໍ່ໄດ້ຮັບເງິນເດືອນ')).toEqual(expect.arrayContaining(['ຂ້ອຍ', 'ຮັບ']));
    expect(segmentWords('ကျွန်တော် လစာ မရပါဘူး').length).toBeGreaterThanOrEqual(3);
  });

  it('keeps vowel and tone marks inside Thai and Burmese words', () => {
    for (const word of segmentWords('เครื่องจักร ค่าจ้าง ကျော်')) expect(word).not.toMatch(/^\p{M}/u);
    expect(segmentWords('ค่าจ้าง').join('')).toBe('ค่าจ้าง');
  });

  it('drops punctuation and keeps numbers and Latin words', () => {
    expect(segmentWords('Overtime: 40 hours, unpaid!')).toEqual(['overtime', '40', 'hours', 'unpaid']);
  });

  it('cuts long text at whitespace into pieces of at most 1,000 characters, losing nothing', () => {
    const text = Array.from({ length: 400 }, (_, i) => `คำที่${i}`).join(' ');
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.length <= 1000)).toBe(true);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith(' ')).toBe(true);
  });

  it('segments a 120,000-character narrative (chunked)', () => {
    const long = 'นายจ้างไม่จ่ายค่าจ้างและยึดหนังสือเดินทาง '.repeat(3000);
    const words = segmentWords(long);
    expect(words.filter((w) => w === 'นายจ้าง').length).toBe(3000);
  });

  it('records the ICU version the index depends on', () => {
    expect(searchIndexVersion('sqlite')).toContain(`icu-${process.versions.icu}`);
  });
});

describe('folding', () => {
  it('matches Vietnamese with or without tone marks, and đ as d', () => {
    expect(fold('Nguyễn Thị Hương')).toBe('nguyen thi huong');
    expect(fold('Đỗ Minh Khôi')).toBe('do minh khoi');
    expect(fold('Nguye\u0302\u0303n')).toBe('nguyen'); // decomposed marks too
  });

  it('leaves the marks of Thai, Khmer and Burmese alone', () => {
    expect(fold('ค่าจ้าง')).toBe('ค่าจ้าง');
    expect(fold('ប្រាក់')).toBe('ប្រាក់');
  });

  it('maps every folded character back to the text as written', () => {
    const text = 'Bùi Văn Út, ค่าจ้าง';
    const { folded, offsets } = foldWithOffsets(text);
    expect(folded).toBe(fold(text));
    const at = folded.indexOf('van');
    expect(text.slice(offsets[at], offsets[at + 3])).toBe('Văn');
  });
});

describe('transliteration', () => {
  it('gives names in other scripts a Latin spelling and a phonetic key their usual spelling shares', () => {
    const cases: Array<[string, string]> = [
      ['สมชาย', 'Somchai'],
      ['សុខា', 'Sokha'],
      ['ហេង សុខា', 'Heng Sokha'],
      ['ສົມສັກ ພົມມະວົງ', 'Somsak Phommavong'],
      ['အောင်ကျော်ဇော်', 'Aung Kyaw Zaw'],
    ];
    for (const [native, latin] of cases) {
      const key = planSearch(latin).spellingKey!;
      expect(nameSpellings(native).keys.some((k) => k.startsWith(key)), `${latin} → ${native}`).toBe(true);
    }
    expect(romanise('សុខា')).toBe('sokha');
  });

  it('folds the letters romanisations swap', () => {
    expect(phoneticKey('somchai')).toBe(phoneticKey('somchay'));
    expect(phoneticKey('phommavong')).toBe(phoneticKey('pommavong'));
    expect(phoneticKey('sokha')).not.toBe(phoneticKey('dara'));
  });

  it('indexes a name in Thai under its Latin spelling', () => {
    const document = buildSearchDocument({
      complaint: { id: 'c', organisation_id: 'o', reference: 'TH-26-ABCD-EFGH', complainant: '{}', narrative_text: 'ค่าจ้างค้างจ่าย' },
      workers: [{ name: 'สมชาย ใจดี', name_latin: null }],
      respondents: [{ name: 'Moshav Ein Yahav Farm' }],
    });
    expect(document.names).toContain('สมชาย');
    expect(document.names).toContain('yahav');
    expect(document.latin.split(' ')).toContain('smchay');
    expect(document.keys.split(' ').some((key) => key.startsWith(planSearch('Somchai').spellingKey!))).toBe(true);
    expect(document.words).toBe('ค่า จ้าง ค้าง จ่าย');
    expect(document.folded).toContain('th-26-abcd-efgh');
  });
});

describe('highlighting', () => {
  const source = {
    complaint: {
      id: 'c',
      organisation_id: 'o',
      reference: 'VN-26-ABCD-EFGH',
      complainant: JSON.stringify({ name: 'Bùi Văn Út' }),
      narrative_text: `${'Tôi làm việc ở công trường. '.repeat(8)}Chủ giữ hộ chiếu và bắt làm thêm giờ đến nửa đêm. ${'Tôi không được trả lương. '.repeat(8)}`,
    },
    workers: [{ name: 'Bùi Văn Út', name_latin: null }, { name: 'ហេង សុខា', name_latin: null }],
    respondents: [{ name: 'Công ty Dệt may Phúc Lộc' }],
  };

  it('marks where the words matched, with or without tones, in a snippet of the narrative', () => {
    const highlights = highlightComplaint(source, planSearch('ho chieu'), true);
    const narrative = highlights.find((h) => h.field === 'narrative')!;
    expect(narrative.text.startsWith('…')).toBe(true);
    expect(narrative.text.endsWith('…')).toBe(true);
    expect(narrative.text.length).toBeLessThan(source.complaint.narrative_text.length);
    expect(narrative.matches.map((m) => narrative.text.slice(m.start, m.end))).toEqual(['hộ', 'chiếu']);
  });

  it('marks names and respondents, and a name found by its Latin spelling as a whole', () => {
    expect(highlightComplaint(source, planSearch('phuc loc'), true)).toEqual([
      { field: 'respondent', text: 'Công ty Dệt may Phúc Lộc', matches: [{ start: 16, end: 20 }, { start: 21, end: 24 }] },
    ]);
    const byLatin = highlightComplaint(source, planSearch('Heng Sokha'), true);
    expect(byLatin).toEqual([{ field: 'worker', text: 'ហេង សុខា', matches: [{ start: 0, end: 8 }] }]);
  });

  it('shows only the reference to users who may not read personal data', () => {
    expect(highlightComplaint(source, planSearch('VN-26-ABCD'), false)).toEqual([{ field: 'reference', text: 'VN-26-ABCD-EFGH', matches: [{ start: 0, end: 10 }] }]);
    expect(highlightComplaint(source, planSearch('Út'), false)).toEqual([]);
  });

  it('recognises a reference or its beginning', () => {
    expect(referencePrefix('kh-26-7f3k')).toBe('KH-26-7F3K');
    expect(referencePrefix('KH-26-7F3K-9ABC')).toBe('KH-26-7F3K-9ABC');
    expect(referencePrefix('Sokha')).toBeNull();
  });
});

describe('names analysed in bulk', () => {
  it('analyses more distinct names than the cache holds, in one call and across calls', () => {
    const names = Array.from({ length: 25_000 }, (_, i) => `ស្រី ${i.toString(36)}`);
    const first = analyseNames(names);
    expect(first).toHaveLength(names.length);
    expect(first.every((analysis) => analysis && analysis.words.length > 0)).toBe(true);
    // The oldest names in the cache, found there, then pushed out by the new ones of the same call.
    const again = analyseNames([...names.slice(5_000, 5_010), ...Array.from({ length: 25_000 }, (_, i) => `ប្រុស ${i}`)]);
    expect(again.every(Boolean)).toBe(true);
  });
});
