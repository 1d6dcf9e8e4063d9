import { assertAt, inClass, lookAt, matchFromSlots, subMatch, type SubMatch, type VmMatch } from './pike.js';
import { Op, type Program } from './program.js';

/**
 * A backtracking matcher that cannot blow up: it walks a program's paths depth-first in priority
 * order, as JS RegExp does, and remembers each (Split instruction, position) it has left behind.
 * Reaching one again means reaching a state whose whole future was already tried and failed (a
 * success would have ended the walk; the future depends on neither the start nor the captures),
 * so that path is cut. Each pair is explored once: time O(splits x input), as the Pike VM's, but
 * on an input that matches the walk follows one path, where the VM carries every live thread
 * along every unit (measured on a ModSecurity log line of 1 KB: see docs/catalog-rules/regex.md).
 * Same results as the Pike VM and JS RegExp: leftmost-first, greedy and lazy, captures.
 */

/** Above this many (split, position) bits (1 MiB) a call goes to the Pike VM instead. */
const MAX_BITS = 8 * 1024 * 1024;

class Backtracker {
  private readonly op: Int32Array;
  private readonly a: Int32Array;
  private readonly b: Int32Array;
  /** Dense index of each Split instruction, -1 for the others. */
  private readonly splitIndex: Int32Array;
  readonly splits: number;
  private visited: Uint32Array = new Uint32Array(0);
  /** Words of `visited` set during this call: only those are cleared after it. */
  private dirty: Int32Array = new Int32Array(64);
  private dirtyCount = 0;
  /** Job stack, three ints a job: pc, position, mask; pc < 0 restores slot -1 - pc to the position. */
  private jobs: Int32Array = new Int32Array(3 * 256);
  private slots: Int32Array;
  /** States with a non-zero mask (inside optional iterations that consumed nothing yet). */
  private readonly seenMasked = new Set<string>();
  private readonly atomicMemo = new Map<number, SubMatch | null>();

  constructor(private readonly p: Program) {
    this.op = p.op;
    this.a = p.a;
    this.b = p.b;
    this.splitIndex = new Int32Array(p.op.length).fill(-1);
    let s = 0;
    for (let pc = 0; pc < p.op.length; pc++) if (p.op[pc] === Op.Split) this.splitIndex[pc] = s++;
    this.splits = s;
    this.slots = new Int32Array(2 * (p.groups + 1));
  }

  exec(input: string, from: number, anchored: boolean): VmMatch | null {
    const width = input.length - from + 1;
    const words = (this.splits * width + 31) >>> 5;
    if (this.visited.length < words) this.visited = new Uint32Array(words);
    if (this.p.subs.length > 0) this.atomicMemo.clear();
    if (this.seenMasked.size > 0) this.seenMasked.clear();
    let found = false;
    const last = anchored || this.p.anchoredStart ? from : input.length;
    for (let start = from; start <= last && !found; start++) found = this.walk(input, from, width, start);
    const visited = this.visited;
    for (let i = 0; i < this.dirtyCount; i++) visited[this.dirty[i]!] = 0;
    this.dirtyCount = 0;
    return found ? this.result(input) : null;
  }

  /** True when a match starts at `start`; its captures are then in `slots`. */
  private walk(input: string, from: number, width: number, start: number): boolean {
    const { op, a, b, splitIndex, visited, p } = this;
    const n = input.length;
    const slots = this.slots.fill(-1);
    let jobs = this.jobs;
    let sp = 0;
    jobs[sp++] = 0;
    jobs[sp++] = start;
    jobs[sp++] = 0;
    while (sp > 0) {
      let mask = jobs[--sp]!;
      let pos = jobs[--sp]!;
      let pc = jobs[--sp]!;
      if (pc < 0) {
        slots[-1 - pc] = pos;
        continue;
      }
      for (;;) {
        const o = op[pc]!;
        if (o === Op.Char) {
          if (pos >= n || input.charCodeAt(pos) !== a[pc]) break;
          pos++;
          mask = 0;
          pc++;
        } else if (o === Op.Class) {
          if (pos >= n || !inClass(p, a[pc]!, input.charCodeAt(pos))) break;
          pos++;
          mask = 0;
          pc++;
        } else if (o === Op.Split) {
          if (mask === 0) {
            const bit = splitIndex[pc]! * width + (pos - from);
            const w = bit >>> 5;
            const m = 1 << (bit & 31);
            const word = visited[w]!;
            if ((word & m) !== 0) break;
            if (word === 0) this.markDirty(w);
            visited[w] = word | m;
          } else {
            const key = `${pc},${pos},${mask}`;
            if (this.seenMasked.has(key)) break;
            this.seenMasked.add(key);
          }
          if (sp + 3 > jobs.length) jobs = this.growJobs();
          jobs[sp++] = b[pc]!;
          jobs[sp++] = pos;
          jobs[sp++] = mask;
          pc = a[pc]!;
        } else if (o === Op.Jump) {
          pc = a[pc]!;
        } else if (o === Op.Save) {
          sp = this.write(sp, a[pc]!, a[pc]!, pos);
          jobs = this.jobs;
          pc++;
        } else if (o === Op.Reset) {
          sp = this.write(sp, a[pc]!, b[pc]!, -1);
          jobs = this.jobs;
          pc++;
        } else if (o === Op.Assert) {
          if (!assertAt(a[pc]!, input, pos)) break;
          pc++;
        } else if (o === Op.Look) {
          if (!lookAt(p, a[pc]!, input, pos)) break;
          pc++;
        } else if (o === Op.IterStart) {
          mask |= 1 << a[pc]!;
          pc++;
        } else if (o === Op.IterEnd) {
          if ((mask & (1 << a[pc]!)) !== 0) break;
          pc++;
        } else if (o === Op.Atomic) {
          const r = this.atomicAt(a[pc]!, input, pos);
          if (r === null) break;
          for (const c of r.caps) sp = c.slot >= 0 ? this.write(sp, c.slot, c.slot, c.value) : this.write(sp, c.value, c.hi, -1);
          jobs = this.jobs;
          if (r.end !== pos) mask = 0;
          pos = r.end;
          pc++;
        } else {
          return true; // Match
        }
      }
    }
    return false;
  }

  /** Sets slots lo..hi to `value`, pushing a job that restores each on backtracking; the new stack top. */
  private write(sp: number, lo: number, hi: number, value: number): number {
    if (sp + 3 * (hi - lo + 1) > this.jobs.length) this.growJobs(3 * (hi - lo + 1));
    const jobs = this.jobs;
    const slots = this.slots;
    for (let k = lo; k <= hi; k++) {
      jobs[sp++] = -1 - k;
      jobs[sp++] = slots[k]!;
      jobs[sp++] = 0;
      slots[k] = value;
    }
    return sp;
  }

  private markDirty(word: number): void {
    if (this.dirtyCount === this.dirty.length) {
      const grown = new Int32Array(this.dirty.length * 2);
      grown.set(this.dirty);
      this.dirty = grown;
    }
    this.dirty[this.dirtyCount++] = word;
  }

  private growJobs(atLeast = 3): Int32Array {
    const grown = new Int32Array(Math.max(this.jobs.length * 2, this.jobs.length + atLeast));
    grown.set(this.jobs);
    return (this.jobs = grown);
  }

  private atomicAt(sub: number, input: string, pos: number): SubMatch | null {
    const key = sub * (input.length + 1) + pos;
    let r = this.atomicMemo.get(key);
    if (r === undefined) {
      r = subMatch(this.p.subs[sub]!, input, pos);
      this.atomicMemo.set(key, r);
    }
    return r;
  }

  private result(input: string): VmMatch {
    return matchFromSlots(this.p.groups, this.slots, input);
  }
}

const machines = new WeakMap<Program, Backtracker>();

/**
 * The first match (leftmost, then by priority) starting at `from` (`anchored`) or after it, as
 * pikeExec gives it; null when there is none or when the walk's memory would exceed MAX_BITS
 * for this input (`undefined`: then the caller runs the Pike VM).
 */
export function backtrackExec(p: Program, input: string, from: number, anchored: boolean): VmMatch | null | undefined {
  let m = machines.get(p);
  if (m === undefined) {
    m = new Backtracker(p);
    machines.set(p, m);
  }
  if (m.splits * (input.length - from + 1) > MAX_BITS) return undefined;
  return m.exec(input, from, anchored);
}
