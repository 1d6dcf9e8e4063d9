import type { AssertKind, Node } from './ast.js';
import { effective } from './first-set.js';
import type { Ranges } from './charset.js';

/** Instructions of the Pike VM (pike.ts). Operands in `a`/`b`. */
export const enum Op {
  /** Consume the unit `a`. */
  Char,
  /** Consume a unit of class `a` (Program.ascii / Program.wide). */
  Class,
  /** Continue at `a` first, then (lower priority) at `b`. */
  Split,
  Jump,
  /** Record the position in capture slot `a`. */
  Save,
  /** Clear capture slots `a`..`b` (JS clears a repeated body's groups at each iteration). */
  Reset,
  /** Zero-width test `a` (AssertCode). */
  Assert,
  /** Zero-width test of look `a` (Program.looks). */
  Look,
  Match,
  /** An optional iteration of a body that can match empty starts: set bit `a` of the thread's mask. */
  IterStart,
  /** It ends: the thread fails when bit `a` is still set (nothing consumed since), else clears it. */
  IterEnd,
  /**
   * Atomic group: the first match of sub-program `a` (Program.subs) from here, its captures
   * applied; the thread then waits in the list, consuming, until that match's end.
   */
  Atomic,
}

export const enum AssertCode { Start, End, EndOptNl, LineStart, LineEnd, Word, NonWord }

const ASSERT_CODES: Record<AssertKind, AssertCode> = {
  start: AssertCode.Start, end: AssertCode.End, endOptNl: AssertCode.EndOptNl, lineStart: AssertCode.LineStart,
  lineEnd: AssertCode.LineEnd, word: AssertCode.Word, nonword: AssertCode.NonWord,
};

/** A lookaround whose body is a fixed sequence of units: classes to test next to the position. */
export interface LookTest {
  behind: boolean;
  negate: boolean;
  classes: number[];
}

export interface Program {
  op: Int32Array;
  a: Int32Array;
  b: Int32Array;
  /** 128 flags per class: the ASCII units it holds. */
  ascii: Uint8Array;
  /** Per class, its ranges at or above 128, flattened [lo, hi, ...]. */
  wide: Int32Array[];
  looks: LookTest[];
  /** Capture groups (slots 2k, 2k+1 for group k; group 0 is the match). */
  groups: number;
  /** Bodies of atomic groups and possessive repetitions, run on their own (Op.Atomic). */
  subs: Program[];
  /** Must the match start at the search's start (a leading `^`/`\A` with no alternative before it)? */
  anchoredStart: boolean;
}

/** Above this many instructions a pattern stays on the backtracking engine (expanded repetitions). */
const MAX_INSTRUCTIONS = 200_000;
/** Nesting depth of optional repetitions of possibly-empty bodies (one mask bit each). */
const MAX_EMPTY_DEPTH = 30;

class Unsupported extends Error {}

/**
 * The tree as a Pike VM program, with capture groups numbered as emit.ts numbers JS groups
 * (textual order; with `namedOnly`, unnamed groups do not capture). Null when the tree holds what
 * a breadth-first simulation cannot give: backreferences and lookarounds other than a fixed run of
 * units. Atomic groups and possessive repetitions run their body's first match as a sub-program
 * (one run per start position and call: polynomial, no longer linear, in the worst case). An iteration beyond the minimum of a body that can
 * match the empty string fails when it consumed nothing, as in JS (IterStart/IterEnd).
 */
export function compileProgram(root: Node, namedOnly: boolean, fullMatch: boolean): Program | null {
  const c = new ProgramBuilder(namedOnly, { groups: 0, groupOf: new Map() });
  try {
    c.emit(Op.Save, 0);
    c.node(root);
    if (fullMatch) c.emit(Op.Assert, AssertCode.End);
    c.emit(Op.Save, 1);
    c.emit(Op.Match);
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
  return c.program(fullMatch || startsAnchored(root));
}

function startsAnchored(node: Node): boolean {
  switch (node.type) {
    case 'assert': return node.kind === 'start';
    case 'seq': return node.items.length > 0 && startsAnchored(node.items[0]!);
    case 'capture': case 'group': return startsAnchored(node.body);
    case 'alt': return node.branches.every(startsAnchored);
    default: return false;
  }
}

class ProgramBuilder {
  private readonly ops: number[] = [];
  private readonly as: number[] = [];
  private readonly bs: number[] = [];
  private readonly classes: Ranges[] = [];
  private readonly classIndex = new Map<string, number>();
  private readonly looks: LookTest[] = [];
  private readonly subs: Program[] = [];
  /** Current nesting of optional iterations of possibly-empty bodies. */
  private emptyDepth = 0;

  /**
   * `numbering`: the group index of each capture node (copies of a repeated body share them) and
   * of each atomic group's helper group (emit.ts writes `(?=(A))\1`), shared with sub-programs.
   */
  constructor(private readonly namedOnly: boolean, private readonly numbering: { groups: number; groupOf: Map<Node, number> }) {}

  private get groups(): number {
    return this.numbering.groups;
  }

  private get groupOf(): Map<Node, number> {
    return this.numbering.groupOf;
  }

  /** The body as a sub-program after the helper group's number (see numbering). */
  private atomic(key: Node, body: Node): void {
    let helper = this.groupOf.get(key);
    if (helper === undefined) {
      helper = ++this.numbering.groups;
      this.groupOf.set(key, helper);
    }
    const child = new ProgramBuilder(this.namedOnly, this.numbering);
    child.emit(Op.Save, 2 * helper);
    child.node(body);
    child.emit(Op.Save, 2 * helper + 1);
    child.emit(Op.Match);
    this.subs.push(child.program(true));
    this.emit(Op.Atomic, this.subs.length - 1);
  }

  emit(op: Op, a = 0, b = 0): number {
    if (this.ops.length >= MAX_INSTRUCTIONS) throw new Unsupported();
    this.ops.push(op);
    this.as.push(a);
    this.bs.push(b);
    return this.ops.length - 1;
  }

  private get pc(): number {
    return this.ops.length;
  }

  private cls(ranges: Ranges): number {
    const key = ranges.map(([lo, hi]) => `${lo}-${hi}`).join(',');
    let i = this.classIndex.get(key);
    if (i === undefined) {
      i = this.classes.length;
      this.classes.push(ranges);
      this.classIndex.set(key, i);
    }
    return i;
  }

  node(n: Node): void {
    switch (n.type) {
      case 'char':
        this.emit(Op.Char, n.unit);
        return;
      case 'class':
        this.emit(Op.Class, this.cls(effective(n)));
        return;
      case 'seq':
        for (const item of n.items) this.node(item);
        return;
      case 'alt': {
        // Split L1, next; L1: branch; jump end; next: split L2, ... ; last branch.
        const jumps: number[] = [];
        n.branches.forEach((branch, i) => {
          if (i < n.branches.length - 1) {
            const split = this.emit(Op.Split);
            this.as[split] = this.pc;
            this.node(branch);
            jumps.push(this.emit(Op.Jump));
            this.bs[split] = this.pc;
          } else this.node(branch);
        });
        for (const j of jumps) this.as[j] = this.pc;
        return;
      }
      case 'capture': {
        if (this.namedOnly && n.name === null) {
          this.node(n.body);
          return;
        }
        let g = this.groupOf.get(n);
        if (g === undefined) {
          g = ++this.numbering.groups;
          this.groupOf.set(n, g);
        }
        this.emit(Op.Save, 2 * g);
        this.node(n.body);
        this.emit(Op.Save, 2 * g + 1);
        return;
      }
      case 'group':
        if (n.atomic) this.atomic(n, n.body);
        else this.node(n.body);
        return;
      case 'assert':
        this.emit(Op.Assert, ASSERT_CODES[n.kind]);
        return;
      case 'look':
        this.emit(Op.Look, this.look(n));
        return;
      case 'quant':
        this.quant(n);
        return;
      case 'backref':
        throw new Unsupported();
    }
  }

  private look(n: Extract<Node, { type: 'look' }>): number {
    const units = n.body.type === 'seq' ? n.body.items : [n.body];
    const classes = units.map((u) => {
      if (u.type === 'char') return this.cls([[u.unit, u.unit]]);
      if (u.type === 'class') return this.cls(effective(u));
      throw new Unsupported();
    });
    this.looks.push({ behind: n.behind, negate: n.negate, classes });
    return this.looks.length - 1;
  }

  private quant(n: Extract<Node, { type: 'quant' }>): void {
    if (n.mode === 'possessive') {
      this.atomic(n, { ...n, mode: 'greedy' });
      return;
    }
    const { min, max } = n;
    if (max === 0) return;
    const emptyBody = max > min && canBeEmpty(n.body);
    const groups = this.groupsIn(n.body);
    const iteration = (first: boolean, optional = true): void => {
      const checked = optional && emptyBody;
      if (checked) {
        if (this.emptyDepth >= MAX_EMPTY_DEPTH) throw new Unsupported();
        this.emit(Op.IterStart, this.emptyDepth++);
      }
      if (!first && groups !== null) this.emit(Op.Reset, groups[0], groups[1]);
      this.node(n.body);
      if (checked) this.emit(Op.IterEnd, --this.emptyDepth);
    };
    for (let i = 0; i < min; i++) iteration(i === 0, false);
    const lazy = n.mode === 'lazy';
    if (max === Infinity) {
      // L: split body, out (greedy) | split out, body (lazy); body; jump L
      const split = this.emit(Op.Split);
      const body = this.pc;
      // Always cleared: on its second pass the loop's one copy is a later iteration.
      iteration(false);
      this.emit(Op.Jump, split);
      this.setSplit(split, body, this.pc, lazy);
      return;
    }
    // Optional copies nested: (x(x(x)?)?)? so that each is tried only after the previous one.
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      const split = this.emit(Op.Split);
      splits.push(split);
      this.bs[split] = this.pc; // body start, fixed below
      iteration(i === 0);
    }
    const out = this.pc;
    for (const s of splits) this.setSplit(s, s + 1, out, lazy);
  }

  private setSplit(split: number, body: number, out: number, lazy: boolean): void {
    this.as[split] = lazy ? out : body;
    this.bs[split] = lazy ? body : out;
  }

  /** The capture slots [lo, hi] of the groups inside a repeated body (they are numbered consecutively). */
  private groupsIn(body: Node): [number, number] | null {
    const before = this.groups;
    let count = 0;
    const walk = (n: Node): void => {
      switch (n.type) {
        case 'capture': if (!(this.namedOnly && n.name === null)) count++; walk(n.body); break;
        case 'group': if (n.atomic) count++; walk(n.body); break;
        case 'seq': n.items.forEach(walk); break;
        case 'alt': n.branches.forEach(walk); break;
        case 'quant': if (n.mode === 'possessive') count++; walk(n.body); break;
        case 'look': walk(n.body); break;
        default:
      }
    };
    walk(body);
    if (count === 0) return null;
    // Groups of the body get numbers before+1.. on its first copy, or already have them.
    let first = Infinity;
    const find = (n: Node): void => {
      if (n.type === 'capture' || (n.type === 'group' && n.atomic) || (n.type === 'quant' && n.mode === 'possessive')) {
        const g = this.groupOf.get(n);
        if (g !== undefined) first = Math.min(first, g);
      }
      if (n.type === 'seq') n.items.forEach(find);
      else if (n.type === 'alt') n.branches.forEach(find);
      else if (n.type === 'capture' || n.type === 'group' || n.type === 'quant' || n.type === 'look') find(n.body);
    };
    find(body);
    const lo = first === Infinity ? before + 1 : first;
    return [2 * lo, 2 * (lo + count - 1) + 1];
  }

  program(anchoredStart: boolean): Program {
    const ascii = new Uint8Array(this.classes.length * 128);
    const wide: Int32Array[] = [];
    this.classes.forEach((ranges, i) => {
      const hi: number[] = [];
      for (const [lo, h] of ranges) {
        for (let u = lo; u <= Math.min(h, 127); u++) ascii[i * 128 + u] = 1;
        if (h >= 128) hi.push(Math.max(lo, 128), h);
      }
      wide.push(Int32Array.from(hi));
    });
    return {
      op: Int32Array.from(this.ops), a: Int32Array.from(this.as), b: Int32Array.from(this.bs),
      ascii, wide, looks: this.looks, groups: this.groups, subs: this.subs, anchoredStart,
    };
  }
}

/** Whether a match of the node may be empty (conservative: true when in doubt). */
export function canBeEmpty(n: Node): boolean {
  switch (n.type) {
    case 'char': case 'class': return false;
    case 'seq': return n.items.every(canBeEmpty);
    case 'alt': return n.branches.some(canBeEmpty);
    case 'capture': case 'group': return canBeEmpty(n.body);
    case 'quant': return n.min === 0 || canBeEmpty(n.body);
    default: return true;
  }
}

/** A program as JSON-safe data (for the derived-data cache). */
export function programToData(p: Program): unknown {
  return {
    op: [...p.op], a: [...p.a], b: [...p.b], ascii: Buffer.from(p.ascii).toString('base64'),
    wide: p.wide.map((w) => [...w]), looks: p.looks, groups: p.groups, subs: p.subs.map(programToData), anchoredStart: p.anchoredStart,
  };
}

const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

/** The program of programToData's output, or undefined when the data is not one. */
export function programFromData(v: unknown): Program | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const d = v as Record<string, unknown>;
  if (!numbers(d.op) || !numbers(d.a) || !numbers(d.b) || d.a.length !== d.op.length || d.b.length !== d.op.length) return undefined;
  if (typeof d.ascii !== 'string' || !Array.isArray(d.wide) || !d.wide.every(numbers) || !Array.isArray(d.looks)) return undefined;
  if (typeof d.groups !== 'number' || typeof d.anchoredStart !== 'boolean' || !Array.isArray(d.subs)) return undefined;
  const subs = d.subs.map(programFromData);
  if (!subs.every((x): x is Program => x !== undefined)) return undefined;
  const looks = d.looks as LookTest[];
  if (!looks.every((l) => l !== null && typeof l === 'object' && typeof l.behind === 'boolean' && typeof l.negate === 'boolean' && numbers(l.classes))) return undefined;
  const ascii = new Uint8Array(Buffer.from(d.ascii, 'base64'));
  if (ascii.length !== d.wide.length * 128) return undefined;
  return {
    op: Int32Array.from(d.op), a: Int32Array.from(d.a), b: Int32Array.from(d.b), ascii,
    wide: (d.wide as number[][]).map((w) => Int32Array.from(w)), looks, groups: d.groups, subs, anchoredStart: d.anchoredStart,
  };
}
