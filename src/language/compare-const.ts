/**
 * Comparisons against a literal, specialised at compile time. Each returns null when the
 * literal is not of a shape it handles; the caller then uses the generic Python comparison.
 * All of them keep Python semantics exactly (see the comments on why each shortcut is exact).
 */
import type { Expr } from './ast.js';
import { pyEq } from './runtime.js';

type Pred = (v: unknown) => boolean;

/**
 * `v == literal` for a str, int-valued number or None literal.
 * - str: pyEq(v, s) is true only for v === s (a str equals nothing but an identical str).
 * - None: only None equals None (undefined does not).
 * - number: identical numbers are equal; another JS number or a str never is; bool, bigint
 *   and PyFloat (True == 1, 1.0 == 1) still go through pyEq.
 */
export function equalsLiteral(value: unknown): Pred | null {
  if (typeof value === 'string') return (v) => v === value;
  if (value === null) return (v) => v === null;
  if (typeof value === 'number' && !Number.isNaN(value)) {
    return (v) => v === value || (typeof v !== 'number' && typeof v !== 'string' && v !== undefined && v !== null && pyEq(v, value));
  }
  return null;
}

/** The strings of a `[...]` / `(...)` literal made only of string constants, else null. */
function constStrings(e: Expr): string[] | null {
  if (e.k !== 'list' && e.k !== 'tuple') return null;
  const out: string[] = [];
  for (const item of e.items) {
    if (item.k !== 'const' || typeof item.value !== 'string') return null;
    out.push(item.value);
  }
  return out;
}

/**
 * `v in ['a', 'b']`: a str item only ever equals an identical str, so membership is a Set
 * lookup, and nothing else (numbers, None, undefined…) can match — no error either, as a
 * list container never raises on the item type.
 */
export function inStringLiteral(container: Expr): Pred | null {
  const items = constStrings(container);
  if (items === null) return null;
  if (items.length <= 4) return (v) => typeof v === 'string' && items.includes(v);
  const set = new Set(items);
  return (v) => typeof v === 'string' && set.has(v);
}
