import { type NameKey, nameKey, nameSimilarity, sameAgencyThreshold } from './match-names';

interface Entry {
  agencyId: string;
  name: string;
  key: NameKey;
}

/**
 * All agency names (licensed and trading names) with their letter trigrams in an inverted index, so a typed name
 * is compared only with names that share a trigram with it.
 */
export class AgencyNameIndex {
  private readonly entries: Entry[] = [];
  private readonly byGram = new Map<string, number[]>();
  private readonly countryOf = new Map<string, string>();

  add(agencyId: string, country: string, names: string[]) {
    this.countryOf.set(agencyId, country);
    for (const name of names) {
      const key = nameKey(name);
      if (!key.compact) continue;
      const position = this.entries.push({ agencyId, name, key }) - 1;
      for (const gram of key.grams) {
        const list = this.byGram.get(gram);
        if (list) list.push(position);
        else this.byGram.set(gram, [position]);
      }
    }
  }

  /** The best matches for a typed name, one per agency, best first; `likelySame` when above the threshold. */
  match(typed: string, options: { country?: string; limit?: number; minimum?: number } = {}) {
    const key = nameKey(typed);
    // Shared trigrams are counted in a typed array: names sharing none are never looked at.
    const shared = new Uint16Array(this.entries.length);
    const touched: number[] = [];
    for (const gram of key.grams) {
      for (const position of this.byGram.get(gram) ?? []) if (shared[position]++ === 0) touched.push(position);
    }
    const best = new Map<string, { agencyId: string; name: string; score: number }>();
    const minimum = options.minimum ?? 0.5;
    for (const position of touched) {
      const entry = this.entries[position];
      // Cheap tests first: the trigram overlap bounds the score, and names with other numbers never match.
      if ((2 * shared[position]) / (key.grams.size + entry.key.grams.size) < 0.35) continue;
      if (entry.key.digits !== key.digits) continue;
      if (options.country && this.countryOf.get(entry.agencyId) !== options.country) continue;
      const score = nameSimilarity(key, entry.key);
      if (score < minimum) continue;
      const previous = best.get(entry.agencyId);
      if (!previous || previous.score < score) best.set(entry.agencyId, { agencyId: entry.agencyId, name: entry.name, score });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score)
      .slice(0, options.limit ?? 5)
      .map((m) => ({ ...m, likelySame: m.score >= sameAgencyThreshold }));
  }
}
