import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstSet, leadingUnits } from '../../src/regex/first-set.js';
import { parsePattern } from '../../src/regex/parser.js';

const leading = (pattern: string) => leadingUnits(parsePattern(pattern).root);
const unit = (c: string) => c.charCodeAt(0);
const only = (...chars: string[]) => chars.map((c) => [unit(c), unit(c)]);

test('leading units: literal, class, case folding, repetition, lookaround', () => {
  assert.deepEqual(leading('abc'), only('a'));
  assert.deepEqual(leading('[b-d]x'), [[unit('b'), unit('d')]]);
  assert.deepEqual(leading('(?i)q'), only('Q', 'q'));
  assert.deepEqual(leading('a+b'), only('a'));
  assert.deepEqual(leading('(?=x)y'), only('y'));
  assert.deepEqual(leading('^\\bz'), only('z'));
  assert.deepEqual(leading('(?<!q)r'), only('r'));
});

test('leading units: optional parts and alternatives add theirs', () => {
  assert.deepEqual(leading('a?c'), only('a', 'c'));
  assert.deepEqual(leading('(?:x-)*(?:q|z)w'), only('q', 'x', 'z'));
  assert.deepEqual(leading('(?:b|a|c)x'), [[unit('a'), unit('c')]]);
  assert.deepEqual(leading('x|[0-9]'), [[unit('0'), unit('9')], [unit('x'), unit('x')]]);
  assert.deepEqual(leading('a{0}b'), only('b'));
});

test('leading units: unknown when the match may be empty or start with a backreference', () => {
  assert.equal(leading('a*'), null);
  assert.equal(leading(''), null);
  assert.equal(leading('(?:a|b?)'), null);
  assert.equal(leading('^$'), null);
  assert.deepEqual(leading('(a)\\1'), only('a'));
  assert.equal(leading('(a)?\\1x'), null);
});

test('leading units: negated classes and non-ASCII units', () => {
  const set = leading('[^a]')!;
  assert.ok(set.some(([lo, hi]) => lo <= 0xe9 && 0xe9 <= hi));
  assert.ok(!set.some(([lo, hi]) => lo <= unit('a') && unit('a') <= hi));
  assert.deepEqual(leading('é'), [[0xe9, 0xe9]]);
  // An astral character is a surrogate pair: its first unit is the high surrogate.
  assert.deepEqual(leading('\u{1F600}'), [[0xd83d, 0xd83d]]);
});

test('the risk check keeps its narrower first set (no optional start, no alternation)', () => {
  const first = (p: string) => firstSet(parsePattern(p).root);
  assert.deepEqual(first('abc'), only('a'));
  assert.equal(first('a?b'), null);
  assert.equal(first('(?:b|a)x'), null);
});
