/**
 * Python renderings of values, as the reference engine prints them into keyword fields:
 * `str()` for scalars and `json.dumps(v, sort_keys=True, separators=(",", ":"))` for containers.
 *
 * ensure_ascii is off: non-ASCII characters in a JSON-rendered object stay as they are, only
 * quotes, backslashes and control characters are escaped (every catalog test with non-ASCII
 * text in such a value expects it raw: docs/catalog-rules/taxonomy.md). Plain strings are
 * never escaped.
 */
import { PyFloat } from '../core/values.js';

/** Python `repr(float)`: shortest round-trip digits, fixed notation for exponents -4..15. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const exp = Number(expText);
  const digits = mantissa.replace('.', '');
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
    const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
  }
  const absExp = Math.abs(exp);
  return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${absExp < 10 ? '0' : ''}${absExp}`;
}

/** Python `str()` of an int, float or bool as the engine stores them (see values.ts). */
export function pyScalarText(v: number | bigint | PyFloat | boolean): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (Number.isInteger(v)) return Number.isSafeInteger(v) ? String(v) : BigInt(v).toString();
  return pyFloatRepr(v);
}

/** Code point order (Python's str ordering), which differs from UTF-16 order only around surrogates. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // A surrogate (an astral code point) sorts above every BMP character from U+E000 on.
    const sa = ca >= 0xd800 && ca <= 0xdfff;
    const sb = cb >= 0xd800 && cb <= 0xdfff;
    if (sa !== sb) return sa ? 1 : -1;
    return ca - cb;
  }
  return a.length - b.length;
}

const JSON_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
const NEEDS_ESCAPE = /["\\\u0000-\u001f]/;
const ESCAPABLE = /["\\\u0000-\u001f]/g;

function escapeChar(c: string): string {
  return JSON_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A JSON string literal as `json.dumps(..., ensure_ascii=False)` writes it. */
export function pyJsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? `"${s.replace(ESCAPABLE, escapeChar)}"` : `"${s}"`;
}

function pyJsonNumber(v: number | PyFloat | bigint): string {
  if (typeof v === 'bigint') return v.toString();
  const x = v instanceof PyFloat ? v.value : v;
  // json.dumps writes NaN/Infinity as bare words (allow_nan=True).
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return pyScalarText(v);
}

/** `json.dumps(v, sort_keys=True, separators=(",", ":"))` over the engine's value model. */
export function pyCompactJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return pyJsonString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat) return pyJsonNumber(v);
  if (Array.isArray(v)) return `[${v.map(pyCompactJson).join(',')}]`;
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj).sort(compareCodePoints);
    return `{${keys.map((k) => `${pyJsonString(k)}:${pyCompactJson(obj[k])}`).join(',')}}`;
  }
  return pyJsonString(String(v));
}
