/**
 * `a.b.c.d` compiled as one step instead of one closure per dot: the catalog is dominated by
 * such chains on event layers, and every closure call in the interpreter is an indirect call
 * that V8 cannot inline.
 */
import { getAttr } from './access.js';
import type { Expr } from './ast.js';

/** The innermost non-getattr expression of `base.k1.k2…` and the keys, outermost last. */
export function splitAttrChain(e: Expr & { k: 'getattr' }): { base: Expr; keys: string[] } {
  const keys: string[] = [];
  let node: Expr = e;
  while (node.k === 'getattr') {
    keys.push(node.name);
    node = node.obj;
  }
  return { base: node, keys: keys.reverse() };
}

/**
 * Jinja `o.k1.k2…`. Plain dicts with an own key take the fast path; anything else (missing
 * keys → bound methods, PyObjects, null-prototype dicts, strings…) goes through getAttr, so
 * the sandbox rules stay in one place. The own-key check is what keeps inherited
 * Object.prototype members (`constructor`, `__proto__`…) unreachable.
 */
export function walkAttrs(o: unknown, keys: readonly string[]): unknown {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (typeof o === 'object' && o !== null && Object.getPrototypeOf(o) === Object.prototype && Object.hasOwn(o, k)) {
      o = (o as Record<string, unknown>)[k];
    } else {
      o = getAttr(o, k);
    }
  }
  return o;
}
