import { compileCondition, compileValue, isTemplate, parsePythonLiteral, pyStr, renderedValue } from '../language/index.js';
import { isDict } from '../core/values.js';
import { isAdmissible } from './admission.js';
import { generateSet } from './generated-set.js';
import { cloneValue, deletePath, getPath, pathWriter, splitPath } from './paths.js';
import type { CompileSink } from './compile-sink.js';
import { WRITE_DROP } from '../taxonomy/index.js';

export type Scope = Record<string, unknown>;

/** Everything an action needs at run time for one event. */
export interface EventState {
  scope: Scope;
  final: Record<string, unknown>;
  layers: Record<string, unknown>;
  /** The layer of the custom stage running, when its name is read by some template; else null. */
  stage: Record<string, unknown> | null;
}

export type Action = (state: EventState) => void;
type ValueFn = (scope: Scope) => unknown;

/** Compiles one action of a custom stage (`set`, `translate` or `delete`); `where` locates it in parser.yml. */
export function compileAction(raw: unknown, where: (string | number)[], sink: CompileSink): Action | undefined {
  if (!isDict(raw)) {
    sink.problem(where, `an action must be a mapping with set, translate (mapping + dictionary) or delete, got ${describe(raw)}`);
    return undefined;
  }
  const condition = raw.filter === undefined || raw.filter === null ? undefined : compileFilter(raw.filter, [...where, 'filter'], sink);
  let body: Action | undefined;
  if (raw.set !== undefined) body = compileSet(raw.set, [...where, 'set'], sink);
  else if (raw.mapping !== undefined || raw.dictionary !== undefined) body = compileTranslate(raw, where, sink);
  else if (raw.delete !== undefined) body = compileDelete(raw.delete, [...where, 'delete'], sink);
  else {
    sink.problem(where, `unknown action: expected one of set, translate (mapping + dictionary), delete; found keys ${Object.keys(raw).join(', ') || '(none)'}`);
    return undefined;
  }
  if (!body || !condition) return body;
  const run = body;
  return (state) => {
    if (condition(state.scope)) run(state);
  };
}

/** A filter template; an empty filter means "always". Syntax errors are reported and make it false. */
export function compileFilter(source: unknown, where: (string | number)[], sink: CompileSink): ((scope: Scope) => boolean) | undefined {
  if (source === undefined || source === null || source === '') return undefined;
  if (typeof source === 'boolean') return source ? undefined : () => false;
  try {
    return compileCondition(String(source), (message) => sink.templateNote(where, message));
  } catch (err) {
    sink.templateProblem(where, err);
    return () => false;
  }
}

/** A value as `set` sees it (parser-language 4.1/4.2): templates, plain text parsed as Python literal, lists. */
export function compileSetValue(raw: unknown, where: (string | number)[], sink: CompileSink): ValueFn {
  if (typeof raw === 'string') {
    if (isTemplate(raw)) {
      try {
        return compileValue(raw, (message) => sink.templateNote(where, message));
      } catch (err) {
        sink.templateProblem(where, err);
        return () => undefined;
      }
    }
    const literal = parsePythonLiteral(raw.trim());
    const constant = literal.ok ? literal.value : raw;
    return () => cloneValue(constant);
  }
  if (Array.isArray(raw)) {
    const items = raw.map((item, i) => compileSetValue(item, [...where, i], sink));
    return (scope) => {
      const out: unknown[] = [];
      for (const item of items) {
        // An element that raises makes the whole value raise (nothing is written); empty elements are dropped.
        const value = item(scope);
        if (value !== undefined && value !== null && value !== '') out.push(value);
      }
      return out;
    };
  }
  return () => cloneValue(raw);
}

/** A translation written as text is a rendered value too: `'["iam"]'` is a list (rule 4.2). */
function constantValue(raw: unknown): unknown {
  return typeof raw === 'string' ? renderedValue(raw) : raw;
}

function compileSet(raw: unknown, where: (string | number)[], sink: CompileSink): Action | undefined {
  if (!isDict(raw)) {
    sink.problem(where, `set expects a mapping of field path to value, got ${describe(raw)}`);
    return undefined;
  }
  // Each entry stores a copy of an object value (generated-set): later writes inside it leave the source alone.
  return generateSet(raw, where, sink, (value, at) => compileSetValue(value, at, sink));
}

function compileTranslate(raw: Record<string, unknown>, where: (string | number)[], sink: CompileSink): Action | undefined {
  const mapping = raw.mapping;
  const dictionary = raw.dictionary;
  if (!isDict(mapping) || Object.keys(mapping).length === 0) {
    sink.problem([...where, 'mapping'], 'translate expects `mapping`: a non-empty map of source path to target path');
    return undefined;
  }
  if (!isDict(dictionary)) {
    sink.problem([...where, 'dictionary'], 'translate expects `dictionary`: a map of value to translation');
    return undefined;
  }
  // Lookup compares Python str() forms: the int key 17 matches "17", the YAML 1.1 key `yes` is True → "True".
  const table = new Map<string, unknown>();
  const typed = sink.typedKeys([...where, 'dictionary']) ?? Object.keys(dictionary);
  for (const typedKey of typed) {
    const jsKey = typedKey === null || typedKey === undefined ? '' : String(typedKey);
    if (!Object.hasOwn(dictionary, jsKey)) continue;
    table.set(typedKey === null || typedKey === undefined ? 'None' : pyStr(typedKey), constantValue(dictionary[jsKey]));
  }
  const fallback = constantValue(raw.fallback !== undefined ? raw.fallback : raw.default);
  const ignored = sink.ignoredValues;
  const pairs = Object.keys(mapping).map((source) => {
    const target = splitPath(String(mapping[source]));
    // A declared scalar target stores the coerced translation, as a set does (taxonomy.md).
    return { source: splitPath(source), rest: splitPath(source).slice(1), write: pathWriter(target), coerce: sink.writeCoercion(target) };
  });
  return (state) => {
    for (const pair of pairs) {
      const value = resolveLayerThenFinal(state, pair.source, pair.rest);
      let result: unknown = fallback;
      if (value !== undefined && value !== null) {
        const key = pyStr(value);
        if (table.has(key)) result = table.get(key);
      }
      if (isAdmissible(result, ignored)) {
        if (pair.coerce !== undefined) {
          result = pair.coerce(result);
          if (result === WRITE_DROP) continue;
        }
        pair.write(state.final, cloneValue(result));
        if (state.stage !== null) pair.write(state.stage, cloneValue(result));
      }
    }
  };
}

/** A translate source: a layer path (or `original...`) first, then a path in `final`; `rest` is keys without the head. */
function resolveLayerThenFinal(state: EventState, keys: readonly string[], rest: readonly string[]): unknown {
  const head = keys[0]!;
  if (head === 'final') return getPath(state.final, rest);
  if (head === 'original' || Object.hasOwn(state.layers, head)) {
    const v = getPath(state.scope[head], rest);
    if (v !== undefined) return v;
  }
  return getPath(state.final, keys);
}

function compileDelete(raw: unknown, where: (string | number)[], sink: CompileSink): Action | undefined {
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) {
    sink.problem(where, 'delete expects a list of field paths');
    return undefined;
  }
  const paths = (list as string[]).map(splitPath);
  return (state) => {
    for (const keys of paths) {
      deletePath(state.final, keys);
      if (state.stage !== null) deletePath(state.stage, keys);
    }
  };
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}
