import { comparable, isObject, valuesEqual } from './compare.js';
import { PyFloat } from '../core/values.js';

export type DifferenceKind = 'missing' | 'extra' | 'changed';

/** One field that differs between expectation and output, by dotted path. */
export interface Difference {
  kind: DifferenceKind;
  path: string;
  expected?: unknown;
  actual?: unknown;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function walk(expected: unknown, actual: unknown, path: string, out: Difference[]): void {
  if (valuesEqual(expected, actual)) return;
  if (isObject(expected) && isObject(actual)) {
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) out.push({ kind: 'missing', path: join(path, key), expected: expected[key] });
      else walk(expected[key], actual[key], join(path, key), out);
    }
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) out.push({ kind: 'extra', path: join(path, key), actual: actual[key] });
    }
    return;
  }
  // Lists of objects of equal length are compared element by element; anything else is one change.
  if (
    Array.isArray(expected) &&
    Array.isArray(actual) &&
    expected.length === actual.length &&
    expected.length > 0 &&
    isObject(expected[0])
  ) {
    expected.forEach((e, i) => walk(e, actual[i], `${path}[${i}]`, out));
    return;
  }
  out.push({ kind: 'changed', path, expected, actual });
}

/** Differences between an expectation and a produced event, ignored fields left out. */
export function diffEvents(expected: Record<string, unknown>, actual: Record<string, unknown>): Difference[] {
  const out: Difference[] = [];
  walk(comparable(expected), comparable(actual), '', out);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Compact one-line JSON of a value for diff output (keeps 6.0 and big ints readable). */
export function showValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'bigint' ? x.toString() : x instanceof PyFloat ? x.value : x,
  );
}

/** Human-readable lines for a list of differences. */
export function formatDifferences(diffs: readonly Difference[]): string[] {
  return diffs.map((d) => {
    switch (d.kind) {
      case 'missing':
        return `missing  ${d.path}: ${showValue(d.expected)}`;
      case 'extra':
        return `extra    ${d.path}: ${showValue(d.actual)}`;
      case 'changed':
        return `changed  ${d.path}: expected ${showValue(d.expected)}, got ${showValue(d.actual)}`;
    }
  });
}
