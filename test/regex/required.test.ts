import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern } from '../../src/regex/compile.js';
import { emitExact } from '../../src/regex/emit.js';
import { parsePattern } from '../../src/regex/parser.js';
import { hasLiterals, requiredLiterals } from '../../src/regex/required.js';

const literals = (p: string): string[] => requiredLiterals(parsePattern(p).root);

test('required literals: runs every match goes through, longest first', () => {
  assert.deepEqual(literals('user=(?P<u>\\w+) action=(?P<a>\\w+)'), [' action=', 'user=']);
  assert.deepEqual(literals('(?:abc)+x'), ['abc']);
  assert.deepEqual(literals('(?:ab){2}c\\d'), ['ababc']);
  assert.deepEqual(literals('(?P<h>host)-(?P<p>port)'), ['host-port']);
  // Optional parts, alternatives, lookarounds and case-insensitive letters require nothing.
  assert.deepEqual(literals('(?:abcd)?x|y'), []);
  assert.deepEqual(literals('x(?:abc|abd)y'), []);
  assert.deepEqual(literals('(?=abcd)\\w+'), []);
  assert.deepEqual(literals('(?i)abcd'), []);
  // Two units are enough; at most four literals, the longest.
  assert.deepEqual(literals('\\s+->\\s+\\d+'), ['->']);
  assert.deepEqual(literals('ab\\dabc\\dabcd\\dabcde\\dabcdef\\dx'), ['abcdef', 'abcde', 'abcd', 'abc']);
});

test('the literal check runs on every engine: a linear pattern on V8 rejects an input that lacks one', () => {
  const re = compilePattern('FW:\\s+(?P<a>.*?)\\s+(?P<b>.*?)\\s+->\\s+(?P<c>.*?) end', { fullMatch: true });
  assert.equal(re.linear, true);
  assert.deepEqual(re.exec('FW: x y -> z end'), { a: 'x', b: 'y', c: 'z' });
  assert.equal(re.exec('FW: x y z end'), null);
});

test('an input without a required literal is rejected, with the same answer as the regex', () => {
  const re = compilePattern('(?P<k>\\w+)=(?P<v>[^ ]*) from (?P<ip>\\d+(?:\\.\\d+){3})', { fullMatch: true });
  assert.deepEqual(re.exec('a=b from 1.2.3.4'), { k: 'a', v: 'b', ip: '1.2.3.4' });
  assert.equal(re.exec('a=b to 1.2.3.4'), null);
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

const WORDS = ['ab', 'abc', 'ba', 'c a', 'aab', 'b1'];

function generate(r: () => number, depth: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const atom = (): string => {
    const k = r();
    if (depth <= 0 || k < 0.5) return pick(['a', 'b', 'c', ' ', '[ab]', '.', '\\w', '1', ...WORDS]);
    if (k < 0.65) return `(${generate(r, depth - 1)})`;
    if (k < 0.75) return `(?:${generate(r, depth - 1)})`;
    if (k < 0.82) return `(?:${generate(r, depth - 1)}|${generate(r, depth - 1)})`;
    if (k < 0.88) return `(?>${generate(r, depth - 1)})`;
    return pick(['^', '$', '\\b', '(?=a)', '(?!b)', '(?<=a)']);
  };
  const quantified = (): string => {
    const a = atom();
    if (/^(\^|\$|\\b|\(\?[=!<])/.test(a)) return a;
    const q = r();
    if (q < 0.55) return a;
    return a + pick(['*', '+', '?', '{2}', '{0,3}', '{1,2}', '{2,}', '+?', '{2}?']);
  };
  const len = 1 + Math.floor(r() * 5);
  let out = '';
  for (let i = 0; i < len; i++) out += quantified();
  return r() < 0.1 ? `${out}|${quantified()}` : out;
}

test('no generated pattern matches an input that lacks one of its required literals', () => {
  const r = rng(20261204);
  let matched = 0;
  let rejected = 0;
  for (let i = 0; i < 3000; i++) {
    const pattern = generate(r, 2);
    const lits = literals(pattern);
    const re = new RegExp(emitExact(parsePattern(pattern), false).source);
    for (let k = 0; k < 6; k++) {
      // Inputs made of the pattern's own words, so that required literals are sometimes there.
      const input = Array.from({ length: Math.floor(r() * 6) }, () => (r() < 0.5 ? WORDS[Math.floor(r() * WORDS.length)] : 'abc 1'[Math.floor(r() * 5)])).join('');
      const m = re.exec(input);
      if (m === null) {
        if (!hasLiterals(input, lits)) rejected++;
        continue;
      }
      matched++;
      assert.ok(hasLiterals(input, lits), `${JSON.stringify(pattern)} matches ${JSON.stringify(input)} without all of ${JSON.stringify(lits)}`);
    }
  }
  assert.ok(matched > 3000 && rejected > 500, `matched ${matched}, rejected ${rejected}`);
});
