/**
 * `a.b.c.d` compiled as one step instead of one closure per dot. The catalog is dominated by
 * such chains on event layers, and in a closure interpreter every dot shares one property-load
 * site, which V8 turns megamorphic (slow keyed loads). A generated accessor per chain gives each
 * dot its own inline cache.
 *
 * Code generation safety: the only template-controlled text spliced into the generated source
 * is attribute names, each embedded as a JSON.stringify literal (a valid JS string literal for
 * any string). Everything else in the source is fixed text; values reach it as parameters.
 */
import { getAttr } from './access.js';
import type { Expr } from './ast.js';
import { lookupMethod } from './method-registry.js';
import { undefinedAttribute } from './runtime.js';
import './methods.js'; // the registry must be complete before stepSource consults it

/** The innermost non-getattr expression of `base.k1.k2…` and the keys, outermost last. */
export function splitAttrChain(e: Expr & { k: 'getattr' }): { base: Expr; keys: string[] } {
  const keys: string[] = [];
  let node: Expr = e;
  while (node.k === 'getattr') {
    keys.push(node.name);
    node = node.obj;
  }
  return { base: node, keys: keys.reverse() };
}

/** `o.k1.k2…` from a value. */
export type AttrWalk = (o: unknown) => unknown;
/** `name.k1.k2…` from a scope (no frames), `glob` being the global of that name. */
export type ScopeWalk = (scope: Record<string, unknown>, glob: unknown) => unknown;

/*
 * One step, `o = o.k` with the semantics of getAttr: a plain dict's own key, else getAttr
 * (bound methods, PyObjects, null-prototype dicts, missing keys…), so the sandbox rules stay in
 * access.ts. The own-key test is done without Object.hasOwn (an uninlinable call): with
 * prototype Object.prototype, a defined `o.k` is inherited only if Object.prototype has `k`
 * (`constructor`, `__proto__`, `toString`…), and those names then take the getAttr path.
 * Loading `o.k` before reading the prototype lets V8 reuse the map check of the load.
 */
export function stepSource(key: string, o = 'o', v = 'v', raise = 'RAISE();'): string {
  const k = JSON.stringify(key);
  // An attribute of Undefined raises (Jinja2's plain Undefined is not chainable); `raise` is the
  // statement that aborts the expression (a jump in generated code, so no exception is thrown).
  // None.k is Undefined, as in Jinja2.
  // A key that names no dict method: on a plain dict a missing key is simply undefined (what
  // getAttr returns after its method lookup), so the miss needs no call either.
  if (lookupMethod('dict', key) === undefined) {
    return (
      `if (${o} !== undefined && ${o} !== null) { ${v} = ${o}[${k}]; ${o} = Object.getPrototypeOf(${o}) === OP && OP[${k}] === undefined ? ${v} : getAttr(${o}, ${k}); }\n` +
      `else if (${o} === undefined) { ${raise} }\n` +
      `else ${o} = undefined;\n`
    );
  }
  return (
    `if (${o} !== undefined && ${o} !== null && (${v} = ${o}[${k}]) !== undefined && Object.getPrototypeOf(${o}) === OP && OP[${k}] === undefined) ${o} = ${v};\n` +
    `else if (${o} === undefined) { ${raise} }\n` +
    `else ${o} = getAttr(${o}, ${k});\n`
  );
}

/** Scope variable lookup: own keys only (the scope's prototype is never visible), else the global. */
export function rootSource(name: string, o = 'o', scope = 's', glob = 'glob'): string {
  const n = JSON.stringify(name);
  return `${o} = ${scope}[${n}];\nif (${o} === undefined || Object.getPrototypeOf(${scope}) !== OP || OP[${n}] !== undefined) ${o} = hasOwn(${scope}, ${n}) ? ${scope}[${n}] : ${glob};\n`;
}

function build<T>(params: string, body: string): T {
  // Object.getPrototypeOf is named in the source, not passed in: TurboFan folds a direct call to a
  // map check, where a call through a parameter goes to the runtime (measured with perf).
  const factory = new Function('getAttr', 'OP', 'hasOwn', 'RAISE', `"use strict";\nreturn function (${params}) {\n${body}return o;\n};`);
  return factory(getAttr, Object.prototype, Object.hasOwn, undefinedAttribute) as T;
}

// Identical chains (very common across a catalog) share one accessor: less code to compile.
const walks = new Map<string, AttrWalk>();
const scopeWalks = new Map<string, ScopeWalk>();

export function attrWalk(keys: readonly string[]): AttrWalk {
  const id = JSON.stringify(keys);
  let f = walks.get(id);
  if (f === undefined) {
    f = build<AttrWalk>('o', 'let v;\n' + keys.map((k) => stepSource(k)).join(''));
    walks.set(id, f);
  }
  return f;
}

export function scopeWalk(name: string, keys: readonly string[]): ScopeWalk {
  const id = JSON.stringify([name, ...keys]);
  let f = scopeWalks.get(id);
  if (f === undefined) {
    f = build<ScopeWalk>('s, glob', 'let o, v;\n' + rootSource(name) + keys.map((k) => stepSource(k)).join(''));
    scopeWalks.set(id, f);
  }
  return f;
}
