import type { Node, ParsedPattern } from './ast.js';
import { ANY, normalize, type Ranges } from './charset.js';
import { effective, reach } from './first-set.js';

/**
 * Rewrites that keep a pattern's matches (and captures) exactly and let V8's linear engine take it:
 * that engine has no lookaround, atomic group or possessive quantifier. Each rewrite is proven by
 * the context of the node in the pattern:
 * - a lookaround whose outcome the neighbouring units decide (`(?<![0-9])` right after `@`,
 *   `(?![0-9])` right before a space or the end of a full match) is always true: dropped;
 * - an atomic group (or possessive repetition) whose body's first match is its longest, followed
 *   by nothing that can start with a unit the body consumes, cannot be backtracked into with
 *   success: any shorter match of the body leaves, next, a unit the body consumed, which the rest
 *   cannot start with. It becomes a plain group.
 * `anchored`: the pattern matches from the input's start (match, fullmatch) and, with `end`, up
 * to its end (fullmatch): the edges are then known, not "any text".
 */
export function linearize(parsed: ParsedPattern, anchored: { start: boolean; end: boolean; noNewline?: boolean }): ParsedPattern {
  const ctx: Context = { noNewline: anchored.noNewline === true };
  const root = rewrite(parsed.root, anchored.start ? EDGE : UNKNOWN, anchored.end ? EDGE : UNKNOWN, anchored.end ? 'end' : 'any', ctx);
  return root === parsed.root ? parsed : { ...parsed, root };
}

/** What can be next to a point of the pattern: some units, and/or the input's edge. */
interface Side {
  units: Ranges;
  edge: boolean;
}

const UNKNOWN: Side = { units: ANY, edge: true };
/** The input's start or end. */
const EDGE: Side = { units: [], edge: true };

function union(a: Side, b: Side): Side {
  return { units: normalize([...a.units, ...b.units]), edge: a.edge || b.edge };
}

function overlaps(a: Ranges, b: Ranges): boolean {
  for (const [alo, ahi] of a) for (const [blo, bhi] of b) if (alo <= bhi && blo <= ahi) return true;
  return false;
}

/** The side seen past `nodes` (in the given direction), then `outer` when they may all be empty. */
function sideOf(nodes: readonly Node[], forward: boolean, outer: Side): Side {
  const units: Array<readonly [number, number]> = [];
  const list = forward ? nodes : [...nodes].reverse();
  for (const n of list) {
    const r = reach(n, forward);
    if (r === null) return UNKNOWN;
    units.push(...r.units);
    if (!r.empty) return { units: normalize(units), edge: false };
  }
  return union({ units, edge: false }, outer);
}

/** Every unit a match of the node can consume; null when unknown (backreference). */
function consumed(node: Node): Ranges | null {
  const out: Array<readonly [number, number]> = [];
  let known = true;
  const walk = (n: Node): void => {
    switch (n.type) {
      case 'char': out.push([n.unit, n.unit]); break;
      case 'class': out.push(...effective(n)); break;
      case 'seq': n.items.forEach(walk); break;
      case 'alt': n.branches.forEach(walk); break;
      case 'capture': case 'group': case 'quant': walk(n.body); break;
      case 'look': case 'assert': break;
      default: known = false;
    }
  };
  walk(node);
  return known ? normalize(out) : null;
}

function hasCapture(node: Node): boolean {
  switch (node.type) {
    case 'capture': case 'backref': return true;
    case 'seq': return node.items.some(hasCapture);
    case 'alt': return node.branches.some(hasCapture);
    case 'group': case 'look': case 'quant': return hasCapture(node.body);
    default: return false;
  }
}

/**
 * The node's first match (its preferred path, nothing after it) is its longest match, wherever
 * it starts: then any other match of it ends earlier.
 */
function firstIsLongest(node: Node): boolean {
  switch (node.type) {
    case 'char': case 'class': case 'assert': case 'look':
      return true;
    case 'capture':
      return firstIsLongest(node.body);
    case 'group':
      return node.atomic || firstIsLongest(node.body);
    case 'quant': {
      if (node.mode === 'possessive' || node.max === 0) return true;
      if (node.mode === 'lazy' && node.min !== node.max) return false;
      if (node.body.type === 'char' || node.body.type === 'class') return true;
      if (node.max === 1) return firstIsLongest(node.body);
      return false;
    }
    case 'alt': {
      // At most one alternative can match at a point: they start with different units, none empty.
      const firsts: Ranges[] = [];
      for (const b of node.branches) {
        const r = reach(b, true);
        if (r === null || r.empty || !firstIsLongest(b)) return false;
        if (firsts.some((f) => overlaps(f, r.units))) return false;
        firsts.push(r.units);
      }
      return true;
    }
    case 'seq':
      // Each item's shorter matches leave a unit it consumes, which the items after cannot start with.
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]!;
        if (!firstIsLongest(item)) return false;
        const units = consumed(item);
        const after = sideOf(node.items.slice(i + 1), true, { units: [], edge: true });
        if (units === null || overlaps(units, after.units)) return false;
      }
      return true;
    default:
      return false;
  }
}

/**
 * `noNewline`: the input holds no line feed (the caller checks), so `[^\n]*` matches any text.
 * A third rewrite then holds: an atomic group whose rest of the pattern matches any text is never
 * backtracked into (the rest succeeds after the body's first match).
 */
interface Context {
  noNewline: boolean;
}

/** The node matches any text wherever it starts (with `noNewline`, `[^\n]*` does). */
function matchesAnyText(node: Node, ctx: Context): boolean {
  switch (node.type) {
    case 'capture': case 'group':
      return matchesAnyText(node.body, ctx);
    case 'seq':
      return node.items.every((n) => matchesAnyText(n, ctx));
    case 'alt':
      return node.branches.some((n) => matchesAnyText(n, ctx));
    case 'quant':
      if (node.min === 0 && node.max === 1) return matchesAnyText(node.body, ctx);
      if (node.min !== 0 || node.max !== Infinity) return false;
      return (node.body.type === 'class' || node.body.type === 'char') && coversAll(node.body, ctx);
    default:
      return false;
  }
}

function coversAll(node: Extract<Node, { type: 'class' | 'char' }>, ctx: Context): boolean {
  const set = node.type === 'char' ? [[node.unit, node.unit] as const] : effective(node);
  const need: Ranges = ctx.noNewline ? [[0, 0x09], [0x0b, ANY[0]![1]]] : ANY;
  return need.every(([lo, hi]) => set.some(([slo, shi]) => slo <= lo && hi <= shi));
}

/**
 * What follows a node up to the end of the pattern: 'any' when it matches any text (a search's
 * end, or parts that each match any text, the last of them before the end of a full match), 'end'
 * when it is the end of a full match alone.
 */
type Tail = 'any' | 'end' | 'other';

function tailOf(rest: readonly Node[], outer: Tail, ctx: Context): Tail {
  if (rest.length === 0) return outer;
  if (outer === 'other' || !rest.every((n) => matchesAnyText(n, ctx))) return 'other';
  return 'any';
}

/** Rewrites `node`, which sits between what `before` and `after` describe, followed by `tail`. */
function rewrite(node: Node, before: Side, after: Side, tail: Tail, ctx: Context): Node {
  const tailAny = tail === 'any';
  switch (node.type) {
    case 'seq': {
      let changed = false;
      const items: Node[] = [];
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i]!;
        // `before` from the rewritten items (dropping a lookaround changes no unit), `after` from the originals.
        const b = sideOf(node.items.slice(0, i), false, before);
        const a = sideOf(node.items.slice(i + 1), true, after);
        const next = rewrite(item, b, a, tailOf(node.items.slice(i + 1), tail, ctx), ctx);
        if (next !== item) changed = true;
        if (next.type === 'seq' && next.items.length === 0 && item.type === 'look') continue;
        items.push(next);
      }
      return changed ? { type: 'seq', items } : node;
    }
    case 'alt': {
      const branches = node.branches.map((b) => rewrite(b, before, after, tail, ctx));
      return branches.some((b, i) => b !== node.branches[i]) ? { type: 'alt', branches } : node;
    }
    case 'capture': {
      const body = rewrite(node.body, before, after, tail, ctx);
      return body === node.body ? node : { ...node, body };
    }
    case 'group': {
      const body = rewrite(node.body, before, after, tail, ctx);
      if (node.atomic && (tailAny || atomicIsPlain(body, after))) return { type: 'group', atomic: false, body };
      return body === node.body ? node : { ...node, body };
    }
    case 'quant': {
      if (node.max === 0) return node;
      // Around one iteration: the quantifier's neighbours, or another iteration.
      const r = reach(node.body, true);
      const l = reach(node.body, false);
      const inBefore = node.max > 1 && l ? union(before, { units: l.units, edge: false }) : node.max > 1 ? UNKNOWN : before;
      const inAfter = node.max > 1 && r ? union(after, { units: r.units, edge: false }) : node.max > 1 ? UNKNOWN : after;
      // Another iteration may follow a body: its tail is then not the pattern's.
      const body = rewrite(node.body, inBefore, inAfter, node.max <= 1 ? tail : 'other', ctx);
      if (node.mode === 'possessive' && (tailAny || atomicIsPlain({ ...node, body, mode: 'greedy' }, after))) return { ...node, body, mode: 'greedy' };
      return body === node.body ? node : { ...node, body };
    }
    case 'look':
      return lookIsTrue(node, before, after) ? { type: 'seq', items: [] } : node;
    default:
      return node;
  }
}

/**
 * `(?>body)` followed by `after` matches what `(?:body)` does (see linearize). An edge in `after`
 * is the input's end (unknown text after the pattern shows as every unit, so it overlaps).
 */
function atomicIsPlain(body: Node, after: Side): boolean {
  const units = consumed(body);
  return units !== null && !overlaps(units, after.units) && firstIsLongest(body);
}

function sameAsUnknown(side: Side): boolean {
  return side.units.length === 1 && side.units[0]![0] === 0 && side.units[0]![1] === ANY[0]![1];
}

/** A lookaround that holds at every point the pattern can be, given its neighbours. */
function lookIsTrue(node: Extract<Node, { type: 'look' }>, before: Side, after: Side): boolean {
  if (hasCapture(node.body)) return false;
  const side = node.behind ? before : after;
  if (sameAsUnknown(side)) return false;
  const r = reach(node.body, !node.behind);
  if (r === null) return false;
  if (node.negate) {
    // The body cannot match: it must consume a unit, and none it can start with is there.
    return !r.empty && !overlaps(r.units, side.units);
  }
  // A one-unit body holds when every neighbour unit is in it and the edge is not possible.
  const body = node.body;
  if ((body.type !== 'class' && body.type !== 'char') || side.edge) return false;
  const set = body.type === 'char' ? [[body.unit, body.unit] as const] : effective(body);
  return side.units.every(([lo, hi]) => set.some(([slo, shi]) => slo <= lo && hi <= shi));
}
