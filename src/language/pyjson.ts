/** JSON ↔ Python values, with Python's `json` module conventions (int/float kept apart). */
import { dictSet } from './access.js';
import { fail } from './errors.js';
import { PyObject } from './objects.js';
import { floatRepr, isPyDict, normInt, typeName } from './runtime.js';
import { PyFloat, pyFloat } from './values.js';

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
    const sep = indent === null ? ', ' : ',';
    let out: string;
    if (Array.isArray(v)) {
      out = v.length ? '[' + v.map((x) => nl + enc(x, level + 1)).join(sep) + end + ']' : '[]';
    } else if (isPyDict(v)) {
      const keys = Object.keys(v);
      if (opts.sortKeys) keys.sort();
      out = keys.length ? '{' + keys.map((k) => nl + jsonString(k, ensureAscii) + ': ' + enc(v[k], level + 1)).join(sep) + end + '}' : '{}';
    } else fail(`Object of type ${typeName(v)} is not JSON serializable`);
    seen.pop();
    return out;
  };
  return enc(value, 0);
}

// ---------------------------------------------------------------- loads

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Python json.loads(text). Throws TemplateRuntimeError on malformed input. */
export function pyJsonLoads(text: string): unknown {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const err = (msg: string): never => fail(`JSONDecodeError: ${msg}: char ${i}`);
  let depth = 0;
  const value = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      if (++depth > 1000) err('too deep');
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        depth--;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') err('Expecting property name enclosed in double quotes');
        const k = str();
        ws();
        if (text[i] !== ':') err("Expecting ':' delimiter");
        i++;
        dictSet(obj, k, value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          depth--;
          return obj;
        }
        err("Expecting ',' delimiter");
      }
    }
    if (c === '[') {
      if (++depth > 1000) err('too deep');
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        depth--;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          depth--;
          return arr;
        }
        err("Expecting ',' delimiter");
      }
    }
    if (c === '"') return str();
    for (const [lit, v] of [
      ['null', null],
      ['true', true],
      ['false', false],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ] as const) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) err('Expecting value');
    i += m![0].length;
    if (m![1] === undefined && m![2] === undefined) {
      const n = Number(m![0]);
      return Number.isSafeInteger(n) ? n : normInt(BigInt(m![0]));
    }
    return pyFloat(Number(m![0]));
  };
  const str = (): string => {
    i++;
    let out = '';
    for (;;) {
      const j = i;
      while (i < text.length && text[i] !== '"' && text[i] !== '\\' && text.charCodeAt(i) >= 0x20) i++;
      out += text.slice(j, i);
      if (i >= text.length) err('Unterminated string');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c !== '\\') err('Invalid control character');
      const e = text[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && Object.hasOwn(simple, e)) {
        out += simple[e];
        i += 2;
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else err('Invalid \\escape');
    }
  };
  const v = value();
  ws();
  if (i !== text.length) err('Extra data');
  return v;
}
