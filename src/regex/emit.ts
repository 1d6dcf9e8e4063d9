import type { Node, ParsedPattern } from './ast.js';
import { classSource, unitSource, type Ranges } from './charset.js';
import { leadingUnits } from './first-set.js';
import { linearize } from './linearize.js';

/** Which JS capture groups form each logical (Python) group. */
export interface GroupMap {
  /** Logical group names in order of first appearance. */
  readonly names: readonly string[];
  /** Per logical name (same order): its JS group names, left to right (`name`, `name__2`, ...). */
  readonly jsNames: readonly (readonly string[])[];
  /** Per logical name (same order): its JS capture indices, left to right. */
  readonly jsIndices: readonly (readonly number[])[];
  /** Python group number n at index n-1 → JS capture indices (duplicates share a number). */
  readonly numbered: readonly (readonly number[])[];
}

export interface Emitted {
  source: string;
  groups: GroupMap;
  /** V8's linear engine can take over this source after excessive backtracking. */
  linear: boolean;
}

/** One alternative of a top-level alternation, emitted as a regex of its own (see emitBranches). */
export interface EmittedBranch extends Emitted {
  relaxed: string | null;
  /** When this alternative is not linear but is on inputs without a line feed: that source. */
  noNewline: Emitted | null;
  /** The code units a match of this alternative starts with; null when unknown or possibly empty. */
  first: Ranges | null;
}

/** Patterns with a source at least this long are worth splitting at their top-level alternation. */
export const SPLIT_MIN_SOURCE = 4096;

/**
 * A full-match pattern whose body is one alternation (`(?:A|B|C)`, as grok patterns listing message
 * shapes are), as one anchored regex per alternative. Trying `^A$`, then `^B$`, ... finds the same
 * match as `^(?:A|B|C)$`: nothing follows the alternation but the end. V8's regex compilation time
 * grows faster than the pattern (measured: one IPv6 pattern 4 ms, eight of them in one alternation
 * 71 ms; azure-linux's sshd pattern 140 ms at its first match), and each alternative is compiled
 * only when an event reaches it. Null when the pattern is no such alternation, or a backreference
 * could cross alternatives.
 */
export function emitBranches(parsed: ParsedPattern, namedOnly: boolean): EmittedBranch[] | null {
  const split = splitAlternatives(parsed.root);
  if (split === null || backrefTargets(parsed.root).size > 0) return null;
  return split.map((branch) => {
    const sub: ParsedPattern = { ...parsed, root: branch };
    const exact = emitExact(sub, true, namedOnly);
    return { ...exact, relaxed: exact.linear ? null : emitRelaxed(sub, true), noNewline: exact.linear ? null : linearOnly(emitExact(sub, true, namedOnly, true)), first: leadingUnits(branch) };
  });
}

function linearOnly(e: Emitted): Emitted | null {
  return e.linear ? e : null;
}

/**
 * The alternatives of a pattern that is one alternation, possibly inside plain groups and capture
 * groups (grok wraps a pattern in the named group of its name), each inside the same groups:
 * a full match of `(?P<n>A|B)` is the first full match of `(?P<n>A)`, `(?P<n>B)`, with the same
 * captures; and so on into alternatives that are alternations. Null when the pattern is no such
 * alternation.
 */
export function splitAlternatives(root: Node): Node[] | null {
  const wrappers: Array<Extract<Node, { type: 'capture' | 'group' }>> = [];
  let node = root;
  while ((node.type === 'group' && !node.atomic) || node.type === 'capture') {
    wrappers.push(node);
    node = node.body;
  }
  if (node.type !== 'alt' || node.branches.length < 2) return null;
  // An alternative that is an alternation itself (a grok pattern listing other lists) splits too.
  return node.branches.flatMap((branch) => splitAlternatives(branch) ?? [branch]).map((branch) => wrappers.reduceRight<Node>((body, w) => ({ ...w, body }), branch));
}

/** V8 refuses its linear engine when bytecode replication of finite quantifiers exceeds this. */
const MAX_REPLICATION = 16;

/**
 * Exact translation: the JS source that matches what Python would. With `namedOnly`, only
 * named groups (and groups a backreference needs) capture, all as plain numbered groups: V8's
 * exec cost grows with every capture and named group (a grok pattern holding the IPv6 pattern
 * has hundreds), and callers that read named values alone need only `jsIndices`. `numbered`
 * then lists only the groups that still capture.
 */
export function emitExact(original: ParsedPattern, fullMatch: boolean, namedOnly = false, noNewline = false): Emitted {
  const parsed = linearize(original, { start: fullMatch, end: fullMatch, noNewline });
  const e = new ExactEmitter(parsed, namedOnly ? backrefTargets(parsed.root) : null);
  const body = e.emit(parsed.root, fullMatch, 1);
  return { source: fullMatch ? `^(?:${body})$` : body, groups: e.groupMap(), linear: e.linear };
}

class ExactEmitter {
  linear = true;
  private index = 0;
  private helpers = 0;
  private readonly used = new Set<string>();
  private readonly byNumber = new Map<number, { names: string[]; indices: number[] }>();
  private readonly order: number[] = [];

  /** `keep`: when set, named-only mode; the unnamed group numbers that must still capture. */
  constructor(private readonly parsed: ParsedPattern, private readonly keep: ReadonlySet<number> | null = null) {
    for (const name of parsed.groupNames) if (name) this.used.add(name);
  }

  groupMap(): GroupMap {
    const names: string[] = [];
    const jsNames: string[][] = [];
    const jsIndices: number[][] = [];
    for (const n of this.order) {
      const name = this.parsed.groupNames[n];
      const entry = this.byNumber.get(n)!;
      if (!name) continue;
      names.push(name);
      jsNames.push(entry.names);
      jsIndices.push(entry.indices);
    }
    const numbered: number[][] = [];
    for (let n = 1; n <= this.parsed.groupCount; n++) numbered.push(this.byNumber.get(n)?.indices ?? []);
    return { names, jsNames, jsIndices, numbered };
  }

  private unique(base: string): string {
    let name = base;
    for (let k = 2; this.used.has(name); k++) name = `${base.replace(/__\d+$/, '')}__${k}`;
    this.used.add(name);
    return name;
  }

  private helper(): string {
    let name: string;
    do name = `__a${++this.helpers}`;
    while (this.used.has(name));
    this.used.add(name);
    return name;
  }

  /** `tail`: nothing follows up to the end of a fully anchored pattern. */
  emit(node: Node, tail: boolean, factor: number): string {
    switch (node.type) {
      case 'seq':
        return node.items.map((n, i) => this.emit(n, tail && i === node.items.length - 1, factor)).join('');
      case 'alt':
        return node.branches.map((b) => this.emit(b, tail, factor)).join('|');
      case 'char':
        return unitSource(node.unit, false);
      case 'class':
        return classSource(node.ranges, node.negated);
      case 'capture': {
        if (this.keep !== null && node.name === null && !this.keep.has(node.number)) {
          return `(?:${this.emit(node.body, tail, factor)})`;
        }
        let entry = this.byNumber.get(node.number);
        if (!entry) {
          entry = { names: [], indices: [] };
          this.byNumber.set(node.number, entry);
          this.order.push(node.number);
        }
        const index = ++this.index;
        entry.indices.push(index);
        if (node.name === null) return `(${this.emit(node.body, tail, factor)})`;
        const jsName = entry.names.length === 0 ? node.name : this.unique(`${node.name}__${entry.names.length + 1}`);
        entry.names.push(jsName);
        if (this.keep !== null) return `(${this.emit(node.body, tail, factor)})`;
        return `(?<${jsName}>${this.emit(node.body, tail, factor)})`;
      }
      case 'group':
        if (!node.atomic) return `(?:${this.emit(node.body, tail, factor)})`;
        return this.atomic(() => this.emit(node.body, false, factor));
      case 'look':
        this.linear = false;
        return `(?${node.behind ? '<' : ''}${node.negate ? '!' : '='}${this.emit(node.body, false, factor)})`;
      case 'backref': {
        this.linear = false;
        const indices = this.byNumber.get(node.number)?.indices ?? [];
        // With duplicate names, refer to the closest earlier occurrence.
        return `(?:\\${indices[indices.length - 1]})`;
      }
      case 'assert':
        return this.assertion(node.kind, tail);
      case 'quant':
        return this.quant(node, factor);
    }
  }

  private assertion(kind: string, tail: boolean): string {
    switch (kind) {
      case 'start': return '^';
      case 'end': return '$';
      case 'word': return '\\b';
      case 'nonword': return '\\B';
      case 'endOptNl':
        if (tail) return '$';
        this.linear = false;
        return '(?=\\n?$)';
      case 'lineStart':
        this.linear = false;
        return '(?:^|(?<=\\n))';
      default:
        this.linear = false;
        return '(?=\\n|$)';
    }
  }

  private quant(node: Extract<Node, { type: 'quant' }>, factor: number): string {
    const { min, max } = node;
    if (min > MAX_REPLICATION || (max !== Infinity && max > MAX_REPLICATION)) this.linear = false;
    const local = factor * (max === Infinity ? min + 1 : max);
    if (local > MAX_REPLICATION) this.linear = false;
    const text = () => atom(node.body, this.emit(node.body, false, local)) + quantText(min, max) + (node.mode === 'lazy' ? '?' : '');
    return node.mode === 'possessive' ? this.atomic(text) : text();
  }

  /** `(?>X)` → `(?=(?<h>X))\k<h>`: the lookahead commits to X's first match. */
  private atomic(body: () => string): string {
    this.linear = false;
    const name = this.helper();
    const index = ++this.index;
    if (this.keep !== null) return `(?=(${body()}))(?:\\${index})`;
    return `(?=(?<${name}>${body()}))\\k<${name}>`;
  }
}

/** Group numbers that some backreference refers to. */
function backrefTargets(root: Node): Set<number> {
  const out = new Set<number>();
  const walk = (node: Node): void => {
    switch (node.type) {
      case 'seq': node.items.forEach(walk); break;
      case 'alt': node.branches.forEach(walk); break;
      case 'capture': case 'group': case 'look': case 'quant': walk(node.body); break;
      case 'backref': out.add(node.number); break;
      default: break;
    }
  };
  walk(root);
  return out;
}

function quantText(min: number, max: number): string {
  if (min === 0 && max === Infinity) return '*';
  if (min === 1 && max === Infinity) return '+';
  if (min === 0 && max === 1) return '?';
  if (max === Infinity) return `{${min},}`;
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

/** Wraps a quantifier body unless it already is one atom. */
function atom(node: Node, source: string): string {
  const single = node.type !== 'seq' && node.type !== 'alt' && !(node.type === 'group' && node.atomic) && node.type !== 'quant';
  return single ? source : `(?:${source})`;
}

/**
 * A relaxed source for a pre-check: lookarounds and atomicity dropped, backreferences
 * widened to any text, finite bounds widened to `*`/`+`. It matches a superset of the
 * exact pattern's strings, and V8's linear engine can always take it over, so "no match"
 * from it is a bounded-time, exact "no match". Returns null when even the loosest form
 * would exceed V8's limits.
 */
export function emitRelaxed(parsed: ParsedPattern, fullMatch: boolean): string | null {
  for (const loose of [false, true]) {
    const state = { linear: true };
    const body = relaxed(parsed.root, loose, 1, state, true);
    if (state.linear) return fullMatch ? `^(?:${body})$` : body;
  }
  return null;
}

/** `tail`: nothing follows in the pattern (a trailing `$` may then consume a final newline). */
function relaxed(node: Node, loose: boolean, factor: number, state: { linear: boolean }, tail = false): string {
  switch (node.type) {
    case 'seq':
      return node.items.map((n, i) => relaxed(n, loose, factor, state, tail && i === node.items.length - 1)).join('');
    case 'alt':
      return node.branches.map((b) => relaxed(b, loose, factor, state, tail)).join('|');
    case 'char':
      return unitSource(node.unit, false);
    case 'class':
      return classSource(node.ranges, node.negated);
    case 'capture':
    case 'group':
      return `(?:${relaxed(node.body, loose, factor, state, tail && !(node.type === 'group' && node.atomic))})`;
    case 'look':
      return '';
    case 'backref':
      return '(?:[\\s\\S]*)';
    case 'assert':
      if (node.kind === 'endOptNl') return tail ? '\\n?$' : '';
      return node.kind === 'start' ? '^' : node.kind === 'end' ? '$' : node.kind === 'word' ? '\\b' : node.kind === 'nonword' ? '\\B' : '';
    case 'quant': {
      const { min, max } = node;
      if (max === 0) return '';
      const lazy = node.mode === 'lazy' ? '?' : '';
      if (max === 1) {
        const body = relaxed(node.body, loose, factor, state);
        return min === 1 ? `(?:${body})` : `(?:${body})?${lazy}`;
      }
      const plus = min > 0 && !loose;
      const local = factor * (plus ? 2 : 1);
      if (local > MAX_REPLICATION) state.linear = false;
      return `(?:${relaxed(node.body, loose, local, state)})${plus ? '+' : '*'}${lazy}`;
    }
  }
}
