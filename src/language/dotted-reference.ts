/**
 * A value template that is only a dotted reference, `{{ layer.a.b }}` (names and numbers joined
 * by dots, no brackets, calls or operators), reads keys: a number segment is the key of that
 * text, so `{{ layer.items.0.id }}` indexes no list (docs/catalog-rules/eval.md). Elsewhere, and
 * with brackets, `.0` stays Jinja2's item 0.
 */
import type { Expr } from './ast.js';
import type { Token } from './lexer.js';

/** Whether the tokens of a lone `{{ ... }}` are a dotted reference with a number segment. */
export function isNumberedReference(tokens: readonly Token[]): boolean {
  let numbered = false;
  let i = 1; // tokens[0] is var_begin
  if (tokens[i]?.type !== 'name') return false;
  for (i++; tokens[i]?.type !== 'var_end'; i += 2) {
    const dot = tokens[i];
    const seg = tokens[i + 1];
    if (dot?.type !== 'op' || dot.value !== '.' || seg === undefined) return false;
    if (seg.type === 'int') numbered = true;
    else if (seg.type !== 'name') return false;
  }
  return numbered;
}

/** The same expression with each number item of the chain read as a text key. */
export function keysAsText(e: Expr): Expr {
  if (e.k === 'getattr') return { ...e, obj: keysAsText(e.obj) };
  if (e.k === 'getitem' && e.key.k === 'const') return { ...e, obj: keysAsText(e.obj), key: { ...e.key, value: String(e.key.value) } };
  return e;
}
