/** Template globals: range, len, dict and a Python `re` module (match objects with group/groups). */
import { callValue, dictSet } from './access.js';
import { arg, intArg, NO_KWARGS } from './args.js';
import { fail } from './errors.js';
import { PyCallable, PyObject, PyRange, type Kwargs } from './objects.js';
import { compilePattern, jsIndexOf, PY_FLAGS, pyGroups, type CompiledPattern } from './regex-adapter.js';
import { asInt, checkLength, isPyDict, pyRepr, strRepr, typeName } from './runtime.js';
import { PyTuple } from '../core/values.js';

// ---------------------------------------------------------------- re

class MatchObject extends PyObject {
  readonly typeName = 're.Match';
  constructor(
    private readonly m: RegExpExecArray,
    private readonly p: CompiledPattern,
    private readonly input: string,
  ) {
    super();
    this.groupsList = pyGroups(p, m);
  }
  private readonly groupsList: (string | undefined)[];
  /** Python group number of `g` (int or name). */
  private number(g: unknown): number {
    if (typeof g === 'string') {
      const n = this.p.names.get(g);
      if (n === undefined) fail('IndexError: no such group');
      return n;
    }
    const n = asInt(g);
    if (n === null || Number(n) < 0 || Number(n) > this.p.numbered.length) fail('IndexError: no such group');
    return Number(n);
  }
  group(g: unknown): unknown {
    const v = this.groupsList[this.number(g)];
    return v === undefined ? null : v;
  }
  span(g: unknown): [number, number] {
    const r = this.m.indices?.[jsIndexOf(this.p, this.m, this.number(g))];
    return r ? [r[0], r[1]] : [-1, -1];
  }
  getAttr(name: string): unknown {
    switch (name) {
      case 'group':
        return new PyCallable('group', (a) => (a.length <= 1 ? this.group(a.length ? a[0] : 0) : PyTuple.fromArray(a.map((g) => this.group(g)))));
      case 'groups':
        return new PyCallable('groups', (a, k) => {
          const dflt = arg(a, k, 0, 'default', null);
          return PyTuple.fromArray(this.groupsList.slice(1).map((v) => (v === undefined ? dflt : v)));
        });
      case 'groupdict':
        return new PyCallable('groupdict', (a, k) => {
          const dflt = arg(a, k, 0, 'default', null);
          const out: Record<string, unknown> = {};
          for (const [name, n] of this.p.names) {
            const v = this.groupsList[n];
            out[name] = v === undefined ? dflt : v;
          }
          return out;
        });
      case 'start':
        return new PyCallable('start', (a) => this.span(a.length ? a[0] : 0)[0]);
      case 'end':
        return new PyCallable('end', (a) => this.span(a.length ? a[0] : 0)[1]);
      case 'span':
        return new PyCallable('span', (a) => PyTuple.fromArray(this.span(a.length ? a[0] : 0)));
      case '__getitem__':
        return new PyCallable('__getitem__', (a) => this.group(a[0]));
      case 'string':
        return this.input;
      case 'lastindex': {
        let last: number | null = null;
        let bestEnd = -1;
        for (let n = 1; n <= this.p.numbered.length; n++) {
          const r = this.m.indices?.[jsIndexOf(this.p, this.m, n)];
          if (r && r[1] >= bestEnd) {
            bestEnd = r[1];
            last = n;
          }
        }
        return last;
      }
    }
    return undefined;
  }
  repr(): string {
    const [s, e] = this.span(0);
    return `<re.Match object; span=(${s}, ${e}), match=${strRepr(this.m[0]!)}>`;
  }
}

function strInput(v: unknown): string {
  if (typeof v !== 'string') fail(`expected string or bytes-like object, got '${typeName(v)}'`);
  return v;
}

function patternOf(p: unknown, flags: unknown): CompiledPattern {
  if (p instanceof PatternObject) return p.p;
  if (typeof p !== 'string') fail(`first argument must be string or compiled pattern, not ${typeName(p)}`);
  return compilePattern(p, flags === undefined || flags === null ? 0 : intArg(flags, 'flags'));
}

function doMatch(p: CompiledPattern, s: string, mode: 'match' | 'search' | 'full'): MatchObject | null {
  const re = p[mode];
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? new MatchObject(m, p, s) : null;
}

/** Python re.sub replacement template: \1, \g<1>, \g<name>, escapes. */
function expandTemplate(repl: string, m: RegExpExecArray, p: CompiledPattern): string {
  return repl.replace(/\\(?:g<([^>]*)>|(\d{1,2})|(.))/gs, (_all, gname: string | undefined, num: string | undefined, ch: string | undefined) => {
    if (gname !== undefined || num !== undefined) {
      const key = gname ?? num!;
      const i = /^\d+$/.test(key) ? Number(key) : (p.names.get(key) ?? -1);
      if (i < 0 || i > p.numbered.length) fail(`invalid group reference ${key}`);
      return pyGroups(p, m)[i] ?? '';
    }
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };
    if (Object.hasOwn(simple, ch!)) return simple[ch!]!;
    if (/[A-Za-z]/.test(ch!)) fail(`bad escape \\${ch}`);
    return '\\' + ch;
  });
}

function sub(p: CompiledPattern, repl: unknown, s: string, count: number): string {
  const re = new RegExp(p.search.source, p.search.flags + 'g');
  let n = 0;
  const out = s.replace(re, (...args: unknown[]) => {
    if (count > 0 && n >= count) return args[0] as string;
    n++;
    const at = args.findIndex((x) => typeof x === 'number');
    const m = Object.assign(args.slice(0, at) as string[], { index: args[at] as number, input: s }) as unknown as RegExpExecArray;
    if (repl instanceof PyCallable) {
      const r = callValue(repl, [new MatchObject(m, p, s)], NO_KWARGS);
      if (typeof r !== 'string') fail('expected str instance');
      return r;
    }
    return expandTemplate(repl as string, m, p);
  });
  checkLength(out.length);
  return out;
}

function findall(p: CompiledPattern, s: string): unknown[] {
  const re = new RegExp(p.search.source, p.search.flags.replace('d', '') + 'g');
  const out: unknown[] = [];
  for (const m of s.matchAll(re)) {
    const g = pyGroups(p, m as RegExpExecArray);
    if (g.length === 1) out.push(g[0]);
    else if (g.length === 2) out.push(g[1] ?? '');
    else out.push(PyTuple.fromArray(g.slice(1).map((x) => x ?? '')));
  }
  return out;
}

function split(p: CompiledPattern, s: string, maxsplit: number): unknown[] {
  const re = new RegExp(p.search.source, p.search.flags.replace('d', '') + 'g');
  const out: unknown[] = [];
  let last = 0;
  let n = 0;
  for (const m of s.matchAll(re)) {
    if (maxsplit > 0 && n >= maxsplit) break;
    out.push(s.slice(last, m.index));
    for (const g of pyGroups(p, m as RegExpExecArray).slice(1)) out.push(g === undefined ? null : g);
    last = m.index! + m[0].length;
    n++;
  }
  out.push(s.slice(last));
  return out;
}

type ReFn = (p: CompiledPattern, a: unknown[], k: Kwargs, off: number) => unknown;

const RE_FUNCS: Record<string, [ReFn, string]> = {
  match: [(p, a, k, o) => doMatch(p, strInput(arg(a, k, o, 'string')), 'match'), 'flags'],
  search: [(p, a, k, o) => doMatch(p, strInput(arg(a, k, o, 'string')), 'search'), 'flags'],
  fullmatch: [(p, a, k, o) => doMatch(p, strInput(arg(a, k, o, 'string')), 'full'), 'flags'],
  findall: [(p, a, k, o) => findall(p, strInput(arg(a, k, o, 'string'))), 'flags'],
  split: [(p, a, k, o) => split(p, strInput(arg(a, k, o, 'string')), intArg(arg(a, k, o + 1, 'maxsplit', 0), 'maxsplit')), 'flags'],
  sub: [
    (p, a, k, o) => {
      const repl = arg(a, k, o, 'repl');
      if (typeof repl !== 'string' && !(repl instanceof PyCallable)) fail('repl must be str or callable');
      return sub(p, repl, strInput(arg(a, k, o + 1, 'string')), intArg(arg(a, k, o + 2, 'count', 0), 'count'));
    },
    'flags',
  ],
};
const FLAG_POS: Record<string, number> = { match: 2, search: 2, fullmatch: 2, findall: 2, split: 3, sub: 4 };

class PatternObject extends PyObject {
  readonly typeName = 're.Pattern';
  constructor(readonly p: CompiledPattern) {
    super();
  }
  getAttr(name: string): unknown {
    if (name === 'pattern') return this.p.pattern;
    if (name === 'flags') return this.p.flags;
    const f = RE_FUNCS[name];
    return f ? new PyCallable(name, (a, k) => f[0](this.p, a, k, 0)) : undefined;
  }
  repr(): string {
    return `re.compile(${pyRepr(this.p.pattern)})`;
  }
}

class ReModule extends PyObject {
  readonly typeName = 'module';
  private readonly attrs = new Map<string, unknown>();
  constructor() {
    super();
    for (const [name, [fn]] of Object.entries(RE_FUNCS)) {
      this.attrs.set(
        name,
        new PyCallable(name, (a, k) => fn(patternOf(arg(a, k, 0, 'pattern'), arg(a, k, FLAG_POS[name]!, 'flags', 0)), a, k, 1)),
      );
    }
    this.attrs.set('compile', new PyCallable('compile', (a, k) => new PatternObject(patternOf(arg(a, k, 0, 'pattern'), arg(a, k, 1, 'flags', 0)))));
    this.attrs.set('escape', new PyCallable('escape', (a) => strInput(a[0]).replace(/[^A-Za-z0-9_\u0080-\uffff]/g, '\\$&')));
    for (const [k, v] of Object.entries(PY_FLAGS)) this.attrs.set(k, v);
  }
  getAttr(name: string): unknown {
    return this.attrs.get(name);
  }
  repr(): string {
    return "<module 're'>";
  }
}

// ---------------------------------------------------------------- globals table

const rangeFn = new PyCallable('range', (a) => {
  if (a.length === 0 || a.length > 3) fail(`range expected 1 to 3 arguments, got ${a.length}`);
  const n = a.map((x) => intArg(x, 'range'));
  return a.length === 1 ? new PyRange(0, n[0]!, 1) : new PyRange(n[0]!, n[1]!, n[2] ?? 1);
});

const dictFn = new PyCallable('dict', (a, k) => {
  const out: Record<string, unknown> = {};
  const src = a.length && isPyDict(a[0]) ? a[0] : {};
  for (const key of Object.keys(src)) dictSet(out, key, src[key]);
  for (const key of Object.keys(k)) dictSet(out, key, k[key]);
  return out;
});

const GLOBALS = new Map<string, unknown>([
  ['range', rangeFn],
  ['dict', dictFn],
  ['re', new ReModule()],
]);

/** A global by name (undefined when there is none). */
export function getGlobal(name: string): unknown {
  return GLOBALS.get(name);
}

export function registerGlobal(name: string, value: unknown): void {
  GLOBALS.set(name, value);
}
