/**
 * Ranks formats by how much an event's message looks like their test messages, for --format auto
 * over many formats. Each message gives a set of terms (its words, pairs of neighbouring words, and
 * the punctuation shape of its start); a format is the vector of the share of its test messages
 * holding each term, weighted by how rare the term is across formats (tf-idf); an event is scored
 * against every format through an inverted index of terms (cosine similarity), so its cost grows
 * with the terms of the event, not with the number of formats.
 */

/** How much of a message is read: long messages are mostly values. */
const READ = 2048;
const WORD = /[A-Za-z_][A-Za-z0-9_-]{1,40}/g;
const ALNUM_RUN = /[A-Za-z0-9]+/g;

/** The terms of a message (a set: each counts once). */
export function messageTerms(message: string): Set<string> {
  const text = message.length > READ ? message.slice(0, READ) : message;
  const terms = new Set<string>();
  let previous: string | undefined;
  for (const match of text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    terms.add(word);
    if (previous !== undefined) terms.add(`${previous} ${word}`);
    previous = word;
  }
  terms.add(`^${text.slice(0, 40).replace(ALNUM_RUN, 'a').slice(0, 12)}`);
  return terms;
}

interface Posting {
  format: number;
  weight: number;
}

export class FormatIndex {
  private constructor(
    private readonly postings: Map<string, Posting[]>,
    private readonly idf: Map<string, number>,
    private readonly norms: Float64Array,
  ) {}

  /** Builds the index from each format's sample messages (its test inputs), in format order. */
  static build(samples: readonly (readonly string[])[]): FormatIndex {
    const shares = samples.map((messages) => {
      const counts = new Map<string, number>();
      for (const m of messages) for (const term of messageTerms(m)) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, n] of counts) counts.set(term, n / messages.length);
      return counts;
    });
    const formatsWith = new Map<string, number>();
    for (const counts of shares) for (const term of counts.keys()) formatsWith.set(term, (formatsWith.get(term) ?? 0) + 1);
    const idf = new Map<string, number>();
    for (const [term, n] of formatsWith) idf.set(term, Math.log(samples.length / n));
    const postings = new Map<string, Posting[]>();
    const norms = new Float64Array(samples.length);
    shares.forEach((counts, format) => {
      let sum = 0;
      for (const [term, share] of counts) {
        const weight = share * idf.get(term)!;
        if (weight === 0) continue;
        sum += weight * weight;
        let list = postings.get(term);
        if (list === undefined) postings.set(term, (list = []));
        list.push({ format, weight });
      }
      norms[format] = Math.sqrt(sum) || 1;
    });
    return new FormatIndex(postings, idf, norms);
  }

  /** Up to `count` formats (their positions) by decreasing likeness; formats with no term in common are left out. */
  rank(message: string, count: number): number[] {
    const scores = new Map<number, number>();
    for (const term of messageTerms(message)) {
      const list = this.postings.get(term);
      if (list === undefined) continue;
      const rarity = this.idf.get(term)!;
      for (const { format, weight } of list) scores.set(format, (scores.get(format) ?? 0) + weight * rarity);
    }
    const ranked: { format: number; score: number }[] = [];
    for (const [format, score] of scores) ranked.push({ format, score: score / this.norms[format] });
    ranked.sort((a, b) => b.score - a.score || a.format - b.format);
    return ranked.slice(0, count).map((r) => r.format);
  }
}
