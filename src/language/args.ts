/** Python-style argument binding helpers for filters, tests, methods and globals. */
import { fail } from './errors.js';
import type { Kwargs } from './objects.js';
import { asInt, typeName } from './runtime.js';

export const NO_KWARGS: Kwargs = Object.freeze(Object.create(null)) as Kwargs;

/** Positional index `i` or keyword `name`, else `dflt`. */
export function arg(args: unknown[], kwargs: Kwargs, i: number, name: string, dflt?: unknown): unknown {
  if (i < args.length) return args[i];
  if (Object.hasOwn(kwargs, name)) return kwargs[name];
  return dflt;
}

export function intArg(v: unknown, what: string): number {
  const n = asInt(v);
  if (n === null) fail(`${what}: '${typeName(v)}' object cannot be interpreted as an integer`);
  return Number(n);
}

export function strArg(v: unknown, what: string): string {
  if (typeof v !== 'string') fail(`${what} argument must be str, not ${typeName(v)}`);
  return v;
}

export function maxArgs(args: unknown[], n: number, what: string): void {
  if (args.length > n) fail(`${what} takes at most ${n} arguments (${args.length} given)`);
}
