import type { FormatTestCase } from '../../pipeline/index.js';

/** Samples shown on a format's page at most; the seed pages show about ten. */
export const MAX_SAMPLES = 12;

/** What a sample shows: its event kind, categories, types, action, outcome and its fields to depth two. */
function features(test: FormatTestCase): Set<string> {
  const found = new Set<string>();
  const event = test.expected.event;
  if (typeof event === 'object' && event !== null) {
    for (const key of ['kind', 'category', 'type', 'action', 'outcome', 'dataset']) {
      const value = (event as Record<string, unknown>)[key];
      for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') found.add(`${key}=${v}`);
    }
  }
  for (const [key, value] of Object.entries(test.expected)) {
    found.add(key);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) for (const sub of Object.keys(value)) found.add(`${key}.${sub}`);
  }
  return found;
}

/**
 * At most `max` samples, chosen so that together they show as many different kinds of event as
 * possible: each pick is the sample that adds the most features not shown yet (the first in file
 * order on a tie). Returned in the tests' order.
 */
export function chooseSamples(tests: readonly FormatTestCase[], max = MAX_SAMPLES): FormatTestCase[] {
  if (tests.length <= max) return [...tests];
  const featureSets = tests.map(features);
  const shown = new Set<string>();
  const picked = new Set<number>();
  while (picked.size < max) {
    let best = -1;
    let bestGain = -1;
    featureSets.forEach((set, i) => {
      if (picked.has(i)) return;
      let gain = 0;
      for (const f of set) if (!shown.has(f)) gain++;
      if (gain > bestGain) [best, bestGain] = [i, gain];
    });
    picked.add(best);
    for (const f of featureSets[best]!) shown.add(f);
  }
  return tests.filter((_, i) => picked.has(i));
}
