/**
 * Ranks formats by how much an event's message looks like their test messages, for --format auto
 * over many formats. Each message gives a set of terms (its words, pairs of neighbouring words, and
 * the punctuation shape of its start); a format is the vector of the share of its test messages
 * holding each term, weighted by how rare the term is across formats (tf-idf); an event is scored
 * against every format through an inverted index of terms (cosine similarity), so its cost grows
 * with the terms of the event, not with the number of formats.
 *
 * The index lives in flat typed arrays (postings of term t: [offsets[t], offsets[t + 1])), so that
 * it is written to and read from the derived-data cache as a few blocks of bytes (format-index-cache.ts).
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

/** The index as plain data: what the cache stores. */
export interface FormatIndexData {
  terms: string[];
  /** Per term: its rarity, log(formats / formats with the term). */
  idf: Float64Array;
  /** Per term, where its postings start (one more entry: the end of the last). */
  offsets: Uint32Array;
  postingFormat: Uint32Array;
  postingWeight: Float64Array;
  /** Per format: the length of its weight vector. */
  norms: Float64Array;
}

export class FormatIndex {
  private readonly termIds = new Map<string, number>();
  private readonly scores: Float64Array;
  private readonly touched: Uint32Array;

  constructor(readonly data: FormatIndexData) {
    data.terms.forEach((term, id) => this.termIds.set(term, id));
    this.scores = new Float64Array(data.norms.length);
    this.touched = new Uint32Array(data.norms.length);
  }

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
    // A term every format has weighs nothing: it is left out.
    const terms = [...formatsWith.keys()].filter((term) => formatsWith.get(term)! < samples.length);
    const ids = new Map(terms.map((term, id) => [term, id]));
    const idf = new Float64Array(terms.map((term) => Math.log(samples.length / formatsWith.get(term)!)));
    const offsets = new Uint32Array(terms.length + 1);
    terms.forEach((term, id) => (offsets[id + 1] = offsets[id]! + formatsWith.get(term)!));
    const postingFormat = new Uint32Array(offsets[terms.length]!);
    const postingWeight = new Float64Array(offsets[terms.length]!);
    const filled = offsets.slice(0, terms.length);
    const norms = new Float64Array(samples.length);
    shares.forEach((counts, format) => {
      let sum = 0;
      for (const [term, share] of counts) {
        const id = ids.get(term);
        if (id === undefined) continue;
        const weight = share * idf[id]!;
        sum += weight * weight;
        const at = filled[id]!++;
        postingFormat[at] = format;
        postingWeight[at] = weight;
      }
      norms[format] = Math.sqrt(sum) || 1;
    });
    return new FormatIndex({ terms, idf, offsets, postingFormat, postingWeight, norms });
  }

  /** Up to `count` formats (their positions) by decreasing likeness; formats with no term in common are left out. */
  rank(message: string, count: number): number[] {
    const { idf, offsets, postingFormat, postingWeight, norms } = this.data;
    const scores = this.scores;
    let touched = 0;
    for (const term of messageTerms(message)) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const rarity = idf[id]!;
      for (let at = offsets[id]!, end = offsets[id + 1]!; at < end; at++) {
        const format = postingFormat[at]!;
        if (scores[format] === 0) this.touched[touched++] = format;
        scores[format]! += postingWeight[at]! * rarity;
      }
    }
    const ranked: { format: number; score: number }[] = [];
    for (let i = 0; i < touched; i++) {
      const format = this.touched[i]!;
      ranked.push({ format, score: scores[format]! / norms[format]! });
      scores[format] = 0;
    }
    ranked.sort((a, b) => b.score - a.score || a.format - b.format);
    return ranked.slice(0, count).map((r) => r.format);
  }
}
