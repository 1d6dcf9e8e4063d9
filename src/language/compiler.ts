/** Syntax tree → JS closures, built once per template (attribute chains: see attr-chain.ts). */
import { callMethod, callValue, dictKey, dictSet, getItem } from './access.js';
import { NO_KWARGS } from './args.js';
import type { Expr, Stmt, Target } from './ast.js';
import { attrWalk, scopeWalk, splitAttrChain } from './attr-chain.js';
import { equalsLiteral, inStringLiteral } from './compare-const.js';
import { fail, TemplateSyntaxError } from './errors.js';
import { getFilter } from './filters/index.js';
import { getGlobal } from './globals.js';
import { LIMITS } from './limits.js';
import { lookupMethod } from './method-registry.js';
import { PyCallable, PyObject, type Kwargs } from './objects.js';
import * as rt from './runtime.js';
import { getTest } from './tests.js';
import { PyFloat, PyTuple } from '../core/values.js';

export type Scope = Record<string, unknown>;

export class Frame {
  readonly vars = new Map<string, unknown>();
  constructor(readonly parent: Frame | null) {}
}

export interface Ctx {
  scope: Scope;
  frame: Frame | null;
  out: string;
  iterations: number;
}

export type Ev = (c: Ctx) => unknown;
export type Ex = (c: Ctx) => void;

export function newCtx(scope: Scope): Ctx {
  return { scope, frame: null, out: '', iterations: 0 };
}

// ---------------------------------------------------------------- expressions

const constants = new WeakMap<Ev, { value: unknown }>();

function constant(value: unknown): Ev {
  const f: Ev = () => value;
  constants.set(f, { value });
  return f;
}

function isImmutable(v: unknown): boolean {
  return v === null || v === undefined || typeof v !== 'object' || v instanceof PyFloat;
}

/** Fold `make()` into a constant when every operand is constant and the result is immutable. */
function fold(parts: Ev[], f: Ev): Ev {
  if (!parts.every((p) => constants.has(p))) return f;
  try {
    const v = f(newCtx({}));
    return isImmutable(v) ? constant(v) : f;
  } catch {
    return f; // errors stay run-time errors
  }
}

export const BINARY: Record<string, (a: unknown, b: unknown) => unknown> = {
  '+': rt.add,
  '-': rt.sub,
  '*': rt.mul,
  '/': rt.truediv,
  '//': rt.floordiv,
  '%': rt.mod,
  '**': rt.pow,
  '~': rt.concat,
};

/** A variable: innermost frame first, then the scope, then the global `glob` of that name. */
function resolveName(c: Ctx, name: string, glob: unknown): unknown {
  if (c.frame !== null) {
    for (let f: Frame | null = c.frame; f !== null; f = f.parent) {
      const v = f.vars.get(name);
      if (v !== undefined || f.vars.has(name)) return v;
    }
  }
  const s = c.scope;
  return Object.hasOwn(s, name) ? s[name] : glob; // own keys only: never `constructor` & co
}

/** `name.k1.k2…` (keys may be empty): a generated accessor straight from the scope outside loops. */
function lookupChain(name: string, keys: string[]): Ev {
  const glob = getGlobal(name);
  const fromScope = scopeWalk(name, keys);
  if (keys.length === 0) return (c) => (c.frame === null ? fromScope(c.scope, glob) : resolveName(c, name, glob));
  const walk = attrWalk(keys);
  return (c) => (c.frame === null ? fromScope(c.scope, glob) : walk(resolveName(c, name, glob)));
}

/** `base.k1.k2…` as a single closure (the variable lookup included when base is a name). */
function compileAttrChain(e: Expr & { k: 'getattr' }): Ev {
  const { base, keys } = splitAttrChain(e);
  if (base.k === 'name') return lookupChain(base.name, keys);
  const obj = compileExpr(base);
  const walk = attrWalk(keys);
  return fold([obj], (c) => walk(obj(c)));
}

function compileArgs(args: Expr[]): (c: Ctx) => unknown[] {
  if (args.length === 0) return () => [];
  const fs = args.map(compileExpr);
  if (fs.length === 1) {
    const a = fs[0]!;
    return (c) => [a(c)];
  }
  return (c) => fs.map((f) => f(c));
}

function compileKwargs(kwargs: [string, Expr][]): (c: Ctx) => Kwargs {
  if (kwargs.length === 0) return () => NO_KWARGS;
  const fs = kwargs.map(([k, e]) => [k, compileExpr(e)] as const);
  return (c) => {
    const out: Kwargs = Object.create(null);
    for (const [k, f] of fs) out[k] = f(c);
    return out;
  };
}

function compileCallArgs(e: {
  args: Expr[];
  kwargs: [string, Expr][];
  dynArgs: Expr | null;
  dynKwargs: Expr | null;
}): [(c: Ctx) => unknown[], (c: Ctx) => Kwargs] {
  const args = compileArgs(e.args);
  const kwargs = compileKwargs(e.kwargs);
  const dynArgs = e.dynArgs ? compileExpr(e.dynArgs) : null;
  const dynKwargs = e.dynKwargs ? compileExpr(e.dynKwargs) : null;
  const allArgs: (c: Ctx) => unknown[] = dynArgs ? (c) => [...args(c), ...rt.toList(dynArgs(c))] : args;
  const allKwargs: (c: Ctx) => Kwargs = dynKwargs
    ? (c) => {
        const d = dynKwargs(c);
        if (!rt.isPyDict(d)) fail('argument after ** must be a mapping');
        const out = Object.assign(Object.create(null), kwargs(c)) as Kwargs;
        for (const k of Object.keys(d)) out[k] = d[k];
        return out;
      }
    : kwargs;
  return [allArgs, allKwargs];
}

function syntaxError(msg: string, e: Expr): never {
  throw new TemplateSyntaxError(msg, e.pos.line, e.pos.column);
}

export function compileExpr(e: Expr): Ev {
  switch (e.k) {
    case 'const':
      return constant(e.value);
    case 'name':
      return lookupChain(e.name, []);
    case 'getattr':
      return compileAttrChain(e);
    case 'getitem': {
      const obj = compileExpr(e.obj);
      if (e.key.k === 'slice') {
        const none = constant(null);
        const start = e.key.start ? compileExpr(e.key.start) : none;
        const stop = e.key.stop ? compileExpr(e.key.stop) : none;
        const step = e.key.step ? compileExpr(e.key.step) : none;
        return fold([obj, start, stop, step], (c) => {
          const o = obj(c);
          if (o === undefined) rt.undefinedAttribute();
          if (o === null) return undefined;
          return rt.sliceValue(o, start(c), stop(c), step(c));
        });
      }
      const key = compileExpr(e.key);
      return fold([obj, key], (c) => {
        const o = obj(c);
        if (o === undefined) rt.undefinedAttribute();
        return getItem(o, key(c));
      });
    }
    case 'slice':
      return syntaxError('slice outside of a subscript', e);
    case 'call': {
      const [allArgs, allKwargs] = compileCallArgs(e);
      if (e.fn.k === 'getattr') {
        const obj = compileExpr(e.fn.obj);
        const name = e.fn.name;
        // str methods resolved once here: a str receiver skips callMethod's registry lookup.
        const strMethod = lookupMethod('str', name);
        if (strMethod !== undefined) {
          return (c) => {
            const o = obj(c);
            const args = allArgs(c);
            const kwargs = allKwargs(c);
            return typeof o === 'string' ? strMethod(o, args, kwargs) : callMethod(o, name, args, kwargs);
          };
        }
        return (c) => callMethod(obj(c), name, allArgs(c), allKwargs(c));
      }
      const fn = compileExpr(e.fn);
      const what = e.fn.k === 'name' ? e.fn.name : 'value';
      return (c) => callValue(fn(c), allArgs(c), allKwargs(c), what);
    }
    case 'filter': {
      const filter = getFilter(e.name) ?? syntaxError(`No filter named '${e.name}'.`, e);
      const node = compileExpr(e.node);
      if (hasNoArgs(e)) return (c) => filter(node(c), [], NO_KWARGS);
      const [args, kwargs] = compileCallArgs(e);
      return (c) => filter(node(c), args(c), kwargs(c));
    }
    case 'test': {
      const test = getTest(e.name) ?? syntaxError(`No test named '${e.name}'.`, e);
      const node = compileExpr(e.node);
      if (e.args.length === 0 && e.kwargs.length === 0) return (c) => test(node(c), [], NO_KWARGS);
      const args = compileArgs(e.args);
      const kwargs = compileKwargs(e.kwargs);
      return (c) => test(node(c), args(c), kwargs(c));
    }
    case 'unary': {
      if (e.op === 'not') {
        const b = compileBool(e.node);
        return fold([b], (c) => !b(c));
      }
      const x = compileExpr(e.node);
      if (e.op === 'neg') return fold([x], (c) => rt.neg(x(c)));
      return fold([x], (c) => rt.pos(x(c)));
    }
    case 'binary': {
      const op = BINARY[e.op] ?? syntaxError(`unknown operator ${e.op}`, e);
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      return fold([l, r], (c) => op(l(c), r(c)));
    }
    case 'and': {
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      return fold([l, r], (c) => {
        const v = l(c);
        return rt.truthy(v) ? r(c) : v;
      });
    }
    case 'or': {
      const l = compileExpr(e.left);
      const r = compileExpr(e.right);
      return fold([l, r], (c) => {
        const v = l(c);
        return rt.truthy(v) ? v : r(c);
      });
    }
    case 'compare': {
      const special = compareWithLiteral(e);
      if (special) return special;
      const first = compileExpr(e.first);
      const ops = e.ops.map(([op, x]) => [op, compileExpr(x)] as const);
      const parts = [first, ...ops.map((o) => o[1])];
      if (ops.length === 1) {
        const [op, r] = ops[0]!;
        switch (op) {
          case '==':
            return fold(parts, (c) => rt.pyEq(first(c), r(c)));
          case '!=':
            return fold(parts, (c) => !rt.pyEq(first(c), r(c)));
          case 'in':
            return fold(parts, (c) => {
              const a = first(c);
              return rt.contains(r(c), a);
            });
        }
        return fold(parts, (c) => {
          const a = first(c);
          return rt.compareOp(op, a, r(c));
        });
      }
      return fold(parts, (c) => {
        let left = first(c);
        for (const [op, f] of ops) {
          const right = f(c);
          if (!rt.compareOp(op, left, right)) return false;
          left = right;
        }
        return true;
      });
    }
    case 'cond': {
      const test = compileBool(e.test);
      const then = compileExpr(e.then);
      const otherwise = e.otherwise ? compileExpr(e.otherwise) : constant(undefined);
      return fold([test, then, otherwise], (c) => (test(c) ? then(c) : otherwise(c)));
    }
    case 'list': {
      const items = e.items.map(compileExpr);
      return (c) => items.map((f) => f(c));
    }
    case 'tuple': {
      const items = e.items.map(compileExpr);
      return (c) => PyTuple.fromArray(items.map((f) => f(c)));
    }
    case 'dict': {
      const pairs = e.pairs.map(([k, v]) => [compileExpr(k), compileExpr(v)] as const);
      return (c) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of pairs) {
          const key = k(c);
          const sk = dictKey(key);
          if (sk === null) {
            if (Array.isArray(key) && !(key instanceof PyTuple)) fail("unhashable type: 'list'");
            if (rt.isPyDict(key)) fail("unhashable type: 'dict'");
          }
          dictSet(out, sk ?? rt.pyStr(key), v(c));
        }
        return out;
      };
    }
  }
}

export function hasNoArgs(e: { args: Expr[]; kwargs: [string, Expr][]; dynArgs: Expr | null; dynKwargs: Expr | null }): boolean {
  return e.args.length === 0 && e.kwargs.length === 0 && e.dynArgs === null && e.dynKwargs === null;
}

/**
 * A single `==`, `!=`, `in` or `not in` with a literal on one side (`x == 'a'`, `'a' != x`,
 * `x in ['a', 'b']`) as one closure; null for every other comparison. Evaluation order is
 * unchanged: the literal side has no effects.
 */
function compareWithLiteral(e: Expr & { k: 'compare' }): Ev | null {
  const literal = literalComparison(e);
  if (literal === null) return null;
  const f = compileExpr(literal.other);
  const pred = literal.pred;
  return literal.positive ? (c) => pred(f(c)) : (c) => !pred(f(c));
}

/** The literal test of a single `==`, `!=`, `in` or `not in` against a literal, and the other operand. */
export function literalComparison(e: Expr & { k: 'compare' }): { pred: (v: unknown) => boolean; other: Expr; positive: boolean } | null {
  if (e.ops.length !== 1) return null;
  const [op, right] = e.ops[0]!;
  let test: ((v: unknown) => boolean) | null = null;
  let other: Expr = e.first;
  if (op === '==' || op === '!=') {
    if (right.k === 'const' && e.first.k !== 'const') test = equalsLiteral(right.value);
    else if (e.first.k === 'const' && right.k !== 'const') {
      test = equalsLiteral(e.first.value); // pyEq is symmetric
      other = right;
    }
  } else if (op === 'in' || op === 'notin') {
    if (e.first.k !== 'const') test = inStringLiteral(right);
  }
  if (test === null) return null;
  return { pred: test, other, positive: op === '==' || op === 'in' };
}

/**
 * An expression evaluated for its truth value only (conditions, `if`, `not`, `x if t else y`):
 * `and` / `or` / `not` combine booleans directly instead of building Python values that are
 * then tested again. truthy(a and b) === truthy(a) && truthy(b), same order of evaluation.
 */
export function compileBool(e: Expr): (c: Ctx) => boolean {
  switch (e.k) {
    case 'and': {
      const l = compileBool(e.left);
      const r = compileBool(e.right);
      return fold([l, r], (c) => l(c) && r(c)) as (c: Ctx) => boolean;
    }
    case 'or': {
      const l = compileBool(e.left);
      const r = compileBool(e.right);
      return fold([l, r], (c) => l(c) || r(c)) as (c: Ctx) => boolean;
    }
    case 'unary':
      if (e.op === 'not') {
        const b = compileBool(e.node);
        return fold([b], (c) => !b(c)) as (c: Ctx) => boolean;
      }
      break;
    case 'compare':
      return compileExpr(e) as (c: Ctx) => boolean; // always a JS boolean
  }
  const f = compileExpr(e);
  return fold([f], (c) => rt.truthy(f(c))) as (c: Ctx) => boolean;
}

/** The constant value of a compiled expression, if it folded to one. */
export function constantOf(f: Ev): { value: unknown } | undefined {
  return constants.get(f);
}

// ---------------------------------------------------------------- statements

class LoopContext extends PyObject {
  readonly typeName = 'LoopContext';
  index0 = 0;
  constructor(private readonly items: readonly unknown[]) {
    super();
  }
  getAttr(name: string): unknown {
    const n = this.items.length;
    const i = this.index0;
    switch (name) {
      case 'index':
        return i + 1;
      case 'index0':
        return i;
      case 'revindex':
        return n - i;
      case 'revindex0':
        return n - i - 1;
      case 'first':
        return i === 0;
      case 'last':
        return i === n - 1;
      case 'length':
        return n;
      case 'depth':
        return 1;
      case 'depth0':
        return 0;
      case 'previtem':
        return i > 0 ? this.items[i - 1] : undefined;
      case 'nextitem':
        return i < n - 1 ? this.items[i + 1] : undefined;
      case 'cycle':
        return new PyCallable('cycle', (args) => {
          if (!args.length) fail('no items for cycling given');
          return args[i % args.length];
        });
    }
    return undefined;
  }
  repr(): string {
    return `<LoopContext ${this.index0 + 1}/${this.items.length}>`;
  }
}

function bind(frame: Frame, target: Target, value: unknown): void {
  if (target.k === 'name') {
    frame.vars.set(target.name, value);
    return;
  }
  const items = rt.toList(value);
  const n = target.items.length;
  if (items.length > n) fail(`too many values to unpack (expected ${n})`);
  if (items.length < n) fail(`not enough values to unpack (expected ${n}, got ${items.length})`);
  target.items.forEach((t, i) => bind(frame, t, items[i]));
}

function rootFrame(c: Ctx): Frame {
  if (c.frame === null) c.frame = new Frame(null);
  return c.frame;
}

function tick(c: Ctx): void {
  if (++c.iterations > LIMITS.maxIterations) fail(`too many loop iterations (max ${LIMITS.maxIterations})`);
}

function compileBody(stmts: Stmt[]): Ex {
  const merged: Stmt[] = [];
  for (const s of stmts) {
    const prev = merged[merged.length - 1];
    if (s.k === 'data' && prev?.k === 'data') merged[merged.length - 1] = { k: 'data', text: prev.text + s.text };
    else merged.push(s);
  }
  const fs = merged.map(compileStmt);
  if (fs.length === 0) return () => {};
  if (fs.length === 1) return fs[0]!;
  return (c) => {
    for (const f of fs) f(c);
  };
}

function compileStmt(s: Stmt): Ex {
  switch (s.k) {
    case 'data': {
      const text = s.text;
      return (c) => {
        c.out += text;
      };
    }
    case 'output': {
      const e = compileExpr(s.expr);
      return (c) => {
        c.out += rt.pyStr(e(c));
        if (c.out.length > LIMITS.maxStringLength) fail('output too long');
      };
    }
    case 'if': {
      const test = compileBool(s.test);
      const body = compileBody(s.body);
      const otherwise = compileBody(s.otherwise);
      return (c) => (test(c) ? body(c) : otherwise(c));
    }
    case 'set': {
      const value = compileExpr(s.value);
      const target = s.target;
      return (c) => bind(rootFrame(c), target, value(c));
    }
    case 'setblock': {
      const body = compileBody(s.body);
      const target = s.target;
      return (c) => {
        const saved = c.out;
        c.out = '';
        body(c);
        const v = c.out;
        c.out = saved;
        bind(rootFrame(c), target, v);
      };
    }
    case 'for': {
      const iter = compileExpr(s.iter);
      const filter = s.filter ? compileExpr(s.filter) : null;
      const body = compileBody(s.body);
      const otherwise = compileBody(s.otherwise);
      const target = s.target;
      return (c) => {
        const outer = c.frame;
        let items = rt.asArray(iter(c));
        try {
          if (filter) {
            const kept: unknown[] = [];
            for (const item of items) {
              tick(c);
              const f = new Frame(outer);
              bind(f, target, item);
              c.frame = f;
              if (rt.truthy(filter(c))) kept.push(item);
            }
            items = kept;
          }
          const loop = new LoopContext(items);
          for (let i = 0; i < items.length; i++) {
            tick(c);
            const f = new Frame(outer);
            bind(f, target, items[i]);
            loop.index0 = i;
            f.vars.set('loop', loop);
            c.frame = f;
            body(c);
          }
        } finally {
          c.frame = outer;
        }
        if (items.length === 0) otherwise(c);
      };
    }
  }
}

export function compileTemplate(stmts: Stmt[]): Ex {
  return compileBody(stmts);
}
