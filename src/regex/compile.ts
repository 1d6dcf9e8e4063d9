import type { ParsedPattern } from './ast.js';
import { contains, type Ranges } from './charset.js';
import { codeFingerprint, entryName, readEntry, writeEntry } from '../core/derived-cache.js';
import { emitBranches, emitExact, emitRelaxed, splitAlternatives, SPLIT_MIN_SOURCE, type GroupMap } from './emit.js';
import { LINEAR_FLAG, timedExec } from './guard.js';
import { parsePattern } from './parser.js';
import { hasNestedRisk } from './risk.js';
import { hasLiterals, requiredLiterals } from './required.js';
import { linearize } from './linearize.js';
import { backtrackExec } from './backtrack.js';
import { EngineChoice, OTHER, TIMED } from './engine-choice.js';
import { pikeExec, type VmMatch } from './pike.js';
import { compileProgram, programFromData, programToData, type Program } from './program.js';
import type { Node } from './ast.js';

export const DEFAULT_TIMEOUT_MS = 500;
/** Inputs longer than this get the watchdog when the linear engine cannot protect the match. */
const LONG_INPUT = 8192;

export interface RegexMatch {
  /** The matched text (group 0) and its bounds. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Python-numbered groups 1..n at index n-1, duplicates merged; undefined = did not participate. */
  readonly groups: ReadonlyArray<string | undefined>;
  /** Named groups, duplicates merged (right-most participating occurrence wins). */
  readonly named: Readonly<Record<string, string | undefined>>;
}

export interface CompiledRegex {
  readonly pattern: string;
  /** Logical group names, in the order `execValues` returns them. */
  readonly groupNames: readonly string[];
  /** True when V8's linear engine alone bounds every match (no pre-check or watchdog needed). */
  readonly linear: boolean;
  /**
   * True when every match runs on a linear-time engine from its first step (the Pike VM, or V8's
   * `l` flag where the VM declines): linear patterns that could backtrack a lot (nested or
   * ambiguous repetitions).
   */
  readonly linearOnly: boolean;
  /**
   * True when test/exec/execValues may run on the backtracking engine under the watchdog: what
   * neither V8's linear engine nor the Pike VM can run (builds the VM programs to find out).
   */
  readonly backtracking: boolean;
  /** Full match or search, as chosen by `fullMatch` at compile time. */
  test(input: string): boolean;
  exec(input: string): Record<string, string | undefined> | null;
  /** Like exec, but the values in `groupNames` order (no object built). */
  execValues(input: string): Array<string | undefined> | null;
  /** Python `search`: first match anywhere. */
  search(input: string): RegexMatch | null;
  /** Python `match`: a match starting at index 0. */
  match(input: string): RegexMatch | null;
  /** Python `fullmatch`. */
  fullMatch(input: string): RegexMatch | null;
}

export interface CompileOptions {
  fullMatch?: boolean;
  ignoreCase?: boolean;
  /** Budget for matches that run under the watchdog. */
  timeoutMs?: number;
}

/** Compiles once (throws RegexSyntaxError); every match is bounded in time (RegexTimeoutError). */
export function compilePattern(pattern: string, opts: CompileOptions = {}): CompiledRegex {
  const ignoreCase = opts.ignoreCase ?? false;
  return new Compiled(pattern, () => parsePattern(pattern, ignoreCase), translation(pattern, ignoreCase, opts.fullMatch === true), opts);
}

/**
 * What compiling a pattern for `test`/`exec`/`execValues` produces: JS sources, group map and
 * risk. Big grok patterns take tens of milliseconds to translate (the 17 KB sshd pattern of
 * azure-linux, IPv6 ten times over), in every process and worker thread, so the translation is
 * kept in the derived-data cache, keyed by the pattern and its options.
 */
interface Translation {
  source: string;
  groups: GroupMap;
  linear: boolean;
  relaxed: string | null;
  risky: boolean;
  /** Strings every match contains (required.ts): inputs without one are rejected before any engine runs. */
  required: string[];
  /** A big full-match alternation as one regex per alternative (emit.ts emitBranches), or null. */
  branches: TranslatedBranch[] | null;
  /** When not linear: a linear source exact on inputs without a line feed (linearize.ts), or null. */
  noNewline?: NoNewline | null;
}

interface NoNewline {
  source: string;
  /** JS capture indices of each logical group (names order) in that source. */
  jsIndices: number[][];
}

function noNewlineOf(e: { source: string; groups: GroupMap } | null, names: readonly string[]): NoNewline | null {
  if (e === null) return null;
  const own = new Map(e.groups.names.map((n, i) => [n, [...e.groups.jsIndices[i]!]]));
  return { source: e.source, jsIndices: names.map((n) => own.get(n) ?? []) };
}

interface TranslatedBranch {
  source: string;
  linear: boolean;
  relaxed: string | null;
  /** JS capture indices of each of the pattern's logical groups (groups.names order) in this branch. */
  jsIndices: number[][];
  /** The code units a match of this alternative starts with (emit.ts EmittedBranch.first). */
  first: Ranges | null;
  required: string[];
  /** This alternative's own nested risk: one risky alternative does not send the others to the VM. */
  risky: boolean;
  noNewline?: NoNewline | null;
}

function translateBranches(parsed: ParsedPattern, names: readonly string[]): TranslatedBranch[] | null {
  const branches = emitBranches(parsed, true);
  if (branches === null) return null;
  const trees = splitAlternatives(parsed.root)!;
  return branches.map((b, i) => {
    const own = new Map(b.groups.names.map((n, i) => [n, [...b.groups.jsIndices[i]!]]));
    return { source: b.source, linear: b.linear, relaxed: b.relaxed, jsIndices: names.map((n) => own.get(n) ?? []), first: b.first, required: requiredLiterals(trees[i]!), risky: hasNestedRisk(trees[i]!), noNewline: noNewlineOf(b.noNewline, names) };
  });
}

let translationVersion: string | undefined;

/** The translator's own code (this folder) keys the entries: a changed translator never reads old ones. */
function translationKind(): string {
  return (translationVersion ??= `regex-${codeFingerprint(new URL('.', import.meta.url))}`);
}

function translation(pattern: string, ignoreCase: boolean, fullMatch: boolean): () => Translation & { parsed?: ParsedPattern } {
  return () => {
    const name = entryName(translationKind(), JSON.stringify([pattern, ignoreCase, fullMatch]));
    const cached = readEntry(name);
    if (isTranslation(cached)) return cached;
    // Syntax errors are thrown here, before anything is written.
    const parsed = parsePattern(pattern, ignoreCase);
    const values = emitExact(parsed, fullMatch, true);
    const t: Translation = {
      source: values.source,
      groups: values.groups,
      linear: values.linear,
      relaxed: values.linear ? null : emitRelaxed(parsed, fullMatch),
      risky: hasNestedRisk(parsed.root),
      required: requiredLiterals(parsed.root),
      branches: fullMatch && values.source.length >= SPLIT_MIN_SOURCE ? translateBranches(parsed, values.groups.names) : null,
    };
    if (!values.linear && t.branches === null) {
      const nl = emitExact(parsed, fullMatch, true, true);
      t.noNewline = noNewlineOf(nl.linear ? nl : null, values.groups.names);
    }
    writeEntry(name, t, 'regex-', `${translationKind()}-`);
    return { ...t, parsed };
  };
}

function isTranslation(v: unknown): v is Translation {
  if (v === null || typeof v !== 'object') return false;
  const t = v as Translation;
  return (
    typeof t.source === 'string' && typeof t.linear === 'boolean' && typeof t.risky === 'boolean' && Array.isArray(t.required) &&
    (t.relaxed === null || typeof t.relaxed === 'string') && t.groups !== null && typeof t.groups === 'object' &&
    Array.isArray(t.groups.names) && Array.isArray(t.groups.jsNames) && Array.isArray(t.groups.jsIndices) && Array.isArray(t.groups.numbered) &&
    (t.branches === null || (Array.isArray(t.branches) && t.branches.every((b) => typeof b?.source === 'string' && typeof b.risky === 'boolean' && Array.isArray(b.jsIndices) && Array.isArray(b.required) && (b.first === null || Array.isArray(b.first)))))
  );
}

type Mode = 'full' | 'search' | 'sticky';

/** Slots of the dispatch table: one per ASCII code unit, one for any other unit, one for the empty input. */
const OTHER_UNIT = 128;
const EMPTY_INPUT = 129;

function firstUnitSlot(input: string): number {
  if (input.length === 0) return EMPTY_INPUT;
  const c = input.charCodeAt(0);
  return c < OTHER_UNIT ? c : OTHER_UNIT;
}

/**
 * For each slot (firstUnitSlot), the indexes of the alternatives whose match can start there, in
 * order: a full match of an alternative begins with a unit of its first set, so the others are
 * skipped without running their regexes (nor compiling them). An alternative without a known
 * first set is in every slot; non-ASCII units share one slot, conservatively.
 */
function dispatchTable(firsts: ReadonlyArray<Ranges | null>): number[][] {
  const table: number[][] = Array.from({ length: EMPTY_INPUT + 1 }, () => []);
  firsts.forEach((first, index) => {
    for (let slot = 0; slot <= EMPTY_INPUT; slot++) {
      if (first === null || (slot === OTHER_UNIT ? first.some(([, hi]) => hi >= OTHER_UNIT) : slot < OTHER_UNIT && contains(first, slot))) {
        table[slot]!.push(index);
      }
    }
  });
  return table;
}

/**
 * The tree a runner's source was emitted from and how, so that the same matches (and the same
 * group numbers) can be had from the Pike VM: built on the first call that needs it.
 */
class VmSource {
  private program: Program | null | undefined;

  /** `key`: the pattern, its options and which of its runners, for the derived-data cache. */
  constructor(private readonly key: () => string, private readonly tree: () => Node, private readonly namedOnly: boolean, private readonly fullMatch: boolean, readonly anchored: boolean) {}

  get(): Program | null {
    if (this.program !== undefined) return this.program;
    // Parsing and linearizing a big grok pattern again costs tens of milliseconds at start-up.
    const name = entryName(`${translationKind()}-vm`, this.key());
    const cached = readEntry(name) as { program?: unknown } | undefined;
    if (cached !== undefined && cached !== null && typeof cached === 'object' && 'program' in cached) {
      const p = cached.program === null ? null : programFromData(cached.program);
      if (p !== undefined) return (this.program = p);
    }
    this.program = compileProgram(this.tree(), this.namedOnly, this.fullMatch);
    writeEntry(name, { program: this.program === null ? null : programToData(this.program) }, 'regex-', `${translationKind()}-`);
    return this.program;
  }
}

/**
 * A program's first match in time linear in the input: the memo backtracker (backtrack.ts), which
 * follows one path on an input that matches, or the Pike VM when the backtracker's memory for this
 * input would be too big.
 */
function linearExec(program: Program, input: string, anchored: boolean): VmMatch | null {
  const m = backtrackExec(program, input, 0, anchored);
  return m !== undefined ? m : pikeExec(program, input, 0, anchored);
}

/**
 * One way of running a pattern. Hot path: if V8's linear engine can take over the exact
 * regex, just exec it. Otherwise a relaxed, linear-safe superset regex rules out
 * non-matches first (where catastrophic backtracking usually happens); the exact regex
 * then runs directly, or, when it has nested-quantifier risk or the input is long, on the
 * Pike VM (pike.ts, linear time), or under the vm watchdog for what only backtracking can do.
 */
class Runner {
  private exactRe: RegExp | null = null;
  private relaxedRe: RegExp | null = null;
  /** V8 or the memo backtracker, for a pattern that is not risky (engine-choice.ts). */
  private readonly choice = new EngineChoice();

  /** The regexes are built at the first call: `new RegExp` parses the source (milliseconds for a big grok pattern). */
  constructor(
    private readonly exactSource: string,
    private readonly exactFlags: string,
    private readonly relaxed: string | null,
    private readonly relaxedFlags: string,
    private readonly linear: boolean,
    private readonly risky: boolean,
    private readonly timeoutMs: number,
    private readonly vm: VmSource | null,
    private readonly required: readonly string[],
  ) {}

  /**
   * False when `input` lacks a string every match contains: a few `indexOf` calls, where a failing
   * match through lazy fields (`%{DATA}\s+%{DATA}\s+...`) backtracks over every way to split the
   * input before it gives up, even on V8's backtracking engine.
   */
  admits(input: string): boolean {
    return hasLiterals(input, this.required);
  }

  run(input: string): RegExpExecArray | null {
    if (!this.admits(input)) return null;
    const re = (this.exactRe ??= new RegExp(this.exactSource, this.exactFlags));
    re.lastIndex = 0;
    if (this.linear && !this.risky) return this.exact(re, input);
    // A risky pattern runs on the VM alone. Not on V8's `l` engine: that one sets an optional
    // group whose body matched empty to "" (JS leaves it unset) and is slower on patterns with
    // many groups. Without the relaxed pre-check: on `l` it costs about what the VM does, all
    // of it wasted on inputs that match (regex.md, "Literal pre-check and routing").
    if (this.risky) {
      const program = this.vm?.get() ?? null;
      if (program !== null) return linearExec(program, input, this.vm!.anchored);
      if (this.linear) return re.exec(input);
    }
    if (this.relaxed !== null) {
      const relaxed = (this.relaxedRe ??= new RegExp(this.relaxed, this.relaxedFlags));
      relaxed.lastIndex = 0;
      if (!relaxed.test(input)) return null;
    }
    if (this.relaxed === null || this.risky || input.length > LONG_INPUT) {
      const program = this.vm?.get() ?? null;
      if (program !== null) return linearExec(program, input, this.vm!.anchored);
      return timedExec(re, input, this.timeoutMs);
    }
    return this.exact(re, input);
  }

  /** The exact regex on V8, or the same match from the memo backtracker when that is cheaper here. */
  private exact(re: RegExp, input: string): RegExpExecArray | null {
    const choice = this.choice.next(this.vm !== null);
    const program = (choice & OTHER) !== 0 ? this.vm!.get() : null;
    if ((choice & TIMED) === 0) return program !== null ? linearExec(program, input, this.vm!.anchored) : re.exec(input);
    const started = performance.now();
    const m = program !== null ? linearExec(program, input, this.vm!.anchored) : re.exec(input);
    this.choice.record(program !== null ? choice : TIMED, performance.now() - started);
    return m;
  }

  /** Whether some inputs may run on the backtracking engine under the watchdog. */
  get backtracking(): boolean {
    return !this.linear && (this.vm?.get() ?? null) === null;
  }
}


class Compiled implements CompiledRegex {
  readonly groupNames: readonly string[];
  readonly linear: boolean;
  readonly linearOnly: boolean;
  /** Groups of the named-only source behind test/exec/execValues. */
  private readonly valueGroups: GroupMap;
  private readonly valueRunner: Runner | null;
  /** Exact on inputs without a line feed, linear where valueRunner is not (or null). */
  private readonly valueNoNewline: { re: RegExp; jsIndices: GroupMap['jsIndices'] } | null = null;
  /** The alternatives of a split pattern (then valueRunner is null), tried in order. */
  private readonly branches: Array<{ runner: Runner; jsIndices: GroupMap['jsIndices']; noNewline: { re: RegExp; jsIndices: GroupMap['jsIndices'] } | null }> = [];
  /** Per slot of the input's first code unit (firstUnitSlot), the alternatives that can match it, in order. */
  private readonly byFirstUnit: number[][] = [];
  /** Groups of the every-capture sources behind search/match/fullMatch (built on first use). */
  private matchGroups: GroupMap | null = null;
  private readonly risky: boolean;
  private readonly required: readonly string[];
  private readonly runners = new Map<Mode, Runner>();
  private readonly timeoutMs: number;
  private readonly ignoreCase: boolean;
  private readonly fullMatchOption: boolean;
  /** The syntax tree, parsed only when a mode other than the translated one is asked for. */
  private parsedTree: ParsedPattern | undefined;

  constructor(
    readonly pattern: string,
    private readonly parse: () => ParsedPattern,
    translate: () => Translation & { parsed?: ParsedPattern },
    opts: CompileOptions,
  ) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.ignoreCase = opts.ignoreCase ?? false;
    this.fullMatchOption = opts.fullMatch === true;
    const t = translate();
    this.parsedTree = t.parsed;
    this.risky = t.risky;
    this.required = t.required;
    this.valueGroups = t.groups;
    this.groupNames = t.groups.names;
    this.linear = t.linear;
    this.linearOnly = (t.branches === null ? t.linear && t.risky : t.branches.every((b) => b.linear && b.risky)) && LINEAR_FLAG;
    if (t.branches === null) {
      const full = opts.fullMatch === true;
      const vm = new VmSource(this.cacheKey('values'), () => linearize(this.parsed, { start: full, end: full }).root, true, full, full);
      this.valueRunner = this.runnerFor(t.source, t.relaxed, t.linear, '', vm);
      this.valueNoNewline = this.noNewlineRegex(t.noNewline, this.risky);
    } else {
      // The whole pattern's regex is never built: V8 would compile it at its first use.
      this.valueRunner = null;
      const branchTree = (i: number) => (): Node => linearize({ ...this.parsed, root: splitAlternatives(this.parsed.root)![i]! }, { start: true, end: true }).root;
      this.branches = t.branches.map((b, i) => ({ runner: this.runnerFor(b.source, b.relaxed, b.linear, '', new VmSource(this.cacheKey(`branch ${i}`), branchTree(i), true, true, true), b.required, b.risky), jsIndices: b.jsIndices, noNewline: this.noNewlineRegex(b.noNewline, b.risky) }));
      this.byFirstUnit = dispatchTable(t.branches.map((b) => b.first));
    }
  }

  private cacheKey(runner: string): () => string {
    return () => JSON.stringify([this.pattern, this.ignoreCase, this.fullMatchOption, runner]);
  }

  get backtracking(): boolean {
    return this.valueRunner !== null ? this.valueRunner.backtracking : this.branches.some((b) => b.runner.backtracking);
  }

  private get parsed(): ParsedPattern {
    return (this.parsedTree ??= this.parse());
  }

  private makeRunner(mode: Mode, source: string, linear: boolean): Runner {
    const full = mode === 'full';
    const vm = new VmSource(this.cacheKey(mode), () => linearize(this.parsed, { start: full, end: full }).root, false, full, mode !== 'search');
    return this.runnerFor(source, linear ? null : emitRelaxed(this.parsed, full), linear, mode === 'sticky' ? 'y' : '', vm);
  }

  private runnerFor(source: string, relaxed: string | null, linear: boolean, flags: string, vm: VmSource, required: readonly string[] = this.required, risky = this.risky): Runner {
    // A pattern that can backtrack a lot runs on the linear engine from the start: falling back
    // only after V8's backtrack limit costs that many backtracks on every failing call.
    // The relaxed pre-check of such a pattern too: it is built for that engine (emitRelaxed).
    const l = risky && LINEAR_FLAG ? 'l' : '';
    return new Runner(source, linear ? flags + l : flags, relaxed, flags + l, linear, risky, this.timeoutMs, vm, required);
  }

  private noNewlineRegex(nl: NoNewline | null | undefined, risky: boolean): { re: RegExp; jsIndices: GroupMap['jsIndices'] } | null {
    // A risky pattern runs on the VM (Runner.run), exact where this source would need `l`.
    if (!nl || risky) return null;
    return { re: new RegExp(nl.source, ''), jsIndices: nl.jsIndices };
  }

  private runner(mode: Mode): Runner {
    let r = this.runners.get(mode);
    if (!r) {
      const { source, linear, groups } = emitExact(this.parsed, mode === 'full');
      this.matchGroups ??= groups;
      r = this.makeRunner(mode, source, linear);
      this.runners.set(mode, r);
    }
    return r;
  }

  test(input: string): boolean {
    return this.execValues(input) !== null;
  }

  execValues(input: string): Array<string | undefined> | null {
    const oneLine = input.indexOf('\n') < 0;
    if (this.valueRunner !== null) {
      const nl = this.valueNoNewline;
      if (nl !== null && oneLine) {
        if (!this.valueRunner.admits(input)) return null;
        nl.re.lastIndex = 0;
        const m = nl.re.exec(input);
        return m === null ? null : this.merge(m, nl.jsIndices);
      }
      const m = this.valueRunner.run(input);
      return m === null ? null : this.merge(m, this.valueGroups.jsIndices);
    }
    const candidates = this.byFirstUnit[firstUnitSlot(input)]!;
    for (let i = 0; i < candidates.length; i++) {
      const branch = this.branches[candidates[i]!]!;
      const nl = branch.noNewline;
      if (nl !== null && oneLine) {
        if (!branch.runner.admits(input)) continue;
        nl.re.lastIndex = 0;
        const m = nl.re.exec(input);
        if (m !== null) return this.merge(m, nl.jsIndices);
        continue;
      }
      const m = branch.runner.run(input);
      if (m !== null) return this.merge(m, branch.jsIndices);
    }
    return null;
  }

  exec(input: string): Record<string, string | undefined> | null {
    const values = this.execValues(input);
    return values === null ? null : this.record(values);
  }

  search(input: string): RegexMatch | null {
    return this.toMatch(this.runner('search').run(input));
  }

  match(input: string): RegexMatch | null {
    return this.toMatch(this.runner('sticky').run(input));
  }

  fullMatch(input: string): RegexMatch | null {
    return this.toMatch(this.runner('full').run(input));
  }

  private record(values: Array<string | undefined>): Record<string, string | undefined> {
    const out: Record<string, string | undefined> = {};
    const names = this.groupNames;
    for (let i = 0; i < names.length; i++) out[names[i]!] = values[i];
    return out;
  }

  /** Right-most participating JS group of each logical group. */
  private merge(m: RegExpExecArray, indices: GroupMap['jsIndices']): Array<string | undefined> {
    const out = new Array<string | undefined>(indices.length);
    for (let i = 0; i < indices.length; i++) {
      const list = indices[i]!;
      let v: string | undefined;
      for (let k = list.length - 1; k >= 0 && v === undefined; k--) v = m[list[k]!];
      out[i] = v;
    }
    return out;
  }

  private toMatch(m: RegExpExecArray | null): RegexMatch | null {
    if (m === null) return null;
    const groups = this.matchGroups!;
    return {
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      groups: this.merge(m, groups.numbered),
      named: this.record(this.merge(m, groups.jsIndices)),
    };
  }
}
