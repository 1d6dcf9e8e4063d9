/**
 * Character sets as sorted, merged lists of UTF-16 code-unit ranges [lo, hi] (inclusive).
 * Classes are kept as ranges so that negation, case folding and overlap checks are exact.
 */
export type Ranges = ReadonlyArray<readonly [number, number]>;

export const MAX_UNIT = 0xffff;

export function normalize(input: Iterable<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...input].map(([a, b]) => [a, b] as [number, number]).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function complement(ranges: Ranges): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_UNIT) out.push([next, MAX_UNIT]);
  return out;
}

export function contains(ranges: Ranges, unit: number): boolean {
  for (const [lo, hi] of ranges) if (unit >= lo && unit <= hi) return true;
  return false;
}

export function sameRanges(a: Ranges, b: Ranges): boolean {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i]![0] && hi === b[i]![1]);
}

const r = (a: string, b = a): [number, number] => [a.charCodeAt(0), b.charCodeAt(0)];

/** `\d`, `\w`: ASCII, as JavaScript's (see README of this folder for the choice). */
export const DIGIT = normalize([r('0', '9')]);
export const WORD = normalize([r('0', '9'), r('A', 'Z'), r('_'), r('a', 'z')]);
/**
 * Python's `\s` for str patterns (JS `\s` plus \x1c-\x1f and \x85, minus \ufeff), except the
 * vertical tab \x0b, which the reference's `\s` does not match (docs/catalog-rules/regex.md).
 */
export const SPACE = normalize([
  [0x09, 0x0a], [0x0c, 0x0d], [0x1c, 0x20], [0x85, 0x85], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
]);
/** `\h` of the `regex` module: horizontal whitespace (tab and Unicode space separators). */
export const HSPACE = normalize([
  [0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x202f, 0x202f],
  [0x205f, 0x205f], [0x3000, 0x3000],
]);
export const ANY = normalize([[0, MAX_UNIT]]);
export const NOT_NEWLINE = complement([[0x0a, 0x0a]]);

const PUNCT = normalize([r('!', '/'), r(':', '@'), r('[', '`'), r('{', '~')]);

/** POSIX bracket classes (`[[:alpha:]]`), ASCII like `\w`. */
export const POSIX: Readonly<Record<string, Ranges>> = {
  alpha: normalize([r('A', 'Z'), r('a', 'z')]),
  digit: DIGIT,
  alnum: normalize([r('0', '9'), r('A', 'Z'), r('a', 'z')]),
  upper: normalize([r('A', 'Z')]),
  lower: normalize([r('a', 'z')]),
  space: SPACE,
  blank: normalize([[0x09, 0x09], [0x20, 0x20]]),
  punct: PUNCT,
  xdigit: normalize([r('0', '9'), r('A', 'F'), r('a', 'f')]),
  word: WORD,
  cntrl: normalize([[0, 0x1f], [0x7f, 0x7f]]),
  print: normalize([[0x20, 0x7e]]),
  graph: normalize([[0x21, 0x7e]]),
  ascii: normalize([[0, 0x7f]]),
};

/** Adds the other-case forms of every letter (simple case mapping, single code units). */
export function caseFold(ranges: Ranges): Array<[number, number]> {
  const extra: Array<[number, number]> = [];
  for (const [lo, hi] of ranges) {
    // ASCII letters: shift whole overlapping sub-ranges.
    for (const [a, b, delta] of [[0x41, 0x5a, 32], [0x61, 0x7a, -32]] as const) {
      const s = Math.max(lo, a);
      const e = Math.min(hi, b);
      if (s <= e) extra.push([s + delta, e + delta]);
    }
    // Beyond ASCII, fold unit by unit when the range is small enough to enumerate.
    const from = Math.max(lo, 0x80);
    if (hi >= from && hi - from <= 4096) {
      for (let u = from; u <= hi; u++) for (const v of caseVariants(u)) extra.push([v, v]);
    }
  }
  return normalize([...ranges, ...extra]);
}

/** Other-case code units of one code unit (excluding itself). */
export function caseVariants(unit: number): number[] {
  const ch = String.fromCharCode(unit);
  const out: number[] = [];
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
    if (v.length === 1 && v !== ch && !out.includes(v.charCodeAt(0))) out.push(v.charCodeAt(0));
  }
  return out;
}

/** JS source of one code unit usable both inside and outside a class. */
export function unitSource(unit: number, inClass: boolean): string {
  if (unit >= 0x20 && unit < 0x7f) {
    const ch = String.fromCharCode(unit);
    const special = inClass ? '\\]^-[' : '\\^$.|?*+()[]{}/';
    return special.includes(ch) ? '\\' + ch : ch;
  }
  if (unit <= 0xff) return '\\x' + unit.toString(16).padStart(2, '0');
  return '\\u' + unit.toString(16).padStart(4, '0');
}

const NAMED: ReadonlyArray<[Ranges, string]> = [
  [DIGIT, '\\d'], [complement(DIGIT), '\\D'], [WORD, '\\w'], [complement(WORD), '\\W'],
  [ANY, '[\\s\\S]'], [NOT_NEWLINE, '[^\\n]'],
];

/** JS source of a class (a readable shorthand when one fits). */
export function classSource(ranges: Ranges, negated: boolean): string {
  if (!negated) for (const [set, src] of NAMED) if (sameRanges(set, ranges)) return src;
  if (ranges.length === 0) return negated ? '[\\s\\S]' : '[^\\s\\S]';
  let body = '';
  for (const [lo, hi] of ranges) {
    body += unitSource(lo, true);
    if (hi > lo) body += (hi > lo + 1 ? '-' : '') + unitSource(hi, true);
  }
  return (negated ? '[^' : '[') + body + ']';
}
