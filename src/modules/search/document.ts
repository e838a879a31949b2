import type { ComplaintRespondentTable, ComplaintTable, ComplaintWorkerTable } from '../../db/schema';
import { analyseNames, fold, segmentWords } from './normalise';

/** What the index holds for one complaint; every field is space-joined words already segmented and folded. */
export interface SearchDocument {
  complaintId: string;
  organisationId: string;
  /** The narrative's words. */
  words: string;
  /** The words of the reference and of the workers', complainant's and respondents' names. */
  names: string;
  /** Latin spellings of names written in other scripts. */
  latin: string;
  /** Phonetic keys of the names (see `phoneticKey`). */
  keys: string;
  /** Reference, names and narrative folded but not segmented, one per line: for substring search. */
  folded: string;
}

/** The parts of a complaint that are searched. */
export interface SearchableComplaint {
  complaint: Pick<ComplaintTable, 'id' | 'organisation_id' | 'reference' | 'complainant' | 'narrative_text'>;
  workers: Array<Pick<ComplaintWorkerTable, 'name' | 'name_latin'>>;
  respondents: Array<Pick<ComplaintRespondentTable, 'name'>>;
}

/** The complainant's name from its JSON column, when one was given. */
export function complainantName(complainant: string): string | null {
  try {
    const parsed = JSON.parse(complainant) as { name?: unknown };
    return typeof parsed.name === 'string' && parsed.name ? parsed.name : null;
  } catch {
    return null;
  }
}

/** Builds the index entry of one complaint. */
export function buildSearchDocument({ complaint, workers, respondents }: SearchableComplaint): SearchDocument {
  const names = new Set<string>();
  for (const worker of workers) {
    names.add(worker.name);
    if (worker.name_latin) names.add(worker.name_latin);
  }
  const complainant = complainantName(complaint.complainant);
  if (complainant) names.add(complainant);
  for (const respondent of respondents) names.add(respondent.name);

  const nameWords: string[] = segmentWords(complaint.reference);
  const latin: string[] = [];
  const keys: string[] = [];
  for (const analysis of analyseNames([...names])) {
    nameWords.push(...analysis.words);
    latin.push(...analysis.latin);
    keys.push(...analysis.keys);
  }
  return {
    complaintId: complaint.id,
    organisationId: complaint.organisation_id,
    words: segmentWords(complaint.narrative_text).join(' '),
    names: nameWords.join(' '),
    latin: [...new Set(latin)].join(' '),
    keys: [...new Set(keys)].join(' '),
    folded: [complaint.reference, ...names, complaint.narrative_text].map(fold).join('\n'),
  };
}
