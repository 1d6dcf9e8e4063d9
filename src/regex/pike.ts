import { AssertCode, Op, type Program } from './program.js';

/**
 * A Pike VM: all threads of the NFA advance together, one input unit at a time, in priority order
 * (the order a backtracking engine would try them). A thread reaching a state already held by an
 * earlier (higher-priority) thread at the same position is dropped: from the same state and
 * position it has the same future, and backtracking would only have tried it after the earlier one
 * failed. The first thread to reach Match cuts every lower-priority one. Time is O(input x program),
 * the result that of JS RegExp (leftmost-first alternation, greedy and lazy repetitions, captures).
 */

/** Capture updates of one thread, newest first, shared between threads (persistent list). */
class Cap {
  constructor(
    /** Slot written, or -1 for a reset of slots value..hi. */
    readonly slot: number,
    readonly value: number,
    readonly hi: number,
    readonly prev: Cap | null,
  ) {}
}

interface List {
  pc: Int32Array;
  caps: Array<Cap | null>;
  count: number;
  gen: number;
}

/** Working memory of one program, reused by every call (calls do not nest). */
class State {
  readonly mark: Int32Array;
  gen = 0;
  readonly stackPc: Int32Array;
  readonly stackCaps: Array<Cap | null>;
  lists: [List, List];

  constructor(size: number) {
    this.mark = new Int32Array(size);
    this.stackPc = new Int32Array(size + 1);
    this.stackCaps = new Array<Cap | null>(size + 1).fill(null);
    const list = (): List => ({ pc: new Int32Array(size), caps: new Array<Cap | null>(size).fill(null), count: 0, gen: 0 });
    this.lists = [list(), list()];
  }
}

const states = new WeakMap<Program, State>();

function isWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function inClass(p: Program, cls: number, c: number): boolean {
  if (c < 128) return p.ascii[cls * 128 + c] === 1;
  const w = p.wide[cls]!;
  for (let i = 0; i < w.length; i += 2) if (c >= w[i]! && c <= w[i + 1]!) return true;
  return false;
}

function assertAt(kind: number, input: string, pos: number): boolean {
  const n = input.length;
  switch (kind) {
    case AssertCode.Start: return pos === 0;
    case AssertCode.End: return pos === n;
    case AssertCode.EndOptNl: return pos === n || (pos === n - 1 && input.charCodeAt(pos) === 10);
    case AssertCode.LineStart: return pos === 0 || input.charCodeAt(pos - 1) === 10;
    case AssertCode.LineEnd: return pos === n || input.charCodeAt(pos) === 10;
    default: {
      const before = pos > 0 && isWord(input.charCodeAt(pos - 1));
      const after = pos < n && isWord(input.charCodeAt(pos));
      return (before !== after) === (kind === AssertCode.Word);
    }
  }
}

function lookAt(p: Program, index: number, input: string, pos: number): boolean {
  const look = p.looks[index]!;
  const k = look.classes.length;
  const from = look.behind ? pos - k : pos;
  let holds = from >= 0 && from + k <= input.length;
  for (let i = 0; holds && i < k; i++) holds = inClass(p, look.classes[i]!, input.charCodeAt(from + i));
  return holds !== look.negate;
}

/** The match as RegExp.exec returns it: [text, group 1, ...] with `index`. */
export type VmMatch = RegExpExecArray;

/**
 * The first match (leftmost, then by priority) starting at `from` (`anchored`) or after it.
 * Groups are numbered as the program numbers them (program.ts).
 */
export function pikeExec(p: Program, input: string, from: number, anchored: boolean): VmMatch | null {
  let s = states.get(p);
  if (s === undefined) {
    s = new State(p.op.length);
    states.set(p, s);
  }
  if (s.gen > 0x3fffffff) {
    s.mark.fill(0);
    s.gen = 0;
  }
  const { op, a, b } = p;
  const mark = s.mark;
  const stackPc = s.stackPc;
  const stackCaps = s.stackCaps;
  const n = input.length;
  anchored ||= p.anchoredStart;

  const add = (list: List, pc0: number, pos: number, caps0: Cap | null): void => {
    const gen = list.gen;
    let sp = 0;
    stackPc[sp] = pc0;
    stackCaps[sp++] = caps0;
    while (sp > 0) {
      let pc = stackPc[--sp]!;
      let caps = stackCaps[sp]!;
      for (;;) {
        if (mark[pc] === gen) break;
        mark[pc] = gen;
        const o = op[pc]!;
        if (o === Op.Jump) {
          pc = a[pc]!;
        } else if (o === Op.Split) {
          stackPc[sp] = b[pc]!;
          stackCaps[sp++] = caps;
          pc = a[pc]!;
        } else if (o === Op.Save) {
          caps = new Cap(a[pc]!, pos, 0, caps);
          pc++;
        } else if (o === Op.Reset) {
          caps = new Cap(-1, a[pc]!, b[pc]!, caps);
          pc++;
        } else if (o === Op.Assert) {
          if (!assertAt(a[pc]!, input, pos)) break;
          pc++;
        } else if (o === Op.Look) {
          if (!lookAt(p, a[pc]!, input, pos)) break;
          pc++;
        } else {
          list.pc[list.count] = pc;
          list.caps[list.count++] = caps;
          break;
        }
      }
    }
  };

  let [clist, nlist] = s.lists;
  clist.count = 0;
  clist.gen = ++s.gen;
  let matched: Cap | null = null;
  let found = false;
  for (let pos = from; pos <= n; pos++) {
    if (!found && (pos === from || !anchored)) add(clist, 0, pos, null);
    if (clist.count === 0) {
      if (found || anchored) break;
      clist.gen = ++s.gen;
      continue;
    }
    nlist.count = 0;
    nlist.gen = ++s.gen;
    const c = pos < n ? input.charCodeAt(pos) : -1;
    const pcs = clist.pc;
    const caps = clist.caps;
    for (let i = 0; i < clist.count; i++) {
      const pc = pcs[i]!;
      const o = op[pc]!;
      if (o === Op.Char) {
        if (c === a[pc]) add(nlist, pc + 1, pos + 1, caps[i]!);
      } else if (o === Op.Class) {
        if (c >= 0 && inClass(p, a[pc]!, c)) add(nlist, pc + 1, pos + 1, caps[i]!);
      } else {
        // Match: lower-priority threads are cut.
        found = true;
        matched = caps[i]!;
        break;
      }
    }
    caps.fill(null, 0, clist.count);
    [clist, nlist] = [nlist, clist];
  }
  s.lists = [clist, nlist];
  return found ? result(p, input, matched) : null;
}

function result(p: Program, input: string, caps: Cap | null): VmMatch {
  const slots = new Int32Array(2 * (p.groups + 1)).fill(-2);
  for (let c = caps; c !== null; c = c.prev) {
    if (c.slot >= 0) {
      if (slots[c.slot] === -2) slots[c.slot] = c.value;
    } else {
      for (let k = c.value; k <= c.hi; k++) if (slots[k] === -2) slots[k] = -1;
    }
  }
  const out = new Array<string | undefined>(p.groups + 1) as unknown as Array<string | undefined> & { index: number; input: string };
  for (let g = 0; g <= p.groups; g++) {
    const start = slots[2 * g]!;
    const end = slots[2 * g + 1]!;
    out[g] = start >= 0 && end >= 0 ? input.slice(start, end) : undefined;
  }
  out.index = slots[0]!;
  out.input = input;
  return out as unknown as VmMatch;
}
