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
    const shared = new Map<number, number>();
    for (const gram of key.grams) for (const position of this.byGram.get(gram) ?? []) shared.set(position, (shared.get(position) ?? 0) + 1);
    const best = new Map<string, { agencyId: string; name: string; score: number }>();
    const minimum = options.minimum ?? 0.5;
    for (const [position, count] of shared) {
      const entry = this.entries[position];
      if (options.country && this.countryOf.get(entry.agencyId) !== options.country) continue;
      // Dice cannot reach the minimum with this few shared trigrams, unless one name contains the other.
      if ((2 * count) / (key.grams.size + entry.key.grams.size) < minimum / 2) continue;
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
