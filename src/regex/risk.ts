import type { Node } from './ast.js';
import type { Ranges } from './charset.js';
import { effective, firstSet } from './first-set.js';

/**
 * Static check for exponential backtracking: an unbounded repetition whose body holds
 * another unbounded repetition, or alternatives that can start with the same character.
 * A repeated body that starts with a delimiter its inner repetitions cannot match
 * (`(?:/[^/]*)+`, `(?:\.[a-z]{0,62})*`) is not ambiguous and passes.
 */
export function hasNestedRisk(root: Node): boolean {
  let risky = false;
  visit(root, (node) => {
    if (risky || node.type !== 'quant' || !unbounded(node) || node.mode === 'possessive') return;
    // Each iteration of an atomic body has one fixed extent: no re-partitioning to explore.
    if (node.body.type === 'group' && node.body.atomic) return;
    const delimiter = firstSet(node.body);
    visit(node.body, (inner) => {
      if (inner === node.body && inner.type === 'quant') {
        risky = true;
        return;
      }
      if (inner.type === 'quant' && unbounded(inner)) {
        const set = inner.body.type === 'class' ? effective(inner.body) : inner.body.type === 'char' ? [[inner.body.unit, inner.body.unit] as const] : null;
        if (!delimiter || !set || overlaps(delimiter, set)) risky = true;
      }
    }, true);
    const alt = unwrap(node.body);
    if (alt.type === 'alt') {
      const firsts = alt.branches.map(firstSet);
      for (let i = 0; i < firsts.length; i++) {
        for (let j = i + 1; j < firsts.length; j++) {
          const a = firsts[i];
          const b = firsts[j];
          if (!a || !b || overlaps(a, b)) risky = true;
        }
      }
    }
  }, false);
  return risky;
}

function unbounded(node: Extract<Node, { type: 'quant' }>): boolean {
  return node.max === Infinity || node.max > 16;
}

/** Walks the tree; with `stop`, does not enter atomic groups or possessive repetitions below the root. */
function visit(node: Node, fn: (n: Node) => void, stop: boolean, root = true): void {
  fn(node);
  if (stop && !root && ((node.type === 'group' && node.atomic) || (node.type === 'quant' && node.mode === 'possessive'))) return;
  switch (node.type) {
    case 'seq':
      node.items.forEach((n) => visit(n, fn, stop, false));
      break;
    case 'alt':
      node.branches.forEach((n) => visit(n, fn, stop, false));
      break;
    case 'capture':
    case 'group':
    case 'look':
    case 'quant':
      visit(node.body, fn, stop, false);
      break;
    default:
  }
}

function unwrap(node: Node): Node {
  while (node.type === 'capture' || node.type === 'group') node = node.body;
  return node;
}

function overlaps(a: Ranges, b: Ranges): boolean {
  for (const [alo, ahi] of a) for (const [blo, bhi] of b) if (alo <= bhi && blo <= ahi) return true;
  return false;
}
