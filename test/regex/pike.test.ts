import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emitExact } from '../../src/regex/emit.js';
import { linearize } from '../../src/regex/linearize.js';
import { parsePattern } from '../../src/regex/parser.js';
import { backtrackExec } from '../../src/regex/backtrack.js';
import { pikeExec } from '../../src/regex/pike.js';
import { compileProgram } from '../../src/regex/program.js';

type Mode = 'full' | 'search' | 'sticky';

/**
 * The VM's answer, the memo backtracker's (backtrack.ts, on the same program) and JS RegExp's on
 * the exact translation, as comparable values (null when the VM declines).
 */
function both(pattern: string, input: string, mode: Mode): { vm: unknown; bt: unknown; js: unknown } | null {
  const parsed = parsePattern(pattern);
  const full = mode === 'full';
  const tree = linearize(parsed, { start: full, end: full });
  const program = compileProgram(tree.root, false, full);
  if (program === null) return null;
  const { source } = emitExact(parsed, full);
  const re = new RegExp(source, mode === 'sticky' ? 'y' : '');
  const show = (m: RegExpExecArray | null): unknown => (m === null ? null : { index: m.index, groups: [...m] });
  const bt = backtrackExec(program, input, 0, mode !== 'search');
  assert.notEqual(bt, undefined, 'small inputs are within the backtracker\'s memory bound');
  return { vm: show(pikeExec(program, input, 0, mode !== 'search')), bt: show(bt!), js: show(re.exec(input)) };
}

function check(pattern: string, input: string): number {
  let compared = 0;
  for (const mode of ['full', 'search', 'sticky'] as const) {
    const r = both(pattern, input, mode);
    if (r === null) continue;
    compared++;
    assert.deepEqual(r.vm, r.js, `${mode} ${JSON.stringify(pattern)} on ${JSON.stringify(input)}`);
    assert.deepEqual(r.bt, r.js, `backtracker, ${mode} ${JSON.stringify(pattern)} on ${JSON.stringify(input)}`);
  }
  return compared;
}

const HAND: Array<[string, string[]]> = [
  ['(a|ab)(c|bcd)(d*)', ['abcd', 'abc', 'xabcdx']],
  ['(?:(a)|b)+', ['ab', 'ba', 'aab']],
  ['(?:(a)|(b))*c', ['abac', 'bbc', 'c']],
  ['(a+?)(a*)', ['aaa', '']],
  ['(a{2,4}?)(a*)b', ['aaaaab', 'ab']],
  ['(?P<x>\\w+)@(?P<h>[a-z0-9-]{0,62})(?:\\.(?P<t>[a-z]{2,20}))?', ['me@host.com', 'me@h-1', 'x@']],
  ['^(?:([0-9A-Fa-f]{1,4}):){7}([0-9A-Fa-f]{1,4})$', ['1:2:3:4:5:6:7:8', 'fe80:0:0:0:0:0:0:1', '1:2:3']],
  ['\\bfoo\\b|\\Bo+', ['a foo b', 'foo', 'fooo']],
  ['(?m)^b$', ['a\nb\nc', 'b']],
  ['foo$', ['foo\n', 'foo', 'foo\n\n']],
  ['(?<![0-9])\\d+(?![0-9.])', ['a12 ', '1.5', 'x12.3']],
  ['(?i)abc|x', ['ABC', 'aBc', 'X']],
  ['.*?x', ['axbx', 'ab']],
  ['(a|b|)+c', ['abc']],
  ['(?:a{3}){2}', ['aaaaaa', 'aaaaa']],
  ['(x)?(?:y(z)?)*', ['xyzy', 'yy', 'xyyz']],
  // Optional iterations of bodies that can match empty: JS rejects an iteration that consumed nothing.
  ['(a?)?', ['', 'a']],
  ['(?:(a*))*b', ['b', 'aab']],
  ['(?P<d>.*?)?x', ['x', 'abx']],
  ['(?:a|\\b)+c', ['ac', 'c', 'aac']],
  ['(?:(a)|(\\s*))+$', ['a  a', '  ', 'a']],
  ['(?:(?:a?)*b?)*c', ['abac', 'c', 'bbc']],
  // Atomic groups and possessive repetitions: the body's first match only.
  ['(?>a+)b', ['aab', 'b']],
  ['(?>a|ab)c', ['abc', 'ac']],
  ['(?>(a+))a', ['aaa']],
  ['(?:(?>(\\d+))x|(\\d)y)', ['12x', '1y', '12y']],
  ['a*+a', ['aaa']],
  ['(?>\\d+(?:\\.\\d+)?)(?P<rest>.*)', ['1.5abc', '12.x']],
  ['(?:(?>ab|a)c)+', ['acabc', 'abac']],
];

test('the Pike VM gives JS RegExp results on hand-picked patterns (full, search, sticky)', () => {
  let compared = 0;
  for (const [p, inputs] of HAND) for (const s of inputs) compared += check(p, s);
  assert.ok(compared > 60, `only ${compared} comparisons`);
});

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(r: () => number, depth: number, names: { n: number }): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const atom = (): string => {
    const k = r();
    if (depth <= 0 || k < 0.45) return pick(['a', 'b', 'c', ' ', '[ab]', '[^a]', '.', '\\w', '\\s', '\\d', '1', '[a-c1]']);
    if (k < 0.6) return `(${generate(r, depth - 1, names)})`;
    if (k < 0.7) return `(?:${generate(r, depth - 1, names)})`;
    if (k < 0.8) return `(?P<g${++names.n}>${generate(r, depth - 1, names)})`;
    if (k < 0.85) return `(?:${generate(r, depth - 1, names)}|${generate(r, depth - 1, names)})`;
    if (k < 0.9) return `(?>${generate(r, depth - 1, names)}${r() < 0.5 ? `|${generate(r, depth - 1, names)}` : ''})`;
    return pick(['^', '$', '\\b', '\\B', '(?=a)', '(?![b ])', '(?<=a)', '(?<![0-9])']);
  };
  const quantified = (): string => {
    const a = atom();
    if (/^(\^|\$|\\b|\\B|\(\?[=!<])/.test(a) && !a.startsWith('(?:') && !a.startsWith('(?P')) return a;
    const q = r();
    const lazy = r() < 0.2 ? '?' : r() < 0.2 ? '+' : '';
    if (q < 0.5) return a;
    return a + pick(['*', '+', '?', '{2}', '{0,3}', '{1,2}', '{2,}', '{0,20}']) + lazy;
  };
  const len = 1 + Math.floor(r() * 4);
  let out = '';
  for (let i = 0; i < len; i++) out += quantified();
  return r() < 0.15 ? `${out}|${quantified()}` : out;
}

test('the Pike VM gives JS RegExp results on 4,000 generated patterns and inputs', () => {
  const r = rng(20261203);
  let compared = 0;
  let declined = 0;
  for (let i = 0; i < 4000; i++) {
    const pattern = generate(r, 2, { n: 0 });
    const inputs = Array.from({ length: 4 }, () => Array.from({ length: Math.floor(r() * 9) }, () => 'ab c1\n'[Math.floor(r() * 6)]).join(''));
    for (const s of inputs) {
      const n = check(pattern, s);
      compared += n;
      if (n === 0) declined++;
    }
  }
  assert.ok(compared > 20_000, `only ${compared} comparisons (${declined} declined)`);
});
