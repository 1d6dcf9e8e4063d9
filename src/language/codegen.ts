/**
 * A lone expression (`{{ expr }}` as a `set` value or a condition, outside any statement)
 * compiled to one generated JS function instead of a tree of closures (compiler.ts). In a
 * closure tree every `and`, every comparison, every filter call shares one call site across all
 * templates, which V8 turns megamorphic; a function per expression gives each operation its own
 * inline caches and lets V8 inline the runtime helpers it calls. The helpers are the ones the
 * closures call, in the same order, so values and errors are the same; forms not written here
 * (slices, dict and tuple displays, calls of non-methods, `*args`) call their closure.
 *
 * Code generation safety: template text enters the generated source only as JSON.stringify
 * literals (attribute, method and keyword-argument names, string constants) and as finite
 * numbers; every other value (other constants, filters, tests, globals, closures) is passed to
 * the generated code as a parameter.
 */
import { callMethod, getAttr, getItem, NO_ATTRIBUTE, tryCallMethod } from './access.js';
import { NO_KWARGS } from './args.js';
import type { Expr } from './ast.js';
import { rootSource, splitAttrChain, stepSource } from './attr-chain.js';
import { BINARY, compileExpr, hasNoArgs, literalComparison, newCtx, type Scope } from './compiler.js';
import { TemplateSyntaxError } from './errors.js';
import { getFilter, inputGuard, strictOnUndefined } from './filters/index.js';
import { getGlobal } from './globals.js';
import { lookupMethod } from './method-registry.js';
import * as rt from './runtime.js';
import { getTest } from './tests.js';

/** Statements of the function being generated (nested blocks as arrays); a value is read after its statements ran. */
export type Out = (string | Out)[];

const NO_SCOPE: Scope = Object.freeze(Object.create(null)) as Scope;

/** Builds one generated function; pipeline code adds statements of its own around expressions. */
export class CodeBuilder {
  private readonly values: unknown[] = [];
  private temps = 0;
  /** Set when a form falls back to its closure, which reads the scope from a context. */
  private ctx: string | undefined;
  /**
   * The statement that aborts the expression where Jinja2 raises on Undefined (an attribute, item
   * or method of Undefined, arithmetic, ordering or a strict filter on it): a jump (`return false;`,
   * `break label;`) set by the caller, so that the usual "no value" case throws nothing. Unset, it
   * throws one shared error.
   */
  raise: string | undefined;

  /** Aborts where one of `values` is Undefined; `error` is what the closures throw there (when `raise` is unset). */
  private raiseIfUndefined(out: Out, error: string, ...values: string[]): void {
    const vs = values.filter((x) => /^t\d+$/.test(x));
    if (vs.length === 0) {
      if (values.includes('undefined')) out.push(this.raiseStatement(error));
      return;
    }
    out.push(`if (${vs.map((x) => `${x} === undefined`).join(' || ')}) { ${this.raiseStatement(error)} }`);
  }

  private raiseStatement(error?: string): string {
    return this.raise ?? error ?? `${this.ref(rt.undefinedAttribute)}();`;
  }

  private undefinedError(what?: string): string {
    return `${this.ref(rt.undefinedError)}(${what === undefined ? '' : JSON.stringify(what)});`;
  }

  /** A name for `value` in the generated code (passed in, never printed into the source). */
  ref(value: unknown): string {
    let i = this.values.indexOf(value);
    if (i < 0) {
      i = this.values.length;
      this.values.push(value);
    }
    return `h${i}`;
  }

  private tmp(): string {
    return `t${this.temps++}`;
  }

  /** Stores `expression` in a new temporary: operands are evaluated once, in source order. */
  private let(out: Out, expression: string): string {
    const t = this.tmp();
    out.push(`${t} = ${expression};`);
    return t;
  }

  private literal(v: unknown): string {
    if (v === undefined) return 'undefined';
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)) return String(v);
    return this.ref(v);
  }

  /** Emits the statements computing `e` into `out`; returns a temporary or a literal holding its value. */
  value(e: Expr, out: Out): string {
    switch (e.k) {
      case 'const':
        return this.literal(e.value);
      case 'name':
        return this.chain(e.name, [], out);
      case 'getattr': {
        const { base, keys } = splitAttrChain(e);
        if (base.k === 'name') return this.chain(base.name, keys, out);
        const o = this.let(out, this.value(base, out));
        const v = this.tmp();
        for (const k of keys) out.push(stepSource(k, o, v, this.raiseStatement()));
        return o;
      }
      case 'getitem': {
        if (e.key.k === 'slice') return this.slice(e.obj, e.key, out);
        const obj = this.value(e.obj, out);
        const key = this.value(e.key, out);
        this.raiseIfUndefined(out, `${this.ref(rt.undefinedAttribute)}();`, obj);
        return this.let(out, `${this.ref(getItem)}(${obj}, ${key})`);
      }
      case 'call': {
        if (e.fn.k !== 'getattr' || e.dynArgs !== null || e.dynKwargs !== null) break;
        const name = e.fn.name;
        const obj = this.value(e.fn.obj, out);
        const args = this.let(out, this.args(e.args, out));
        const kwargs = this.kwargs(e.kwargs, out);
        this.raiseIfUndefined(out, this.undefinedError(name), obj);
        // A receiver without that method (None has none): where the caller catches the
        // AttributeError anyway, a jump instead of a throw.
        const soft = this.raise !== undefined;
        const generic = `${this.ref(soft ? tryCallMethod : callMethod)}(${obj}, ${JSON.stringify(name)}, ${args}, ${kwargs})`;
        // str methods resolved once here, as compileExpr does: a str receiver skips the registry.
        const strMethod = lookupMethod('str', name);
        const t = this.let(out, strMethod === undefined ? generic : `typeof ${obj} === 'string' ? ${this.ref(strMethod)}(${obj}, ${args}, ${kwargs}) : ${generic}`);
        if (soft) out.push(`if (${t} === ${this.ref(NO_ATTRIBUTE)}) { ${this.raise} }`);
        return t;
      }
      case 'filter': {
        const filter = getFilter(e.name) ?? syntaxError(`No filter named '${e.name}'.`, e);
        if (e.dynArgs !== null || e.dynKwargs !== null) break;
        const node = this.value(e.node, out);
        if (strictOnUndefined(filter)) this.raiseIfUndefined(out, this.undefinedError(), node);
        // A filter that raises on this input type (`None | length`): a jump where the caller catches it.
        const accepts = inputGuard(filter);
        if (accepts !== undefined && this.raise !== undefined) out.push(`if (!${this.ref(accepts)}(${node})) { ${this.raise} }`);
        if (hasNoArgs(e)) return this.let(out, `${this.ref(filter)}(${node}, [], ${this.ref(NO_KWARGS)})`);
        const args = this.args(e.args, out);
        const kwargs = this.kwargs(e.kwargs, out);
        return this.let(out, `${this.ref(filter)}(${node}, ${args}, ${kwargs})`);
      }
      case 'test': {
        const test = getTest(e.name) ?? syntaxError(`No test named '${e.name}'.`, e);
        const node = this.value(e.node, out);
        const args = this.args(e.args, out);
        const kwargs = this.kwargs(e.kwargs, out);
        return this.let(out, `${this.ref(test)}(${node}, ${args}, ${kwargs})`);
      }
      case 'unary': {
        if (e.op === 'not') return this.let(out, `!${this.bool(e.node, out)}`);
        const x = this.value(e.node, out);
        return this.let(out, `${this.ref(e.op === 'neg' ? rt.neg : rt.pos)}(${x})`);
      }
      case 'binary': {
        const op = BINARY[e.op] ?? syntaxError(`unknown operator ${e.op}`, e);
        const l = this.value(e.left, out);
        const r = this.value(e.right, out);
        if (e.op !== '~' && e.op !== '%') this.raiseIfUndefined(out, this.undefinedError(), l, r);
        return this.let(out, `${this.ref(op)}(${l}, ${r})`);
      }
      case 'and':
      case 'or': {
        const t = this.let(out, this.value(e.left, out));
        const right: Out = [];
        const r = this.value(e.right, right);
        const test = `${this.ref(rt.truthy)}(${t})`;
        out.push(`if (${e.k === 'and' ? test : `!${test}`}) {`, ...right, `${t} = ${r};`, '}');
        return t;
      }
      case 'compare':
        return this.compare(e, out);
      case 'cond': {
        const test = this.bool(e.test, out);
        const t = this.tmp();
        const then: Out = [];
        const a = this.value(e.then, then);
        const otherwise: Out = [];
        const b = e.otherwise ? this.value(e.otherwise, otherwise) : 'undefined';
        out.push(`if (${test}) {`, ...then, `${t} = ${a};`, '} else {', ...otherwise, `${t} = ${b};`, '}');
        return t;
      }
      case 'list':
        return this.let(out, this.args(e.items, out));
    }
    return this.fallback(e, out);
  }

  /** Emits `e` for its truth value only (compileBool): a temporary or literal holding a JS boolean. */
  bool(e: Expr, out: Out): string {
    switch (e.k) {
      case 'and':
      case 'or': {
        const t = this.let(out, this.bool(e.left, out));
        const right: Out = [];
        const r = this.bool(e.right, right);
        out.push(`if (${e.k === 'and' ? t : `!${t}`}) {`, ...right, `${t} = ${r};`, '}');
        return t;
      }
      case 'unary':
        if (e.op === 'not') return this.let(out, `!${this.bool(e.node, out)}`);
        break;
      case 'compare':
        return this.compare(e, out); // always a JS boolean
    }
    return this.let(out, `${this.ref(rt.truthy)}(${this.value(e, out)})`);
  }

  private compare(e: Expr & { k: 'compare' }, out: Out): string {
    const literal = literalComparison(e);
    if (literal !== null) {
      const x = this.value(literal.other, out);
      return this.let(out, `${literal.positive ? '' : '!'}${this.ref(literal.pred)}(${x})`);
    }
    const first = this.value(e.first, out);
    if (e.ops.length === 1) {
      const [op, right] = e.ops[0]!;
      const r = this.value(right, out);
      if (op === '==') return this.let(out, `${this.ref(rt.pyEq)}(${first}, ${r})`);
      if (op === '!=') return this.let(out, `!${this.ref(rt.pyEq)}(${first}, ${r})`);
      if (op === 'in' || op === 'notin') {
        // `undefined in "text"` raises: as a jump where the action catches it, not a throw per event.
        if (/^t\d+$/.test(first)) out.push(`if (${first} === undefined && typeof ${r} === 'string') { ${this.raiseStatement(this.undefinedError())} }`);
        // `x in None` raises TypeError: a jump too where the caller catches it.
        if (this.raise !== undefined && /^t\d+$/.test(r)) out.push(`if (${r} === null) { ${this.raise} }`);
        return this.let(out, `${op === 'in' ? '' : '!'}${this.ref(rt.contains)}(${r}, ${first})`);
      }
      if (ORDERING.has(op)) {
        this.raiseIfUndefined(out, this.undefinedError(), first, r);
        // `None < 3` raises TypeError: a jump too where the caller catches it.
        if (this.raise !== undefined) out.push(`if (!${this.ref(rt.orderable)}(${first}, ${r})) { ${this.raise} }`);
      }
      return this.let(out, `${this.ref(rt.compareOp)}(${JSON.stringify(op)}, ${first}, ${r})`);
    }
    // a < b < c: each operand evaluated once, and none after the first false comparison
    const t = this.let(out, 'false');
    let left = first;
    let block = out;
    for (const [op, right] of e.ops) {
      const r = this.value(right, block);
      const inner: Out = [];
      block.push(`if (${this.ref(rt.compareOp)}(${JSON.stringify(op)}, ${left}, ${r})) {`, inner, '}');
      block = inner;
      left = r;
    }
    block.push(`${t} = true;`);
    return t;
  }

  /** `o[start:stop:step]`: Undefined raises, None gives Undefined, the bounds are evaluated only for another receiver. */
  private slice(objExpr: Expr, key: Expr & { k: 'slice' }, out: Out): string {
    const obj = this.value(objExpr, out);
    this.raiseIfUndefined(out, `${this.ref(rt.undefinedAttribute)}();`, obj);
    const t = this.let(out, 'undefined');
    const inner: Out = [];
    const bound = (b: Expr | null): string => (b === null ? 'null' : this.value(b, inner));
    const start = bound(key.start);
    const stop = bound(key.stop);
    const step = bound(key.step);
    inner.push(`${t} = ${this.ref(rt.sliceValue)}(${obj}, ${start}, ${stop}, ${step});`);
    out.push(`if (${obj} !== null) {`, inner, '}');
    return t;
  }

  /** `[a, b, ...]` of the arguments, each evaluated in order into a temporary. */
  private args(args: Expr[], out: Out): string {
    return `[${args.map((a) => this.value(a, out)).join(', ')}]`;
  }

  private kwargs(kwargs: [string, Expr][], out: Out): string {
    if (kwargs.length === 0) return this.ref(NO_KWARGS);
    const t = this.let(out, 'Object.create(null)');
    for (const [k, e] of kwargs) {
      const v = this.value(e, out);
      out.push(`${t}[${JSON.stringify(k)}] = ${v};`);
    }
    return t;
  }

  /** `name.k1.k2…` read from the scope (own keys only), else the global of that name. */
  private chain(name: string, keys: string[], out: Out): string {
    const o = this.tmp();
    const v = this.tmp();
    out.push(rootSource(name, o, 's', this.ref(getGlobal(name))));
    for (const k of keys) out.push(stepSource(k, o, v, this.raiseStatement()));
    return o;
  }

  private fallback(e: Expr, out: Out): string {
    const closure = compileExpr(e);
    this.ctx ??= this.ref(newCtx(NO_SCOPE));
    return this.let(out, `${this.ref(closure)}(${this.ctx})`);
  }

  /**
   * The function `(params) => { statements }`. The statements must set `s` to the scope before
   * any expression code runs, from `prologue` (e.g. `const s = state.scope;`).
   */
  build<F>(params: string, prologue: string, out: Out): F {
    let body = flatten(out);
    if (this.ctx !== undefined) {
      // Closures read the scope from the context; restored after, so it does not keep an event alive.
      body = `const saved = ${this.ctx}.scope;\n${this.ctx}.scope = s;\ntry {\n${body}} finally {\n${this.ctx}.scope = saved;\n}\n`;
    }
    const temps = this.temps > 0 ? `let ${Array.from({ length: this.temps }, (_, i) => `t${i}`).join(', ')};\n` : '';
    const refs = this.values.length > 0 ? `const ${this.values.map((_, i) => `h${i} = H[${i}]`).join(', ')};\n` : '';
    // Object.getPrototypeOf is named in the source, not passed in (see attr-chain.ts).
    const source = `"use strict";\n${refs}return function (${params}) {\n${prologue}${temps}${body}};`;
    const factory = new Function('H', 'OP', 'hasOwn', 'getAttr', source);
    return factory(this.values, Object.prototype, Object.hasOwn, getAttr) as F;
  }
}

/** Nested blocks are kept as arrays while generating (see compare); joined here. */
function flatten(out: Out): string {
  let s = '';
  for (const line of out) s += typeof line === 'string' ? line + '\n' : flatten(line);
  return s;
}

function syntaxError(msg: string, e: Expr): never {
  throw new TemplateSyntaxError(msg, e.pos.line, e.pos.column);
}

const ORDERING = new Set(['<', '<=', '>', '>=']);

/** The value of a lone expression, as one generated function of the scope. */
export function generateValue(e: Expr): (scope: Scope) => unknown {
  const g = new CodeBuilder();
  const out: Out = [];
  out.push(`return ${g.value(e, out)};`);
  return g.build('s', '', out);
}

/**
 * The truth value of a lone expression (a condition), as one generated function of the scope;
 * with `falseOnError`, an evaluation that raises is false instead (what a filter wants).
 */
export function generateCondition(e: Expr, falseOnError = false, truth?: (v: unknown) => boolean): (scope: Scope) => boolean {
  const g = new CodeBuilder();
  if (falseOnError) g.raise = 'return false;';
  let out: Out = [];
  // With `truth`, the condition's top value is judged as its rendered text would be (`and`/`or`
  // return an operand, so only comparisons and `not` are booleans already).
  const judged = truth !== undefined && e.k !== 'compare' && !(e.k === 'unary' && e.op === 'not');
  out.push(`return ${judged ? `${g.ref(truth)}(${g.value(e, out)})` : g.bool(e, out)};`);
  if (falseOnError) out = ['try {', out, '} catch {', 'return false;', '}'];
  return g.build('s', '', out);
}
