import { complainantName, type SearchableComplaint } from './document';
import { fold, foldWithOffsets, nameSpellings } from './normalise';
import type { SearchPlan } from './query';

export type HighlightField = 'reference' | 'worker' | 'complainant' | 'respondent' | 'narrative';

/** A piece of a complaint's text with where the search matched in it (UTF-16 offsets into `text`). */
export interface Highlight {
  field: HighlightField;
  text: string;
  matches: Array<{ start: number; end: number }>;
}

type Range = { start: number; end: number };

const wordCharacter = /[\p{L}\p{M}\p{N}]/u;

function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/** Where the query's words and parts occur in `text`, as offsets into the text as written. */
export function findMatches(text: string, plan: SearchPlan): Range[] {
  const needles = new Set([...plan.tokens.map((t) => t.word), ...plan.parts].filter(Boolean));
  // Most names of a group do not match: check before mapping offsets.
  const quick = fold(text);
  if (![...needles].some((needle) => quick.includes(needle))) return [];
  const { folded, offsets } = foldWithOffsets(text);
  const ranges: Range[] = [];
  for (const needle of needles) {
    const found: Array<{ at: number; wordStart: boolean }> = [];
    for (let at = folded.indexOf(needle); at >= 0 && found.length < 200; at = folded.indexOf(needle, at + needle.length)) {
      found.push({ at, wordStart: at === 0 || !wordCharacter.test(folded[at - 1]) });
    }
    // In scripts written with spaces, show where words begin with the query ("ho" in "hộ", not in "không"),
    // unless it only occurs inside words.
    const atWordStarts = found.filter((f) => f.wordStart);
    const shown = atWordStarts.length > 0 && /^[\p{Script=Latin}\p{N}]/u.test(needle) ? atWordStarts : found;
    for (const { at } of shown) ranges.push({ start: offsets[at], end: offsets[at + needle.length] });
  }
  return mergeRanges(ranges);
}

/** True when a name is found by its sound ("Somchai" for สมชาย), as the search finds it. */
function matchesBySpelling(name: string, plan: SearchPlan): boolean {
  const key = plan.spellingKey;
  return key !== null && nameSpellings(name).keys.some((k) => k.startsWith(key));
}

/** A window of the narrative around its first match, cut at spaces where it can be, with "…" where cut. */
function snippet(text: string, ranges: Range[], radius = 60): Highlight {
  const first = ranges[0];
  let start = Math.max(0, first.start - radius);
  let end = Math.min(text.length, first.end + radius);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first.end) end = space;
  }
  // Never cut a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start])) start -= 1;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end])) end += 1;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const matches = ranges
    .filter((r) => r.start >= start && r.end <= end)
    .map((r) => ({ start: r.start - start + prefix.length, end: r.end - start + prefix.length }));
  return { field: 'narrative', text: `${prefix}${text.slice(start, end)}${suffix}`, matches };
}

/**
 * The highlights of one result: the reference, names and a narrative snippet where the search matched. With
 * `personalData` false (users who may not read complaints) only the reference is highlighted.
 */
export function highlightComplaint(source: SearchableComplaint, plan: SearchPlan, personalData: boolean, maxNames = 5): Highlight[] {
  const highlights: Highlight[] = [];
  const reference = findMatches(source.complaint.reference, plan);
  if (reference.length) highlights.push({ field: 'reference', text: source.complaint.reference, matches: reference });
  if (!personalData) return highlights;

  const names: Array<{ field: HighlightField; name: string }> = [];
  for (const worker of source.workers) {
    names.push({ field: 'worker', name: worker.name_latin && worker.name_latin !== worker.name ? `${worker.name} (${worker.name_latin})` : worker.name });
  }
  const complainant = complainantName(source.complaint.complainant);
  if (complainant && !source.workers.some((w) => w.name === complainant)) names.push({ field: 'complainant', name: complainant });
  for (const respondent of source.respondents) names.push({ field: 'respondent', name: respondent.name });

  // Names where the query's words occur come first; names found by their sound fill what room is left.
  const written = names.map(({ field, name }) => ({ field, text: name, matches: findMatches(name, plan) })).filter((h) => h.matches.length > 0);
  highlights.push(...written.slice(0, maxNames));
  for (const { field, name } of names) {
    if (highlights.length - (reference.length ? 1 : 0) >= maxNames) break;
    if (!written.some((h) => h.text === name) && matchesBySpelling(name, plan)) highlights.push({ field, text: name, matches: [{ start: 0, end: name.length }] });
  }
  const narrative = findMatches(source.complaint.narrative_text, plan);
  if (narrative.length) highlights.push(snippet(source.complaint.narrative_text, narrative));
  return highlights;
}
