/**
 * Python semantics on the engine's value model: truthiness, str()/repr(), equality, ordering,
 * arithmetic, membership, iteration, len, slicing.
 */
import { fail, TemplateRuntimeError } from './errors.js';
import { LIMITS } from './limits.js';
import { PyGenerator, PyObject, PyRange, PyView } from './objects.js';
import { PyFloat, PyTuple, pyFloat } from '../core/values.js';

// ---------------------------------------------------------------- types

/** A Python dict: a plain JS object (prototype Object.prototype or null). */
export function isPyDict(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

export function isPyList(v: unknown): v is unknown[] {
  return Array.isArray(v) && !(v instanceof PyTuple);
}

export function typeName(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return 'Undefined';
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return Number.isInteger(v) ? 'int' : 'float';
    case 'object':
      if (v === null) return 'NoneType';
      if (v instanceof PyFloat) return 'float';
      if (v instanceof PyTuple) return 'tuple';
      if (Array.isArray(v)) return 'list';
      if (v instanceof PyObject) return v.typeName;
      if (isPyDict(v)) return 'dict';
      return 'object';
    default:
      return 'object';
  }
}

/**
 * `x | int` and friends on a missing field raise this on many events; the error carries no stack
 * and nothing mutates it, so the common wording is one shared instance instead of a new one per throw.
 */
let undefinedValueError: TemplateRuntimeError | undefined;

let undefinedAttributeError: TemplateRuntimeError | undefined;

/** An attribute, item or method of Undefined (Jinja2 raises UndefinedError); one shared instance. */
export function undefinedAttribute(): never {
  throw (undefinedAttributeError ??= new TemplateRuntimeError('attribute of an undefined value'));
}

export function undefinedError(what = 'value'): never {
  if (what === 'value') throw (undefinedValueError ??= new TemplateRuntimeError("'value' is undefined"));
  fail(`'${what}' is undefined`);
}

// ---------------------------------------------------------------- numbers

/** An int (bool included) as number/bigint, or null when v is not an int. */
export function asInt(v: unknown): number | bigint | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return v;
  return null;
}

/** Any Python number (bool, int, float) as a JS number; null otherwise. */
export function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

function isFloatValue(v: unknown): boolean {
  return v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
}

function isNum(v: unknown): boolean {
  return typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v instanceof PyFloat;
}

/** bigint back to number when it fits exactly. */
export function normInt(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

function big(v: number | bigint): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

function checkBigSize(b: bigint): bigint {
  const bits = (b < 0n ? -b : b).toString(16).length * 4;
  if (bits > LIMITS.maxIntBits) fail('integer result too large');
  return b;
}

/** Python float repr(). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expS] = x.toExponential().split('e') as [string, string];
  const exp = Number(expS);
  const neg = x < 0;
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp >= -5 && exp < 16) {
    if (exp >= 0) {
      const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
      const frac = digits.length > exp + 1 ? digits.slice(exp + 1) : '0';
      out = `${intPart}.${frac}`;
    } else {
      out = `0.${'0'.repeat(-exp - 1)}${digits}`;
    }
  } else {
    const rest = digits.slice(1);
    const e = Math.abs(exp);
    out = `${digits[0]}${rest ? '.' + rest : ''}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  return neg ? '-' + out : out;
}

function intStr(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}

// ---------------------------------------------------------------- strings (code points)

const SURROGATE = /[\uD800-\uDFFF]/;

export function strLen(s: string): number {
  return SURROGATE.test(s) ? Array.from(s).length : s.length;
}

export function strChars(s: string): string[] {
  return SURROGATE.test(s) ? Array.from(s) : s.split('');
}

export function checkLength(n: number): void {
  if (n > LIMITS.maxStringLength) fail(`string too long (${n} characters)`);
}

// ---------------------------------------------------------------- truthiness / str / repr

export function truthy(v: unknown): boolean {
  switch (typeof v) {
    case 'undefined':
      return false;
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0;
    case 'bigint':
      return v !== 0n;
    case 'object':
      if (v === null) return false;
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof PyFloat) return v.value !== 0;
      if (v instanceof PyRange) return v.length > 0;
      if (v instanceof PyView) return v.items.length > 0;
      if (v instanceof PyObject) return true;
      for (const k in v) if (Object.hasOwn(v, k)) return true;
      return false;
    default:
      return true;
  }
}

/** Python str(); undefined renders as "". */
export function pyStr(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'undefined':
      return '';
    case 'boolean':
      return v ? 'True' : 'False';
    case 'number':
      return Number.isInteger(v) ? intStr(v) : floatRepr(v);
    case 'bigint':
      return v.toString();
    default:
      if (v === null) return 'None';
      if (v instanceof PyFloat) return floatRepr(v.value);
      return pyRepr(v);
  }
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\\]/u;
const NON_PRINTABLE_G = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\\]/gu;

function escapeChar(c: string): string {
  switch (c) {
    case '\\':
      return '\\\\';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case ' ':
      return ' ';
  }
  const cp = c.codePointAt(0)!;
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** Python repr() of a str. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let body = NON_PRINTABLE.test(s) ? s.replace(NON_PRINTABLE_G, escapeChar) : s;
  if (quote === "'" && body.includes("'")) body = body.replace(/'/g, "\\'");
  return quote + body + quote;
}

/** Python repr(). */
export function pyRepr(v: unknown, seen: unknown[] = [], sortKeys = false): string {
  if (typeof v === 'string') return strRepr(v);
  if (v === undefined) return 'Undefined';
  if (typeof v !== 'object' || v === null || v instanceof PyFloat) return pyStr(v);
  if (v instanceof PyObject) return v.repr();
  if (seen.includes(v)) return Array.isArray(v) ? (v instanceof PyTuple ? '(...)' : '[...]') : '{...}';
  if (seen.length > LIMITS.maxDepth * 5) fail('maximum recursion depth exceeded');
  seen.push(v);
  let out: string;
  if (Array.isArray(v)) {
    const parts = v.map((x) => pyRepr(x, seen, sortKeys));
    out = v instanceof PyTuple ? (parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`) : `[${parts.join(', ')}]`;
  } else if (isPyDict(v)) {
    const parts: string[] = [];
    const keys = Object.keys(v);
    if (sortKeys) keys.sort();
    for (const k of keys) parts.push(`${strRepr(k)}: ${pyRepr(v[k], seen, sortKeys)}`);
    out = `{${parts.join(', ')}}`;
  } else {
    out = `<object>`;
  }
  seen.pop();
  return out;
}

// ---------------------------------------------------------------- equality / ordering

export function pyEq(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return a === a; // NaN != NaN
  if (a === undefined || b === undefined || a === null || b === null) return false;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'string' || tb === 'string') return false;
  if (isNum(a) && isNum(b)) {
    if (ta === 'bigint' || tb === 'bigint') {
      const ia = asInt(a);
      const ib = asInt(b);
      if (ia !== null && ib !== null) return big(ia) === big(ib);
      return asNumber(a) === asNumber(b);
    }
    return asNumber(a) === asNumber(b);
  }
  if (depth > LIMITS.maxDepth * 5) fail('maximum recursion depth exceeded in comparison');
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a instanceof PyTuple !== b instanceof PyTuple || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEq(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (isPyDict(a) && isPyDict(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!Object.hasOwn(b, k) || !pyEq(a[k], b[k], depth + 1)) return false;
    return true;
  }
  if (a instanceof PyRange && b instanceof PyRange) {
    return a.length === b.length && (a.length === 0 || (a.start === b.start && (a.length === 1 || a.step === b.step)));
  }
  return false;
}

/** Python `a < b` (-1/0/1 ordering helper): returns negative, zero or positive; raises TypeError. */
export function pyCompare(a: unknown, b: unknown, op = '<'): number {
  if (a === undefined || b === undefined) undefinedError();
  if (isNum(a) && isNum(b)) {
    if (typeof a === 'bigint' || typeof b === 'bigint') {
      const ia = asInt(a);
      const ib = asInt(b);
      if (ia !== null && ib !== null) {
        const x = big(ia);
        const y = big(ib);
        return x < y ? -1 : x > y ? 1 : 0;
      }
    }
    const x = asNumber(a)!;
    const y = asNumber(b)!;
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (Array.isArray(a) && Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(a[i], b[i])) return pyCompare(a[i], b[i], op);
    }
    return a.length - b.length;
  }
  fail(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/** False where pyCompare raises TypeError on the values themselves (None against a number, a text against a number). */
export function orderable(a: unknown, b: unknown): boolean {
  if (isNum(a)) return isNum(b);
  if (typeof a === 'string') return typeof b === 'string';
  return Array.isArray(a) && Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple;
}

export function compareOp(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return pyEq(a, b);
    case '!=':
      return !pyEq(a, b);
    case '<':
      return pyCompare(a, b, op) < 0;
    case '<=':
      return pyCompare(a, b, op) <= 0;
    case '>':
      return pyCompare(a, b, op) > 0;
    case '>=':
      return pyCompare(a, b, op) >= 0;
    case 'in':
      return contains(b, a);
    case 'notin':
      return !contains(b, a);
  }
  fail(`unknown operator ${op}`);
}

// ---------------------------------------------------------------- membership / iteration / len

export function contains(container: unknown, item: unknown): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') {
      if (item === undefined) undefinedError();
      fail(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    }
    return container.includes(item);
  }
  if (Array.isArray(container)) {
    for (const x of container) if (pyEq(x, item)) return true;
    return false;
  }
  if (container === undefined) return false;
  if (isPyDict(container)) {
    if (typeof item === 'string') return Object.hasOwn(container, item);
    if ((typeof item === 'number' && Number.isInteger(item)) || typeof item === 'bigint') return Object.hasOwn(container, String(item));
    if (Array.isArray(item) && !(item instanceof PyTuple)) fail("unhashable type: 'list'");
    if (isPyDict(item)) fail("unhashable type: 'dict'");
    return false;
  }
  if (container instanceof PyRange) {
    const n = asInt(item);
    if (n === null) return false;
    const x = Number(n);
    const off = x - container.start;
    return off % container.step === 0 && off / container.step >= 0 && off / container.step < container.length;
  }
  if (container instanceof PyView) {
    if (container.typeName === 'dict_keys') return contains(container.items, item);
    for (const x of container.items) if (pyEq(x, item)) return true;
    return false;
  }
  if (container instanceof PyGenerator) {
    for (const x of container) if (pyEq(x, item)) return true;
    return false;
  }
  fail(`argument of type '${typeName(container)}' is not iterable`);
}

/** Python iter(): strings by character, dicts by key, undefined as empty. */
export function iterate(v: unknown): Iterable<unknown> {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return strChars(v);
  if (v === undefined) return [];
  if (v instanceof PyGenerator || v instanceof PyRange) return v;
  if (v instanceof PyView) return v.items;
  if (isPyDict(v)) return Object.keys(v);
  fail(`'${typeName(v)}' object is not iterable`);
}

/** Python list(v) (always a fresh list). */
export function toList(v: unknown): unknown[] {
  if (Array.isArray(v)) return Array.prototype.slice.call(v);
  const out: unknown[] = [];
  for (const x of iterate(v)) out.push(x);
  return out;
}

/** A read-only array view for iteration (no copy for lists). */
export function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : toList(v);
}

/** Whether `len()` takes the value (pyLen raises for any other). */
export function hasLen(v: unknown): boolean {
  return typeof v === 'string' || Array.isArray(v) || v === undefined || v instanceof PyRange || v instanceof PyView || isPyDict(v);
}

export function pyLen(v: unknown): number {
  if (typeof v === 'string') return strLen(v);
  if (Array.isArray(v)) return v.length;
  if (v === undefined) return 0;
  if (v instanceof PyRange) return v.length;
  if (v instanceof PyView) return v.items.length;
  if (isPyDict(v)) return Object.keys(v).length;
  fail(`object of type '${typeName(v)}' has no len()`);
}

// ---------------------------------------------------------------- arithmetic

function opError(op: string, a: unknown, b: unknown): never {
  if (a === undefined || b === undefined) undefinedError();
  fail(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function intOp(a: number | bigint, b: number | bigint, f: (x: number, y: number) => number, g: (x: bigint, y: bigint) => bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = f(a, b);
    if (Number.isSafeInteger(r)) return r;
  }
  return normInt(checkBigSize(g(big(a), big(b))));
}

export function add(a: unknown, b: unknown): unknown {
  if (typeof a === 'string' && typeof b === 'string') {
    checkLength(a.length + b.length);
    return a + b;
  }
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null) return intOp(ia, ib, (x, y) => x + y, (x, y) => x + y);
  if (isNum(a) && isNum(b)) return pyFloat(asNumber(a)! + asNumber(b)!);
  if (Array.isArray(a) && Array.isArray(b) && a instanceof PyTuple === b instanceof PyTuple) {
    if (a.length + b.length > LIMITS.maxItems) fail('list too long');
    return a instanceof PyTuple ? PyTuple.fromArray([...a, ...b]) : [...a, ...b];
  }
  opError('+', a, b);
}

export function sub(a: unknown, b: unknown): unknown {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null) return intOp(ia, ib, (x, y) => x - y, (x, y) => x - y);
  if (isNum(a) && isNum(b)) return pyFloat(asNumber(a)! - asNumber(b)!);
  opError('-', a, b);
}

function repeat(seq: unknown, n: number | bigint): unknown {
  const times = Number(n) > 0 ? Number(n) : 0;
  if (typeof seq === 'string') {
    checkLength(seq.length * times);
    return seq.repeat(times);
  }
  const arr = seq as unknown[];
  if (arr.length * times > LIMITS.maxItems) fail('list too long');
  const out: unknown[] = [];
  for (let i = 0; i < times; i++) for (const x of arr) out.push(x);
  return arr instanceof PyTuple ? PyTuple.fromArray(out) : out;
}

export function mul(a: unknown, b: unknown): unknown {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null) return intOp(ia, ib, (x, y) => x * y, (x, y) => x * y);
  if (isNum(a) && isNum(b)) return pyFloat(asNumber(a)! * asNumber(b)!);
  if ((typeof a === 'string' || Array.isArray(a)) && ib !== null) return repeat(a, ib);
  if ((typeof b === 'string' || Array.isArray(b)) && ia !== null) return repeat(b, ia);
  opError('*', a, b);
}

function zeroCheck(b: unknown, what: string): void {
  if (asNumber(b) === 0) fail(what);
}

export function truediv(a: unknown, b: unknown): unknown {
  if (!isNum(a) || !isNum(b)) opError('/', a, b);
  zeroCheck(b, 'division by zero');
  return pyFloat(asNumber(a)! / asNumber(b)!);
}

export function floordiv(a: unknown, b: unknown): unknown {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null) {
    zeroCheck(b, 'integer division or modulo by zero');
    if (typeof ia === 'number' && typeof ib === 'number') {
      const r = ia % ib;
      let q = (ia - r) / ib;
      if (r !== 0 && r < 0 !== ib < 0) q -= 1;
      return q;
    }
    const x = big(ia);
    const y = big(ib);
    let q = x / y;
    if (x % y !== 0n && x < 0n !== y < 0n) q -= 1n;
    return normInt(q);
  }
  if (!isNum(a) || !isNum(b)) opError('//', a, b);
  zeroCheck(b, 'float floor division by zero');
  return pyFloat(Math.floor(asNumber(a)! / asNumber(b)!));
}

export function mod(a: unknown, b: unknown): unknown {
  if (typeof a === 'string') return percentFormatHook(a, b);
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null) {
    zeroCheck(b, 'integer division or modulo by zero');
    if (typeof ia === 'number' && typeof ib === 'number') {
      const r = ia % ib;
      return r !== 0 && r < 0 !== ib < 0 ? r + ib : r === 0 ? 0 : r;
    }
    const x = big(ia);
    const y = big(ib);
    const r = x % y;
    return normInt(r !== 0n && r < 0n !== y < 0n ? r + y : r);
  }
  if (!isNum(a) || !isNum(b)) opError('%', a, b);
  zeroCheck(b, 'float modulo');
  const x = asNumber(a)!;
  const y = asNumber(b)!;
  let r = x % y;
  if (r !== 0 && r < 0 !== y < 0) r += y;
  return pyFloat(r);
}

/** Set by format.ts (avoids an import cycle): Python `str % args`. */
export let percentFormatHook: (fmt: string, args: unknown) => string = () => fail('string formatting unavailable');
export function setPercentFormat(f: (fmt: string, args: unknown) => string): void {
  percentFormatHook = f;
}

export function pow(a: unknown, b: unknown): unknown {
  const ia = asInt(a);
  const ib = asInt(b);
  if (ia !== null && ib !== null && Number(ib) >= 0) {
    const x = big(ia);
    const e = big(ib);
    if (x === 0n || x === 1n) return e === 0n ? 1 : Number(x);
    if (x === -1n) return e % 2n === 0n ? 1 : -1;
    const bits = (x < 0n ? -x : x).toString(2).length;
    if (Number(e) * (bits - 1) > LIMITS.maxIntBits) fail('integer result too large');
    return normInt(x ** e);
  }
  if (!isNum(a) || !isNum(b)) opError('** or pow()', a, b);
  const x = asNumber(a)!;
  const y = asNumber(b)!;
  if (x === 0 && y < 0) fail('0.0 cannot be raised to a negative power');
  if (x < 0 && !Number.isInteger(y)) fail('complex results are not supported');
  const r = Math.pow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) fail('(34, Numerical result out of range)');
  return pyFloat(r);
}

export function neg(a: unknown): unknown {
  const i = asInt(a);
  if (i !== null) return typeof i === 'bigint' ? normInt(-i) : i === 0 ? 0 : -i;
  if (a instanceof PyFloat) return pyFloat(-a.value);
  if (typeof a === 'number') return -a;
  if (a === undefined) undefinedError();
  fail(`bad operand type for unary -: '${typeName(a)}'`);
}

export function pos(a: unknown): unknown {
  const i = asInt(a);
  if (i !== null) return i;
  if (isNum(a)) return a;
  if (a === undefined) undefinedError();
  fail(`bad operand type for unary +: '${typeName(a)}'`);
}

export function concat(a: unknown, b: unknown): string {
  const s = pyStr(a) + pyStr(b);
  checkLength(s.length);
  return s;
}

export function isFloat(v: unknown): boolean {
  return isFloatValue(v);
}

// ---------------------------------------------------------------- slicing

/** Python slice.indices(): [start, stop, step] for a sequence of length len. */
export function sliceIndices(len: number, start: unknown, stop: unknown, step: unknown): [number, number, number] {
  const st = step === null || step === undefined ? 1 : Number(sliceInt(step));
  if (st === 0) fail('slice step cannot be zero');
  const lower = st < 0 ? -1 : 0;
  const upper = st < 0 ? len - 1 : len;
  const norm = (v: unknown, dflt: number): number => {
    if (v === null || v === undefined) return dflt;
    let n = Number(sliceInt(v));
    if (n < 0) {
      n += len;
      if (n < lower) n = lower;
    } else if (n > upper) n = upper;
    return n;
  };
  return [norm(start, st < 0 ? upper : lower), norm(stop, st < 0 ? lower : upper), st];
}

function sliceInt(v: unknown): number | bigint {
  const i = asInt(v);
  if (i === null) fail('slice indices must be integers or None or have an __index__ method');
  return i;
}

export function sliceValue(v: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  const isStr = typeof v === 'string';
  if (isStr && (step === undefined || step === null || step === 1)) {
    // Hottest form (`message[i:]`, i >= 0): when the first i units hold no surrogate, code point
    // i is unit i, whatever follows; only that prefix needs the scan.
    if (typeof start === 'number' && start >= 0 && Number.isInteger(start) && (stop === undefined || stop === null)) {
      if (!SURROGATE.test(start < v.length ? v.slice(0, start) : v)) return start < v.length ? v.slice(start) : '';
    } else if (!SURROGATE.test(v)) {
      // A string without surrogate pairs slices by UTF-16 units natively.
      const [a, b] = sliceIndices(v.length, start, stop, 1);
      return b > a ? v.slice(a, b) : '';
    }
  }
  const seq: readonly unknown[] | null = isStr ? strChars(v) : Array.isArray(v) ? v : v instanceof PyRange ? toList(v) : null;
  if (seq === null) return undefined;
  const [a, b, st] = sliceIndices(seq.length, start, stop, step);
  const out: unknown[] = [];
  if (st > 0) for (let i = a; i < b; i += st) out.push(seq[i]);
  else for (let i = a; i > b; i += st) out.push(seq[i]);
  if (isStr) return out.join('');
  return v instanceof PyTuple ? PyTuple.fromArray(out) : out;
}

/** Normalise a Python index (negative from the end); -1 when out of range. */
export function indexOf(len: number, key: unknown): number {
  const i = asInt(key);
  if (i === null) return -1;
  let n = Number(i);
  if (n < 0) n += len;
  return n >= 0 && n < len ? n : -1;
}

export { PyFloat, PyTuple, pyFloat };
