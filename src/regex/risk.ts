import type { Node } from './ast.js';
import { complement, WORD, type Ranges } from './charset.js';
import { effective, leadingUnits } from './first-set.js';

/**
 * Static check for exponential backtracking: an unbounded repetition whose body holds another
 * unbounded repetition, or alternatives that can start with the same text. A repeated body that
 * starts with a delimiter its inner repetitions cannot match (`(?:/[^/]*)+`, `(?:\.[a-z]{0,62})*`,
 * `(?:(?:\w+|,)\s*)*` for the spaces) is not ambiguous and passes; so is a run that a word
 * boundary ends (`\w+\b`: see maximalRuns), and alternatives whose fixed beginnings differ at
 * some unit (`#015#012|#011`).
 */
export function hasNestedRisk(root: Node): boolean {
  const maximal = maximalRuns(root);
  let risky = false;
  visit(root, (node) => {
    if (risky || node.type !== 'quant' || !unbounded(node) || node.mode === 'possessive' || maximal.has(node)) return;
    // Each iteration of an atomic body has one fixed extent: no re-partitioning to explore.
    if (node.body.type === 'group' && node.body.atomic) return;
    const delimiter = leadingUnits(node.body);
    visit(node.body, (inner) => {
      if (inner === node.body && inner.type === 'quant') {
        risky = true;
        return;
      }
      if (inner.type === 'quant' && unbounded(inner) && !maximal.has(inner)) {
        const set = unitSet(inner.body);
        if (!delimiter || !set || overlaps(delimiter, set)) risky = true;
      }
    }, true);
    const alt = unwrap(node.body);
    if (alt.type === 'alt') {
      const prefixes = alt.branches.map((b) => fixedPrefix(b));
      for (let i = 0; i < prefixes.length; i++) {
        for (let j = i + 1; j < prefixes.length; j++) if (!differ(prefixes[i]!, prefixes[j]!)) risky = true;
      }
    }
  }, false);
  return risky;
}

function unbounded(node: Extract<Node, { type: 'quant' }>): boolean {
  return node.max === Infinity || node.max > 16;
}

/** The units a one-unit node matches, or null for anything wider. */
function unitSet(node: Node): Ranges | null {
  return node.type === 'class' ? effective(node) : node.type === 'char' ? [[node.unit, node.unit]] : null;
}

const NON_WORD = complement(WORD);

function within(set: Ranges, outer: Ranges): boolean {
  return set.every(([lo, hi]) => outer.some(([olo, ohi]) => olo <= lo && hi <= ohi));
}

/**
 * Repetitions of one unit class that is all word units (or all non-word units) directly followed
 * by `\b`: any shorter match of theirs ends between two units of the class, where `\b` fails, so
 * only the longest run can go on, as if the repetition were possessive. `\w+\b` cannot be
 * re-partitioned by backtracking; grok's WORD is `\b\w+\b`.
 */
function maximalRuns(root: Node): Set<Node> {
  const out = new Set<Node>();
  const walk = (node: Node, next: Node | null): void => {
    switch (node.type) {
      case 'seq':
        node.items.forEach((item, i) => walk(item, i + 1 < node.items.length ? node.items[i + 1]! : next));
        break;
      case 'capture':
      case 'group':
        walk(node.body, next);
        break;
      case 'alt':
        node.branches.forEach((b) => walk(b, next));
        break;
      case 'quant': {
        const set = unitSet(node.body);
        if (set !== null && next !== null && next.type === 'assert' && next.kind === 'word' && (within(set, WORD) || within(set, NON_WORD))) out.add(node);
        walk(node.body, null);
        break;
      }
      case 'look':
        walk(node.body, null);
        break;
      default:
    }
  };
  walk(root, null);
  return out;
}

/** The unit sets of the first positions every match of the node goes through, as far as they are fixed. */
function fixedPrefix(node: Node, out: Ranges[] = []): Ranges[] {
  fixedInto(node, out);
  return out;
}

/** Appends the node's fixed units; false when the node's extent is not fixed (the prefix ends there). */
function fixedInto(node: Node, out: Ranges[]): boolean {
  switch (node.type) {
    case 'char':
    case 'class':
      out.push(unitSet(node)!);
      return true;
    case 'capture':
    case 'group':
      return fixedInto(node.body, out);
    case 'seq':
      for (const item of node.items) {
        if (item.type === 'assert' || item.type === 'look') continue; // consumes nothing
        if (!fixedInto(item, out)) return false;
      }
      return true;
    case 'quant':
      if (node.min !== node.max || node.min > 16) {
        // The body's first copy is still certain when at least one is required.
        if (node.min > 0) fixedInto(node.body, out);
        return false;
      }
      for (let i = 0; i < node.min; i++) if (!fixedInto(node.body, out)) return false;
      return true;
    default:
      return false;
  }
}

/** True when no text can begin both ways: the fixed beginnings disagree at some unit. */
function differ(a: Ranges[], b: Ranges[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!overlaps(a[i]!, b[i]!)) return true;
  return false;
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
