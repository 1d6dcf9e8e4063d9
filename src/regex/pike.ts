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

/** Working memory and code of one program, reused by every call (calls do not nest). */
class Machine {
  private readonly op: Int32Array;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  private readonly mark: Int32Array;
  private gen = 0;
  private readonly stackPc: Int32Array;
  /** Per stacked alternative: how many pending capture updates its path shares (see pSlot). */
  private readonly stackDepth: Int32Array;
  private readonly stackMask: Int32Array;
  /**
   * States seen in this closure with a non-zero mask (inside optional iterations that consumed
   * nothing yet): pc * 2^31 + mask; their future depends on the mask too. Valid for `seenGen`.
   */
  private readonly seen = new Set<number>();
  private seenGen = -1;
  /** Current and next thread lists: states and their captures, in priority order. */
  private curPc: Int32Array;
  private curCaps: Array<Cap | null>;
  private nextPc: Int32Array;
  private nextCaps: Array<Cap | null>;
  /** For a thread waiting inside an atomic group (Op.Atomic): the position where it resumes. */
  private curTarget: Int32Array;
  private nextTarget: Int32Array;
  private curCount = 0;
  private nextCount = 0;
  private input = '';
  /** First matches of the atomic bodies in this call: key sub * (input length + 1) + position. */
  private readonly atomicMemo = new Map<number, SubMatch | null>();
  /** Waiting threads of the next list: pc * 2^31 + target (see seen). */
  private readonly waiting = new Set<number>();
  /** The last run's match end and captures. */
  private matchEnd = -1;
  private matchCaps: Cap | null = null;

  constructor(private readonly p: Program) {
    const size = p.op.length;
    this.op = p.op;
    this.a = p.a;
    this.b = p.b;
    this.mark = new Int32Array(size);
    this.stackPc = new Int32Array(size + 1);
    this.stackDepth = new Int32Array(size + 1);
    this.stackMask = new Int32Array(size + 1);
    this.curPc = new Int32Array(size);
    this.nextPc = new Int32Array(size);
    this.curCaps = new Array<Cap | null>(size).fill(null);
    this.nextCaps = new Array<Cap | null>(size).fill(null);
    this.curTarget = new Int32Array(p.subs.length > 0 ? size : 0);
    this.nextTarget = new Int32Array(p.subs.length > 0 ? size : 0);
  }

  exec(input: string, from: number, anchored: boolean): VmMatch | null {
    return this.run(input, from, anchored) ? result(this.p, input, this.matchCaps) : null;
  }

  /** The first match of this (atomic body) program at `from`: its end and its capture updates, oldest first. */
  sub(input: string, from: number): SubMatch | null {
    if (!this.run(input, from, true)) return null;
    const caps: Cap[] = [];
    for (let c = this.matchCaps; c !== null; c = c.prev) caps.push(c);
    return { end: this.matchEnd, caps: caps.reverse() };
  }

  private atomicAt(sub: number, pos: number): SubMatch | null {
    const key = sub * (this.input.length + 1) + pos;
    let r = this.atomicMemo.get(key);
    if (r === undefined) {
      const program = this.p.subs[sub]!;
      r = machine(program).sub(this.input, pos);
      this.atomicMemo.set(key, r);
    }
    return r;
  }

  /** Room for one more thread in the next list (waiting threads can outnumber states). */
  private grow(next: boolean): void {
    const oldPc = next ? this.nextPc : this.curPc;
    const oldTarget = next ? this.nextTarget : this.curTarget;
    const size = oldPc.length * 2;
    const pc = new Int32Array(size);
    pc.set(oldPc);
    const target = new Int32Array(size);
    target.set(oldTarget);
    if (next) {
      this.nextPc = pc;
      this.nextTarget = target;
      this.nextCaps.length = size;
    } else {
      this.curPc = pc;
      this.curTarget = target;
      this.curCaps.length = size;
    }
  }

  private run(input: string, from: number, anchored: boolean): boolean {
    if (this.gen > 0x3fffffff) {
      this.mark.fill(0);
      this.gen = 0;
    }
    this.input = input;
    if (this.p.subs.length > 0) this.atomicMemo.clear();
    const op = this.op;
    const a = this.a;
    const n = input.length;
    const p = this.p;
    anchored ||= p.anchoredStart;
    this.curCount = 0;
    let curGen = ++this.gen;
    let matched: Cap | null = null;
    let matchEnd = -1;
    let found = false;
    for (let pos = from; pos <= n; pos++) {
      if (!found && (pos === from || !anchored)) this.add(false, curGen, 0, pos, null);
      if (this.curCount === 0) {
        if (found || anchored) break;
        curGen = ++this.gen;
        continue;
      }
      this.nextCount = 0;
      const nextGen = ++this.gen;
      const c = pos < n ? input.charCodeAt(pos) : -1;
      const pcs = this.curPc;
      const caps = this.curCaps;
      const targets = this.curTarget;
      const count = this.curCount;
      if (this.waiting.size > 0) this.waiting.clear();
      for (let i = 0; i < count; i++) {
        const pc = pcs[i]!;
        const o = op[pc]!;
        if (o === Op.Char) {
          if (c === a[pc]) this.add(true, nextGen, pc + 1, pos + 1, caps[i]!);
        } else if (o === Op.Class) {
          if (c >= 0 && inClass(p, a[pc]!, c)) this.add(true, nextGen, pc + 1, pos + 1, caps[i]!);
        } else if (o === Op.Atomic) {
          // Inside an atomic group's match: it consumes up to its end, then goes on.
          const target = targets[i]!;
          if (target === pos + 1) this.add(true, nextGen, pc + 1, pos + 1, caps[i]!);
          else {
            const key = pc * 0x80000000 + target;
            if (this.waiting.has(key)) continue;
            this.waiting.add(key);
            if (this.nextCount === this.nextPc.length) this.grow(true);
            this.nextPc[this.nextCount] = pc;
            this.nextTarget[this.nextCount] = target;
            this.nextCaps[this.nextCount++] = caps[i]!;
          }
        } else {
          // Match: lower-priority threads are cut.
          found = true;
          matched = caps[i]!;
          matchEnd = pos;
          break;
        }
      }
      this.curPc = this.nextPc;
      this.nextPc = pcs;
      this.curTarget = this.nextTarget;
      this.nextTarget = targets;
      this.curCaps = this.nextCaps;
      this.nextCaps = caps;
      this.curCount = this.nextCount;
      curGen = nextGen;
    }
    this.input = '';
    this.matchCaps = matched;
    this.matchEnd = matchEnd;
    return found;
  }

  /**
   * Capture updates on the closure's current path, not yet allocated: most paths of a closure die
   * (a failed assertion, a state already held) and would have allocated for nothing. `matCaps[k]`
   * is the first k updates applied to the closure's start captures, valid for k <= matValid.
   */
  private readonly pSlot: number[] = [];
  private readonly pValue: number[] = [];
  private readonly pHi: number[] = [];
  private readonly matCaps: Array<Cap | null> = [null];
  private matValid = 0;

  private pending(depth: number, slot: number, value: number, hi: number): void {
    this.pSlot[depth] = slot;
    this.pValue[depth] = value;
    this.pHi[depth] = hi;
    if (this.matValid > depth) this.matValid = depth;
  }

  private materialize(depth: number): Cap | null {
    const m = this.matCaps;
    for (let k = this.matValid; k < depth; k++) m[k + 1] = new Cap(this.pSlot[k]!, this.pValue[k]!, this.pHi[k]!, m[k]!);
    if (depth > this.matValid) this.matValid = depth;
    return m[depth]!;
  }

  /** Adds the thread at `pc0` and the states it reaches without consuming, in priority order. */
  private add(next: boolean, gen: number, pc0: number, pos: number, caps0: Cap | null): void {
    const { op, a, b, mark, stackPc, stackDepth, stackMask, input } = this;
    let listPc = next ? this.nextPc : this.curPc;
    let listCaps = next ? this.nextCaps : this.curCaps;
    let count = next ? this.nextCount : this.curCount;
    this.matCaps[0] = caps0;
    this.matValid = 0;
    let sp = 0;
    stackPc[sp] = pc0;
    stackMask[sp] = 0;
    stackDepth[sp++] = 0;
    while (sp > 0) {
      let pc = stackPc[--sp]!;
      let depth = stackDepth[sp]!;
      let mask = stackMask[sp]!;
      for (;;) {
        const o = op[pc]!;
        if (mask === 0 || o <= Op.Class || o === Op.Match) {
          // A thread in a list has consumed since any iteration start: the pc alone decides its future.
          if (mark[pc] === gen) break;
          mark[pc] = gen;
        } else {
          if (this.seenGen !== gen) {
            if (this.seen.size > 0) this.seen.clear();
            this.seenGen = gen;
          }
          const key = pc * 0x80000000 + mask;
          if (this.seen.has(key)) break;
          this.seen.add(key);
        }
        if (o === Op.Jump) {
          pc = a[pc]!;
        } else if (o === Op.Split) {
          stackPc[sp] = b[pc]!;
          stackMask[sp] = mask;
          stackDepth[sp++] = depth;
          pc = a[pc]!;
        } else if (o === Op.IterStart) {
          mask |= 1 << a[pc]!;
          pc++;
        } else if (o === Op.IterEnd) {
          const bit = 1 << a[pc]!;
          if ((mask & bit) !== 0) break;
          pc++;
        } else if (o === Op.Save) {
          this.pending(depth++, a[pc]!, pos, 0);
          pc++;
        } else if (o === Op.Reset) {
          this.pending(depth++, -1, a[pc]!, b[pc]!);
          pc++;
        } else if (o === Op.Assert) {
          if (!assertAt(a[pc]!, input, pos)) break;
          pc++;
        } else if (o === Op.Look) {
          if (!lookAt(this.p, a[pc]!, input, pos)) break;
          pc++;
        } else if (o === Op.Atomic) {
          const r = this.atomicAt(a[pc]!, pos);
          if (r === null) break;
          for (const c of r.caps) this.pending(depth++, c.slot, c.value, c.hi);
          if (r.end === pos) {
            pc++;
            continue;
          }
          if (count === listPc.length) {
            this.grow(next);
            listPc = next ? this.nextPc : this.curPc;
            listCaps = next ? this.nextCaps : this.curCaps;
          }
          listPc[count] = pc;
          (next ? this.nextTarget : this.curTarget)[count] = r.end;
          listCaps[count++] = this.materialize(depth);
          break;
        } else {
          if (count === listPc.length) {
            this.grow(next);
            listPc = next ? this.nextPc : this.curPc;
            listCaps = next ? this.nextCaps : this.curCaps;
          }
          listPc[count] = pc;
          listCaps[count++] = this.materialize(depth);
          break;
        }
      }
    }
    if (next) this.nextCount = count;
    else this.curCount = count;
  }
}

const machines = new WeakMap<Program, Machine>();

function machine(p: Program): Machine {
  let m = machines.get(p);
  if (m === undefined) {
    m = new Machine(p);
    machines.set(p, m);
  }
  return m;
}

export interface SubMatch {
  end: number;
  /** Capture updates, oldest first: slot `slot` set to `value`, or (slot -1) slots value..hi cleared. */
  caps: Cap[];
}

/** The first match of an atomic body's program at `from` (Op.Atomic), for the backtracker too. */
export function subMatch(p: Program, input: string, from: number): SubMatch | null {
  return machine(p).sub(input, from);
}

function isWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

export function inClass(p: Program, cls: number, c: number): boolean {
  if (c < 128) return p.ascii[cls * 128 + c] === 1;
  const w = p.wide[cls]!;
  for (let i = 0; i < w.length; i += 2) if (c >= w[i]! && c <= w[i + 1]!) return true;
  return false;
}

export function assertAt(kind: number, input: string, pos: number): boolean {
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

export function lookAt(p: Program, index: number, input: string, pos: number): boolean {
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
  return machine(p).exec(input, from, anchored);
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
  return matchFromSlots(p.groups, slots, input);
}

/** The match as RegExp.exec returns it from capture slots (start 2g, end 2g + 1; negative: unset). */
export function matchFromSlots(groups: number, slots: Int32Array, input: string): VmMatch {
  const out = new Array<string | undefined>(groups + 1) as unknown as Array<string | undefined> & { index: number; input: string };
  for (let g = 0; g <= groups; g++) {
    const start = slots[2 * g]!;
    const end = slots[2 * g + 1]!;
    out[g] = start >= 0 && end >= 0 ? input.slice(start, end) : undefined;
  }
  out.index = slots[0]!;
  out.input = input;
  return out as unknown as VmMatch;
}
