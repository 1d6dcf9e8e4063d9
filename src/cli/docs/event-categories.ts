import type { FormatTestCase } from '../../pipeline/index.js';

/** Distinct event.kind / event.category / event.type values over the tests' expected events. */
export interface EventCategories {
  kind: string[];
  category: string[];
  type: string[];
}

function collect(into: Set<string>, value: unknown): void {
  if (Array.isArray(value)) for (const v of value) collect(into, v);
  else if (typeof value === 'string' && value !== '') into.add(value);
}

export function eventCategories(tests: readonly FormatTestCase[]): EventCategories {
  const sets = { kind: new Set<string>(), category: new Set<string>(), type: new Set<string>() };
  for (const { expected } of tests) {
    const event = expected.event as Record<string, unknown> | undefined;
    if (typeof event !== 'object' || event === null) continue;
    collect(sets.kind, event.kind);
    collect(sets.category, event.category);
    collect(sets.type, event.type);
  }
  return { kind: [...sets.kind].sort(), category: [...sets.category].sort(), type: [...sets.type].sort() };
}
