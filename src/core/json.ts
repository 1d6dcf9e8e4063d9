/**
 * JSON parse/serialize that keep Python's view of numbers: integral floats (`6.0`, `1e3`) become
 * PyFloat, integers beyond 2^53 become bigint, and serialization prints them back the Python way.
 */
import { PyFloat, pyFloatJson } from './values.js';

export class JsonSyntaxError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

/** Nesting deeper than this is refused (Python's own limit is the same order of magnitude). */
export const MAX_JSON_DEPTH = 1000;

export interface JsonOptions {
  /**
   * Integers outside the 64-bit range (below -2^63 or above 2^64 - 1) are rounded to the
   * nearest double and kept as integers, as a reader with 64-bit integers and a double
   * fallback gives them. Off: every integer is exact, as Python's `json` keeps it.
   */
  readonly int64?: boolean;
}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** JSON.parse that keeps Python numbers (see module doc); throws JsonSyntaxError with position. */
export function parseJson(text: string, options: JsonOptions = {}): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // Re-parse to get our own message and position (V8's wording varies between versions).
    new SlowParser(text, false).parseDocument();
    throw new JsonSyntaxError((err as Error).message, 0);
  }
  // Only an integral number can hide a Python float (`6.0`, `1e3`) or a bigint, and only deep
  // nesting must be refused: without either, JSON.parse's value is exact and the text scan is skipped.
  if (mayDiffer(value, 0) && needsSlowPath(text)) return new SlowParser(text, options.int64 === true).parseDocument();
  return value;
}

/**
 * True when `v` holds a number for which `test` holds, or nests deeper than MAX_JSON_DEPTH.
 * Walking a value skips its strings, which a scan of its text would have to read (measured on
 * the built-in formats' events: the walk costs less than a regex over the serialized text).
 * A PyFloat is walked too: its `value` is the number it stands for.
 */
function holdsNumber(v: unknown, depth: number, test: (n: number) => boolean): boolean {
  if (typeof v === 'number') return test(v);
  if (typeof v !== 'object' || v === null) return false;
  if (depth >= MAX_JSON_DEPTH) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (holdsNumber(v[i], depth + 1, test)) return true;
    return false;
  }
  for (const key in v) if (holdsNumber((v as Record<string, unknown>)[key], depth + 1, test)) return true;
  return false;
}

/** True when `v` holds an integral number (or nests too deep): only those can hide a Python float or a bigint. */
function mayDiffer(v: unknown, depth: number): boolean {
  return holdsNumber(v, depth, Number.isInteger);
}

/** A number that JS and Python write differently: below 1e-4, from 1e21 up (`1e-5` vs `1e-05`). */
function isJsOnlyNumber(n: number): boolean {
  return n !== 0 && ((n < 1e-4 && n > -1e-4) || n >= 1e21 || n <= -1e21);
}

/**
 * True when plain JSON.parse would get a number wrong (exponent, zero-only fraction, an integer
 * beyond 2^53 - 1, a long fraction that rounds to an integer: PyFloat or bigint needed) or nesting
 * may exceed the depth bound. Strings are skipped with indexOf, which is much cheaper than a regex over the
 * whole text: measured on the catalog's events, this scan alone costs less than any regex
 * pre-check in front of it (a regex walks every character, strings included, and hex or version
 * strings defeat it).
 */
function needsSlowPath(text: string): boolean {
  const len = text.length;
  let opens = 0;
  for (let p = 0; p < len; p++) {
    const c = text.charCodeAt(p);
    if (c === Ch.Quote) {
      let q = text.indexOf('"', p + 1);
      while (q !== -1 && isEscaped(text, q)) q = text.indexOf('"', q + 1);
      if (q === -1) return true; // malformed: let the slow parser report it
      p = q;
    } else if (c >= Ch.Zero && c <= Ch.Nine) {
      const start = p;
      while (p + 1 < len && isDigit(text.charCodeAt(p + 1))) p++;
      // 16 digits are exact up to 2^53 - 1 (flow and event ids often have 16).
      const digits = p - start + 1;
      if (digits > 16 || (digits === 16 && text.slice(start, p + 1) > MAX_SAFE_DIGITS)) return true;
      let d = text.charCodeAt(p + 1);
      if (d === Ch.Dot) {
        p++;
        let nonZero = false;
        for (d = text.charCodeAt(p + 1); isDigit(d); d = text.charCodeAt(++p + 1)) if (d !== Ch.Zero) nonZero = true;
        if (!nonZero) return true;
        // More digits than a double holds: the value may round to an integer (0.99999999999999999
        // is 1, which Python keeps a float).
        if (p - start >= 16 && Number.isInteger(Number(text.slice(start, p + 1)))) return true;
      }
      if (d === Ch.LowerE || d === Ch.UpperE) return true;
    } else if ((c === Ch.LBrace || c === Ch.LBracket) && ++opens > MAX_JSON_DEPTH) {
      return true;
    }
  }
  return false;
}

const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER);

function isDigit(c: number): boolean {
  return c >= Ch.Zero && c <= Ch.Nine;
}

/** True when the quote at q is preceded by an odd number of backslashes. */
function isEscaped(text: string, q: number): boolean {
  let n = 0;
  while (text.charCodeAt(q - 1 - n) === Ch.Backslash) n++;
  return (n & 1) === 1;
}

const enum Ch {
  Tab = 9, Lf = 10, Cr = 13, Space = 32, Quote = 34, Plus = 43, Comma = 44, Minus = 45, Dot = 46,
  Zero = 48, Nine = 57, Colon = 58, UpperE = 69, LBracket = 91, Backslash = 92, RBracket = 93,
  LowerE = 101, LBrace = 123, RBrace = 125,
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Recursive-descent parser; recursion is bounded by MAX_JSON_DEPTH so it cannot overflow the stack. */
class SlowParser {
  private pos = 0;
  constructor(private readonly text: string, private readonly int64: boolean) {}

  parseDocument(): unknown {
    this.skipWs();
    const value = this.parseValue(0);
    this.skipWs();
    if (this.pos < this.text.length) this.fail('Unexpected data after JSON value');
    return value;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message, this.pos);
  }

  private skipWs(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab) p++;
      else break;
    }
    this.pos = p;
  }

  private parseValue(depth: number): unknown {
    const c = this.text.charCodeAt(this.pos);
    if (c === Ch.LBrace) return this.parseObject(depth + 1);
    if (c === Ch.LBracket) return this.parseArray(depth + 1);
    if (c === Ch.Quote) return this.parseString();
    if (c === Ch.Minus || (c >= Ch.Zero && c <= Ch.Nine)) return this.parseNumber();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    this.fail(this.pos >= this.text.length ? 'Unexpected end of JSON input' : 'Unexpected token');
  }

  private literal<T>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  private parseObject(depth: number): Record<string, unknown> {
    if (depth > MAX_JSON_DEPTH) this.fail(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    const obj: Record<string, unknown> = {};
    this.pos++;
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === Ch.RBrace) {
      this.pos++;
      return obj;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== Ch.Quote) this.fail('Expected a string key');
      const key = this.parseString();
      this.skipWs();
      if (this.text.charCodeAt(this.pos) !== Ch.Colon) this.fail("Expected ':' after key");
      this.pos++;
      this.skipWs();
      const value = this.parseValue(depth);
      if (key === '__proto__') {
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
      } else {
        obj[key] = value;
      }
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === Ch.Comma) {
        this.skipWs();
        continue;
      }
      if (c === Ch.RBrace) return obj;
      this.pos--;
      this.fail("Expected ',' or '}' in object");
    }
  }

  private parseArray(depth: number): unknown[] {
    if (depth > MAX_JSON_DEPTH) this.fail(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    const arr: unknown[] = [];
    this.pos++;
    this.skipWs();
    if (this.text.charCodeAt(this.pos) === Ch.RBracket) {
      this.pos++;
      return arr;
    }
    for (;;) {
      arr.push(this.parseValue(depth));
      this.skipWs();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === Ch.Comma) {
        this.skipWs();
        continue;
      }
      if (c === Ch.RBracket) return arr;
      this.pos--;
      this.fail("Expected ',' or ']' in array");
    }
  }

  private parseString(): string {
    const t = this.text;
    const start = ++this.pos;
    let p = start;
    // Fast scan for the common case: no escapes.
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === Ch.Quote) {
        this.pos = p + 1;
        return t.slice(start, p);
      }
      if (c === Ch.Backslash || c < 0x20 || Number.isNaN(c)) break;
      p++;
    }
    let out = t.slice(start, p);
    for (;;) {
      const c = t.charCodeAt(p);
      if (Number.isNaN(c)) {
        this.pos = p;
        this.fail('Unterminated string');
      }
      if (c === Ch.Quote) {
        this.pos = p + 1;
        return out;
      }
      if (c < 0x20) {
        this.pos = p;
        this.fail('Bad control character in string');
      }
      if (c !== Ch.Backslash) {
        const runStart = p;
        while (p < t.length) {
          const d = t.charCodeAt(p);
          if (d === Ch.Quote || d === Ch.Backslash || d < 0x20) break;
          p++;
        }
        out += t.slice(runStart, p);
        continue;
      }
      const e = t[p + 1];
      if (e === 'u') {
        const hex = t.slice(p + 2, p + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.pos = p;
          this.fail('Bad Unicode escape');
        }
        out += String.fromCharCode(parseInt(hex, 16)); // surrogate pairs join naturally
        p += 6;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        p += 2;
      } else {
        this.pos = p;
        this.fail('Bad escaped character');
      }
    }
  }

  private parseNumber(): unknown {
    const t = this.text;
    const start = this.pos;
    let p = start;
    if (t.charCodeAt(p) === Ch.Minus) p++;
    let c = t.charCodeAt(p);
    if (c === Ch.Zero) p++;
    else if (c >= Ch.Zero + 1 && c <= Ch.Nine) p = this.digits(p);
    else {
      this.pos = p;
      this.fail('No number after minus sign');
    }
    let isFloat = false;
    if (t.charCodeAt(p) === Ch.Dot) {
      isFloat = true;
      const q = this.digits(p + 1);
      if (q === p + 1) {
        this.pos = q;
        this.fail('Unterminated fractional number');
      }
      p = q;
    }
    c = t.charCodeAt(p);
    if (c === Ch.LowerE || c === Ch.UpperE) {
      isFloat = true;
      p++;
      c = t.charCodeAt(p);
      if (c === Ch.Plus || c === Ch.Minus) p++;
      const q = this.digits(p);
      if (q === p) {
        this.pos = q;
        this.fail('Exponent part is missing a number');
      }
      p = q;
    }
    this.pos = p;
    const token = t.slice(start, p);
    const n = Number(token);
    if (isFloat) return Number.isInteger(n) ? new PyFloat(n) : n;
    if (Number.isSafeInteger(n)) return n;
    const big = BigInt(token);
    if (this.int64 && (big < INT64_MIN || big > UINT64_MAX) && Number.isFinite(n)) return BigInt(n);
    return big;
  }

  private digits(p: number): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c >= Ch.Zero && c <= Ch.Nine) p++;
      else return p;
    }
  }
}

/** Python's repr() of a float, which JSON output follows (`6.0`, `1e+16`, `1e-05`). */
export function formatPyFloat(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'nan' : n > 0 ? 'inf' : '-inf';
  const abs = Math.abs(n);
  if (abs < 1e16 && (abs >= 1e-4 || n === 0)) {
    const s = String(n);
    if (Number.isInteger(n)) return Object.is(n, -0) ? '-0.0' : `${s}.0`;
    return s;
  }
  // Scientific form: same shortest digits as JS, Python's layout (mantissa, two-digit exponent).
  const [mantissa, exp] = n.toExponential().split('e');
  const e = Number(exp);
  const sign = e < 0 ? '-' : '+';
  const digits = String(Math.abs(e)).padStart(2, '0');
  return `${mantissa}e${sign}${digits}`;
}

/** Compact JSON (no spaces) of a value, Python-style numbers; undefined members are skipped. */
export function stringifyJson(value: unknown): string {
  // Fast path: native JSON.stringify, with PyFloats rendered as marked strings and unmarked after.
  // The marker holds a per-process random token, so event text cannot forge one; bigints (which
  // JSON.stringify refuses), numbers JS writes unlike Python and over-deep values take the
  // hand-written walk.
  if (holdsNumber(value, 0, isJsOnlyNumber)) return writeSlow(value);
  sawPyFloat = false;
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'null';
  } catch {
    return writeSlow(value);
  }
  return sawPyFloat ? text.replace(PY_FLOAT_MARKED, '$1') : text;
}

/** The hand-written serializer (bigints, depth errors); same output as the fast path. */
export function writeSlow(value: unknown): string {
  return write(value, 0) ?? 'null';
}

const PY_FLOAT_TOKEN = `pyfloat${Math.random().toString(36).slice(2, 10)}:`;
const PY_FLOAT_MARKED = new RegExp(`"${PY_FLOAT_TOKEN}(-?[0-9][0-9.e+-]*|null)"`, 'g');
let sawPyFloat = false;
pyFloatJson.render = (n: number): unknown => {
  sawPyFloat = true;
  return PY_FLOAT_TOKEN + (Number.isFinite(n) ? formatPyFloat(n) : 'null');
};

/** A plain number: an int when integral, else a float with a fraction (values.ts). */
function writeNumber(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  const abs = Math.abs(n);
  if (Number.isInteger(n)) return abs < 1e21 ? String(n) : BigInt(n).toString();
  return abs >= 1e-4 ? String(n) : formatPyFloat(n);
}

function write(v: unknown, depth: number): string | undefined {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
      return writeNumber(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
    case 'object':
      break;
    default:
      return undefined; // undefined, functions, symbols
  }
  if (v === null) return 'null';
  if (v instanceof PyFloat) return Number.isFinite(v.value) ? formatPyFloat(v.value) : 'null';
  if (depth >= MAX_JSON_DEPTH) throw new RangeError(`value nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    let out = '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out += ',';
      out += write(v[i], depth + 1) ?? 'null';
    }
    return out + ']';
  }
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(v), depth + 1);
  let out = '{';
  const keys = Object.keys(v);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const s = write((v as Record<string, unknown>)[key], depth + 1);
    if (s === undefined) continue;
    out += out.length === 1 ? quote(key) + ':' + s : ',' + quote(key) + ':' + s;
  }
  return out + '}';
}

/** Characters JSON.stringify would escape (quotes, backslash, controls, any surrogate). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : '"' + s + '"';
}
