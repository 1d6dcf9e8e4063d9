/** Python str methods. */
import { arg, intArg, NO_KWARGS } from './args.js';
import { fail } from './errors.js';
import { strFormat } from './format.js';
import { registerMethod } from './method-registry.js';
import { checkLength, iterate, pyRepr, sliceIndices, strLen, typeName } from './runtime.js';
import { PyTuple } from '../core/values.js';

/** Characters Python's str.isspace() accepts. */
export const PY_WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
/** One UTF-16 unit of PY_WS (Python's str.isspace()); a regex test per character cost more than the split. */
export function isPyWhitespace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
const WS_RUN_START = new RegExp(`^[${PY_WS}]+`);
const WS_RUN_END = new RegExp(`[${PY_WS}]+$`);
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/g;

type S = string;

function optStr(v: unknown, what: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') fail(`${what} arg must be None or str`);
  return v;
}

function maxsplitArg(args: unknown[], kwargs: Record<string, unknown>): number {
  const v = arg(args, kwargs, 1, 'maxsplit', -1);
  return intArg(v, 'maxsplit');
}

export function pySplit(s: string, sep: string | null, maxsplit: number): string[] {
  if (sep === null) {
    const out: string[] = [];
    let i = 0;
    const n = s.length;
    while (true) {
      while (i < n && isPyWhitespace(s.charCodeAt(i))) i++;
      if (i >= n) break;
      if (maxsplit >= 0 && out.length === maxsplit) {
        out.push(s.slice(i));
        break;
      }
      let j = i;
      while (j < n && !isPyWhitespace(s.charCodeAt(j))) j++;
      out.push(s.slice(i, j));
      i = j;
    }
    return out;
  }
  if (sep === '') fail('empty separator');
  if (maxsplit < 0) return s.split(sep);
  const out: string[] = [];
  let from = 0;
  while (out.length < maxsplit) {
    const k = s.indexOf(sep, from);
    if (k < 0) break;
    out.push(s.slice(from, k));
    from = k + sep.length;
  }
  out.push(s.slice(from));
  return out;
}

function pyRsplit(s: string, sep: string | null, maxsplit: number): string[] {
  if (maxsplit < 0) return pySplit(s, sep, -1);
  if (sep === null) {
    const out: string[] = [];
    let j = s.length;
    while (true) {
      while (j > 0 && isPyWhitespace(s.charCodeAt(j - 1))) j--;
      if (j <= 0) break;
      if (out.length === maxsplit) {
        out.push(s.slice(0, j));
        break;
      }
      let i = j;
      while (i > 0 && !isPyWhitespace(s.charCodeAt(i - 1))) i--;
      out.push(s.slice(i, j));
      j = i;
    }
    return out.reverse();
  }
  if (sep === '') fail('empty separator');
  const out: string[] = [];
  let end = s.length;
  while (out.length < maxsplit) {
    const k = s.lastIndexOf(sep, end - sep.length);
    if (k < 0 || end - sep.length < 0) break;
    out.push(s.slice(k + sep.length, end));
    end = k;
  }
  out.push(s.slice(0, end));
  return out.reverse();
}

export function pyStrip(s: string, chars: string | null, left: boolean, right: boolean): string {
  if (chars === null) {
    let r = s;
    if (left) r = r.replace(WS_RUN_START, '');
    if (right) r = r.replace(WS_RUN_END, '');
    return r;
  }
  const set = new Set(Array.from(chars));
  const cs = Array.from(s);
  let a = 0;
  let b = cs.length;
  if (left) while (a < b && set.has(cs[a]!)) a++;
  if (right) while (b > a && set.has(cs[b - 1]!)) b--;
  return cs.slice(a, b).join('');
}

export function pyReplace(s: string, old: string, rep: string, count: number): string {
  if (count < 0 && old !== '') {
    const r = s.split(old).join(rep);
    checkLength(r.length);
    return r;
  }
  if (old === '') {
    if (count < 0) count = Infinity;
    const cs = Array.from(s);
    let out = '';
    let n = 0;
    for (let i = 0; i <= cs.length; i++) {
      if (n < count) {
        out += rep;
        n++;
      }
      if (i < cs.length) out += cs[i];
    }
    return out;
  }
  let out = '';
  let from = 0;
  for (let n = 0; n < count; n++) {
    const k = s.indexOf(old, from);
    if (k < 0) break;
    out += s.slice(from, k) + rep;
    from = k + old.length;
  }
  return out + s.slice(from);
}

/** Python str.title(): a cased char after an uncased one is upper-cased, the others lowered. */
export function pyTitle(s: string): string {
  let out = '';
  let prevCased = false;
  for (const c of s) {
    const cased = c.toLowerCase() !== c.toUpperCase();
    out += cased ? (prevCased ? c.toLowerCase() : titleChar(c)) : c;
    prevCased = cased;
  }
  return out;
}

/** Title case of one character: `ß` → `Ss`, `ﬁ` → `Fi` (upper case of the first letter only). */
export function titleChar(c: string): string {
  const u = c.toUpperCase();
  if (u.length <= c.length) return u;
  const first = String.fromCodePoint(u.codePointAt(0)!);
  return first + u.slice(first.length).toLowerCase();
}

export function pyCapitalize(s: string): string {
  if (s === '') return s;
  const first = String.fromCodePoint(s.codePointAt(0)!);
  return titleChar(first) + s.slice(first.length).toLowerCase();
}

function bounds(s: string, args: unknown[], i: number): [number, number] {
  const [a, b] = sliceIndices(s.length, args[i], args[i + 1], 1);
  return [a, b];
}

function affix(s: string, args: unknown[], method: string, test: (sub: string, a: number, b: number) => boolean): boolean {
  const x = args[0];
  const [a, b] = bounds(s, args, 1);
  const check = (p: unknown): boolean => {
    if (typeof p !== 'string') fail(`${method} first arg must be str or a tuple of str, not ${typeName(p)}`);
    return a <= s.length && test(p, a, b);
  };
  if (Array.isArray(x) && x instanceof PyTuple) return x.some(check);
  return check(x);
}

function subArg(v: unknown, method: string): string {
  if (typeof v !== 'string') fail(`${method}: must be str, not ${typeName(v)}`);
  return v;
}

function find(s: string, args: unknown[], reverse: boolean): number {
  const sub = subArg(args[0], 'find');
  const [a, b] = bounds(s, args, 1);
  if (b - a < sub.length) return -1;
  const region = s.slice(a, b);
  const k = reverse ? region.lastIndexOf(sub) : region.indexOf(sub);
  return k < 0 ? -1 : k + a;
}

function countSub(s: string, args: unknown[]): number {
  const sub = subArg(args[0], 'count');
  const [a, b] = bounds(s, args, 1);
  const region = s.slice(a, b);
  if (sub === '') return strLen(region) + 1;
  return region.split(sub).length - 1;
}

function isWhole(s: string, re: RegExp): boolean {
  return s.length > 0 && re.test(s);
}

function justify(s: string, args: unknown[], align: 'l' | 'r' | 'c'): string {
  const width = intArg(args[0], 'width');
  const fill = args.length > 1 ? subArg(args[1], 'fillchar') : ' ';
  if (strLen(fill) !== 1) fail('The fill character must be exactly one character long');
  const len = strLen(s);
  if (width <= len) return s;
  checkLength(width);
  const marg = width - len;
  if (align === 'l') return s + fill.repeat(marg);
  if (align === 'r') return fill.repeat(marg) + s;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
}

const m = (name: string, fn: (s: S, args: unknown[], kwargs: Record<string, unknown>) => unknown): void => registerMethod('str', name, fn);

m('split', (s, a, k) => pySplit(s, optStr(arg(a, k, 0, 'sep', null), 'sep'), maxsplitArg(a, k)));
m('rsplit', (s, a, k) => pyRsplit(s, optStr(arg(a, k, 0, 'sep', null), 'sep'), maxsplitArg(a, k)));
m('splitlines', (s, a, k) => {
  const keep = !!arg(a, k, 0, 'keepends', false);
  const out: string[] = [];
  let from = 0;
  for (const mt of s.matchAll(LINE_BREAK)) {
    out.push(s.slice(from, keep ? mt.index! + mt[0].length : mt.index));
    from = mt.index! + mt[0].length;
  }
  if (from < s.length) out.push(s.slice(from));
  return out;
});
m('replace', (s, a, k) => pyReplace(s, subArg(a[0], 'replace'), subArg(a[1], 'replace'), intArg(arg(a, k, 2, 'count', -1), 'count')));
m('startswith', (s, a) => affix(s, a, 'startswith', (p, x, y) => y - x >= p.length && s.startsWith(p, x)));
m('endswith', (s, a) => affix(s, a, 'endswith', (p, x, y) => y - x >= p.length && s.slice(x, y).endsWith(p)));
m('strip', (s, a) => pyStrip(s, optStr(a[0], 'strip'), true, true));
m('lstrip', (s, a) => pyStrip(s, optStr(a[0], 'lstrip'), true, false));
m('rstrip', (s, a) => pyStrip(s, optStr(a[0], 'rstrip'), false, true));
m('lower', (s) => s.toLowerCase());
m('casefold', (s) => s.toLowerCase());
m('upper', (s) => s.toUpperCase());
m('title', (s) => pyTitle(s));
m('capitalize', (s) => pyCapitalize(s));
m('swapcase', (s) => Array.from(s, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''));
m('isdigit', (s) => isWhole(s, /^[\p{Nd}\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089]+$/u));
m('isdecimal', (s) => isWhole(s, /^\p{Nd}+$/u));
m('isnumeric', (s) => isWhole(s, /^[\p{Nd}\p{Nl}\p{No}]+$/u));
m('isalpha', (s) => isWhole(s, /^\p{L}+$/u));
m('isalnum', (s) => isWhole(s, /^[\p{L}\p{Nd}\p{Nl}\p{No}]+$/u));
m('isspace', (s) => isWhole(s, new RegExp(`^[${PY_WS}]+$`)));
m('islower', (s) => /\p{Ll}/u.test(s) && !/[\p{Lu}\p{Lt}]/u.test(s));
m('isupper', (s) => /\p{Lu}/u.test(s) && !/[\p{Ll}\p{Lt}]/u.test(s));
m('istitle', (s) => /[\p{Lu}\p{Lt}]/u.test(s) && pyTitle(s) === s);
m('isascii', (s) => /^[\x00-\x7f]*$/.test(s));
m('removeprefix', (s, a) => {
  const p = subArg(a[0], 'removeprefix');
  return p && s.startsWith(p) ? s.slice(p.length) : s;
});
m('removesuffix', (s, a) => {
  const p = subArg(a[0], 'removesuffix');
  return p && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
});
m('find', (s, a) => find(s, a, false));
m('rfind', (s, a) => find(s, a, true));
m('index', (s, a) => {
  const r = find(s, a, false);
  if (r < 0) fail('substring not found');
  return r;
});
m('rindex', (s, a) => {
  const r = find(s, a, true);
  if (r < 0) fail('substring not found');
  return r;
});
m('count', (s, a) => countSub(s, a));
m('join', (s, a) => {
  const parts: string[] = [];
  let i = 0;
  for (const x of iterate(a[0])) {
    if (typeof x !== 'string') fail(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
    parts.push(x);
    i++;
  }
  const r = parts.join(s);
  checkLength(r.length);
  return r;
});
m('format', (s, a, k) => strFormat(s, a, k ?? NO_KWARGS));
m('zfill', (s, a) => {
  const width = intArg(a[0], 'zfill');
  const len = strLen(s);
  if (width <= len) return s;
  checkLength(width);
  const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
  return sign + '0'.repeat(width - len) + s.slice(sign.length);
});
m('center', (s, a) => justify(s, a, 'c'));
m('ljust', (s, a) => justify(s, a, 'l'));
m('rjust', (s, a) => justify(s, a, 'r'));
m('partition', (s, a) => {
  const sep = subArg(a[0], 'partition');
  if (sep === '') fail('empty separator');
  const k = s.indexOf(sep);
  return PyTuple.fromArray(k < 0 ? [s, '', ''] : [s.slice(0, k), sep, s.slice(k + sep.length)]);
});
m('rpartition', (s, a) => {
  const sep = subArg(a[0], 'rpartition');
  if (sep === '') fail('empty separator');
  const k = s.lastIndexOf(sep);
  return PyTuple.fromArray(k < 0 ? ['', '', s] : [s.slice(0, k), sep, s.slice(k + sep.length)]);
});
m('__repr__', (s) => pyRepr(s));
