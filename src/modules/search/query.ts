import { collapseRepeats, fold, phoneticKey, wordSegments } from './normalise';

/** A search as the index understands it. */
export interface SearchPlan {
  /** The query's words, folded. */
  tokens: Array<{ word: string }>;
  /**
   * When every word is in Latin letters: the phonetic key of them all run together, under which a name written in
   * another script (or spelt otherwise) is found ("Heng Sokha" finds ហេង សុខា).
   */
  spellingKey: string | null;
  /** The query's whitespace-separated parts, folded: each must occur somewhere (substring search). */
  parts: string[];
}

/** Turns what the user typed into the words, spelling key and substrings to look for. */
export function planSearch(query: string): SearchPlan {
  const tokens = wordSegments(query).map((segment) => ({ word: fold(segment) }));
  const latin = tokens.length > 0 && tokens.every((t) => /^[a-z][a-z0-9]*$/.test(t.word));
  // A key of one consonant ("s" for "Su"), or from fewer than four letters ("ck" for "zq"), matches a good share of
  // all names: too vague to be a name's sound.
  const key = latin ? collapseRepeats(tokens.map((t) => phoneticKey(t.word)).join('')) : '';
  const letters = tokens.reduce((sum, t) => sum + t.word.replace(/[^a-z]/g, '').length, 0);
  const parts = [...new Set(fold(query).split(/[\s\u200b]+/).filter(Boolean))];
  return { tokens, spellingKey: key.length >= 2 && letters >= 4 ? key : null, parts };
}

const ftsString = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The FTS5 query for the word index: every word of the query, as itself or as the beginning of a word (an exact
 * word scores twice), in the narrative, the names or their Latin spellings.
 */
export function fts5WordQuery(plan: SearchPlan): string | null {
  if (plan.tokens.length === 0) return null;
  return plan.tokens.map(({ word }) => `{words names latin} : (${ftsString(word)} OR ${ftsString(word)} *)`).join(' AND ');
}

/** The FTS5 query for names that sound like the query: its spelling key as the beginning of a name's key. */
export function fts5SpellingQuery(plan: SearchPlan): string | null {
  return plan.spellingKey ? `{keys} : ${ftsString(plan.spellingKey)} *` : null;
}

/**
 * For a query of several words: a name holding them in that order (the last one as a beginning), or a name that
 * sounds like them all. A full name is a stronger match than the same words scattered over a group's names.
 */
export function fts5NameQuery(plan: SearchPlan): string | null {
  if (plan.tokens.length < 2) return null;
  const phrase = `{names latin} : ${ftsString(plan.tokens.map((t) => t.word).join(' '))} *`;
  // Here the key must sound like the whole name (or its end): a mere beginning is too loose to rank this high.
  return plan.spellingKey ? `(${phrase}) OR ({keys} : ${ftsString(plan.spellingKey)})` : phrase;
}

/** The FTS5 query for the trigram index: every part of three characters or more as a substring. */
export function fts5TrigramQuery(plan: SearchPlan): string | null {
  const long = plan.parts.filter((part) => [...part].length >= 3);
  return long.length ? long.map(ftsString).join(' AND ') : null;
}

const tsString = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * PostgreSQL's documents are tsvector literals built here, not parsed by PostgreSQL, and the queries tsquery
 * literals: both sides hold the words as segmented and folded above, exactly. Each lexeme begins with the mark of
 * its organisation (`postgresScopePrefix`, repository.ts), so that a word's beginning ('sdn':*) is looked up among
 * the organisation's own words only. Phonetic keys are lexemes marked `~` after it, which no word can hold (a word
 * query then needs no weight labels: labels make the GIN index hand every candidate back for a recheck against
 * its stored tsvector).
 */
const postgresLexeme = (prefix: string, word: string) => tsString(`${prefix}${word}`);
const postgresKey = (prefix: string, key: string) => tsString(`${prefix}~${key}`);

// A lexeme is at most 2,047 bytes, a position at most 16,383, and a lexeme keeps 256 positions.
const longestLexeme = 2046;
const lastPosition = 16_383;
const mostPositions = 256;

/**
 * The tsvector literal of a document: the names and their Latin spellings (weight A) and the narrative's words
 * (weight C), numbered in that order as to_tsvector over their concatenation would, and the phonetic keys without
 * positions.
 */
export function postgresDocument(prefix: string, { names, latin, words, keys }: { names: string; latin: string; words: string; keys: string }): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const add = (text: string, weight: 'A' | 'C') => {
    for (const word of text.split(' ')) {
      if (!word) continue;
      position += 1;
      const lexeme = `${prefix}${word}`;
      if (lexeme.length > longestLexeme / 3 && Buffer.byteLength(lexeme) > longestLexeme) continue;
      const list = positions.get(lexeme);
      const at = `${Math.min(position, lastPosition)}${weight}`;
      if (!list) positions.set(lexeme, [at]);
      else if (list.length < mostPositions && position <= lastPosition) list.push(at);
    }
  };
  add(names, 'A');
  add(latin, 'A');
  add(words, 'C');
  const entries = [...positions].map(([lexeme, at]) => `${tsString(lexeme)}:${at.join(',')}`);
  for (const key of new Set(keys.split(' '))) if (key) entries.push(postgresKey(prefix, key));
  return entries.join(' ');
}

/** The tsquery of the same search as `fts5WordQuery` (names, Latin spellings, narrative), for one organisation. */
export function tsWordQuery(plan: SearchPlan, prefix: string): string | null {
  if (plan.tokens.length === 0) return null;
  return plan.tokens
    .map(({ word }) => {
      const lexeme = postgresLexeme(prefix, word);
      return `(${lexeme} | ${lexeme}:*)`;
    })
    .join(' & ');
}

/** The same query as `fts5SpellingQuery`, for PostgreSQL. */
export const tsSpellingQuery = (plan: SearchPlan, prefix: string): string | null => (plan.spellingKey ? `${postgresKey(prefix, plan.spellingKey)}:*` : null);

/**
 * The same query as `fts5NameQuery`, for PostgreSQL: the phrase among the names (weight A), and the whole-name key,
 * OR-ed with it.
 */
export function tsNameQuery(plan: SearchPlan, prefix: string): { phrase: string; key: string | null } | null {
  if (plan.tokens.length < 2) return null;
  const phrase = plan.tokens.map(({ word }, i) => `${postgresLexeme(prefix, word)}:${i === plan.tokens.length - 1 ? '*' : ''}A`).join(' <-> ');
  return { phrase, key: plan.spellingKey ? postgresKey(prefix, plan.spellingKey) : null };
}

/** A reference or the start of one (KH-26-7F3K-…): searched as before, by prefix on the reference alone. */
export function referencePrefix(query: string): string | null {
  const compact = query.toUpperCase().replace(/\s+/g, '');
  return /^[A-Z]{2}-\d{2}(-[0-9A-Z]{0,4}(-[0-9A-Z]{0,4})?)?$/.test(compact) ? compact : null;
}
