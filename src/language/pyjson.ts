/** JSON ↔ Python values, with Python's `json` module conventions (int/float kept apart). */
import { parseJson } from '../core/json.js';
import { fail } from './errors.js';
import { PyObject } from './objects.js';
import { floatRepr, isPyDict, typeName } from './runtime.js';
import { PyFloat } from '../core/values.js';

// ---------------------------------------------------------------- dumps

function jsonString(s: string, ensureAscii: boolean): string {
  // eslint-disable-next-line no-control-regex
  const re = ensureAscii ? /[\\"\u0000-\u001f\u007f-\uffff]/g : /[\\"\u0000-\u001f]/g;
  return (
    '"' +
    s.replace(re, (c) => {
      switch (c) {
        case '"':
          return '\\"';
        case '\\':
          return '\\\\';
        case '\n':
          return '\\n';
        case '\r':
          return '\\r';
        case '\t':
          return '\\t';
        case '\b':
          return '\\b';
        case '\f':
          return '\\f';
      }
      return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
    }) +
    '"'
  );
}

export interface DumpOptions {
  sortKeys?: boolean;
  indent?: number | string | null;
  ensureAscii?: boolean;
  /** separators=(',', ':') */
  compact?: boolean;
}

/** Python json.dumps(value). Raises for values JSON cannot represent (undefined, objects). */
export function pyJsonDumps(value: unknown, opts: DumpOptions = {}): string {
  const ensureAscii = opts.ensureAscii ?? true;
  const indent = opts.indent === null || opts.indent === undefined ? null : typeof opts.indent === 'number' ? ' '.repeat(opts.indent) : opts.indent;
  const seen: unknown[] = [];
  const enc = (v: unknown, level: number): string => {
    switch (typeof v) {
      case 'string':
        return jsonString(v, ensureAscii);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'number':
        if (Number.isInteger(v)) return String(v);
        return Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Infinity' : v === -Infinity ? '-Infinity' : floatRepr(v);
      case 'bigint':
        return v.toString();
    }
    if (v === null) return 'null';
    if (v instanceof PyFloat) return floatRepr(v.value);
    if (v === undefined || v instanceof PyObject || typeof v !== 'object') fail(`Object of type ${typeName(v)} is not JSON serializable`);
    if (seen.includes(v)) fail('Circular reference detected');
    seen.push(v);
    const nl = indent === null ? '' : '\n' + indent.repeat(level + 1);
    const end = indent === null ? '' : '\n' + indent.repeat(level);
    const sep = indent === null && !opts.compact ? ', ' : ',';
    const colon = opts.compact ? ':' : ': ';
    let out: string;
    if (Array.isArray(v)) {
      out = v.length ? '[' + v.map((x) => nl + enc(x, level + 1)).join(sep) + end + ']' : '[]';
    } else if (isPyDict(v)) {
      const keys = Object.keys(v);
      if (opts.sortKeys) keys.sort();
      out = keys.length ? '{' + keys.map((k) => nl + jsonString(k, ensureAscii) + colon + enc(v[k], level + 1)).join(sep) + end + '}' : '{}';
    } else fail(`Object of type ${typeName(v)} is not JSON serializable`);
    seen.pop();
    return out;
  };
  return enc(value, 0);
}

// ---------------------------------------------------------------- loads

/** Python json.loads(text), through the engine's one JSON parser. Throws TemplateRuntimeError on malformed input. */
export function pyJsonLoads(text: string): unknown {
  try {
    return parseJson(text);
  } catch (err) {
    return fail(`JSONDecodeError: ${(err as Error).message}`);
  }
}
