/** Filter registry: name → implementation. Looked up once, at compile time. */
import type { Kwargs } from '../objects.js';

export type FilterFn = (value: unknown, args: unknown[], kwargs: Kwargs) => unknown;

const filters = new Map<string, FilterFn>();

export function registerFilter(name: string, fn: FilterFn): void {
  filters.set(name, fn);
}

export function getFilter(name: string): FilterFn | undefined {
  return filters.get(name);
}

const strict = new WeakSet<FilterFn>();

/** Marks a filter that raises on Undefined (Jinja2's int, float...): generated code aborts before calling it. */
export function registerStrictFilter(name: string, fn: FilterFn): void {
  filters.set(name, fn);
  strict.add(fn);
}

export function strictOnUndefined(fn: FilterFn): boolean {
  return strict.has(fn);
}

const guards = new WeakMap<FilterFn, (value: unknown) => boolean>();

/**
 * A filter that raises on some input types (`length` of None): `accepts` tells the values it takes,
 * so generated code where a raise aborts the expression jumps out first instead of throwing.
 */
export function registerGuardedFilter(name: string, fn: FilterFn, accepts: (value: unknown) => boolean): void {
  filters.set(name, fn);
  guards.set(fn, accepts);
}

export function inputGuard(fn: FilterFn): ((value: unknown) => boolean) | undefined {
  return guards.get(fn);
}
