/**
 * A `set` action as one generated function (see language/codegen.ts for why): each entry's
 * `{{ expr }}` template inline, its admission test, and the write to its path as named property
 * accesses, one inline cache per path segment, where shared path writers do megamorphic keyed
 * stores. Same results as compiling each value alone (compileSetValue): a failing template blanks
 * its entry only.
 *
 * Code generation safety: field path segments enter the source as JSON.stringify literals, and
 * never a segment that Object.prototype has (`__proto__`, `constructor`…): those paths are written
 * by setPath, as pathWriter does.
 */
import { CodeBuilder, type Out } from '../language/codegen.js';
import { isTemplate, parseLoneExpression } from '../language/template.js';
import { PyObject } from '../language/objects.js';
import { renderedValue } from '../language/index.js';
import { isDict } from '../core/values.js';
import { newPathDict, noteWritten } from '../core/path-dicts.js';
import { isAdmissible } from './admission.js';
import type { Action } from './actions.js';
import type { CompileSink } from './compile-sink.js';
import { cloneValue, setPath, splitPath } from './paths.js';
import { WRITE_DROP } from '../taxonomy/index.js';

type ValueFn = (scope: Record<string, unknown>) => unknown;

/**
 * `fields` maps each field path to its raw value; `closure` compiles a value the generated code
 * does not inline (constants, lists, text templates) and reports its problems.
 */
export function generateSet(
  fields: Record<string, unknown>,
  where: (string | number)[],
  sink: CompileSink,
  closure: (raw: unknown, where: (string | number)[]) => ValueFn,
): Action {
  const g = new CodeBuilder();
  const out: Out = [];
  let n = 0;
  for (const field of Object.keys(fields)) {
    const raw = fields[field];
    const entry: Out = [];
    // A value that raises on Undefined jumps out of its entry's block, leaving v undefined.
    const label = `e${n++}`;
    g.raise = `break ${label};`;
    if (!inlineValue(g, raw, [...where, field], sink, entry)) entry.push(`v = ${g.ref(closure(raw, [...where, field]))}(s);`);
    out.push('v = undefined;', 'try {', `${label}: {`, ...entry, '}', '} catch {', 'v = undefined;', '}');
    const keys = splitPath(field);
    // In a custom stage whose layer is read (state.stage set), the value goes to the layer too.
    // A declared scalar field stores its coerced value (read back by later templates); an uncoercible one is not written.
    const coerce = sink.writeCoercion(keys);
    const coerced = coerce === undefined ? [] : [`v = ${g.ref(coerce)}(v);`, `if (v !== ${g.ref(WRITE_DROP)}) {`];
    const close = coerce === undefined ? [] : ['}'];
    const copy = `if (typeof v === 'object' && v !== null) v = ${g.ref(cloneValue)}(v);`;
    out.push(`if (${g.ref(isAdmissible)}(v, ${g.ref(sink.ignoredValues)})) {`, copy, ...coerced, ...write(g, keys, 'f'), 'if (l !== null) {', ...write(g, keys, 'l'), '}', ...close, '}');
  }
  return g.build<Action>('state', 'const s = state.scope, f = state.final, l = state.stage;\nlet v, o, p;\n', out);
}

/**
 * Emits `v = <value>` for a lone `{{ expr }}`; false for any other value. A template that does not
 * compile is reported and its entry writes nothing (as compileSetValue's `() => undefined`).
 */
function inlineValue(g: CodeBuilder, raw: unknown, where: (string | number)[], sink: CompileSink, entry: Out): boolean {
  if (typeof raw !== 'string' || !isTemplate(raw)) return false;
  const code: Out = [];
  try {
    const expr = parseLoneExpression(raw);
    if (expr === null) return false;
    code.push(`v = ${g.value(expr, code)};`);
  } catch (err) {
    sink.templateProblem(where, err);
    return true;
  }
  // Generators, match objects and other internal values are not storable: the entry is blanked.
  entry.push(...code, `if (typeof v === 'string') v = ${g.ref(renderedValue)}(v);`, `else if (v instanceof ${g.ref(PyObject)}) v = undefined;`);
  return true;
}

/** `base.k1.k2… = v`, creating (or replacing non-dict) intermediate values by dicts, as pathWriter. */
function write(g: CodeBuilder, keys: string[], base: string): Out {
  if (keys.length === 0 || keys.some((k) => k in Object.prototype)) return [`${g.ref(setPath)}(${base}, ${g.ref(keys)}, v);`];
  const last = JSON.stringify(keys[keys.length - 1]);
  if (keys.length === 1) return [`${base}[${last}] = v;`];
  const out: Out = [`o = ${base};`];
  for (const key of keys.slice(0, -1)) {
    const k = JSON.stringify(key);
    out.push(`p = o[${k}];`, `if (!${g.ref(isDict)}(p)) {`, `p = ${g.ref(newPathDict)}();`, `o[${k}] = p;`, '}', 'o = p;');
  }
  out.push(`${g.ref(noteWritten)}(o, ${last}, v);`, `o[${last}] = v;`);
  return out;
}
