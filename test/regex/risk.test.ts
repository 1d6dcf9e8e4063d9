import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern } from '../../src/regex/compile.js';
import { parsePattern } from '../../src/regex/parser.js';
import { hasNestedRisk } from '../../src/regex/risk.js';

const risky = (pattern: string) => hasNestedRisk(parsePattern(pattern).root);

test('nested and ambiguous repetitions are risky', () => {
  assert.equal(risky('(?:a+)+'), true);
  assert.equal(risky('(?:\\w+\\s*)*'), true);
  assert.equal(risky('(?:\\w+\\s*)*\\b'), true);
  assert.equal(risky('(?:ab|a)+'), true);
  assert.equal(risky('(?:#01|#012)+'), true);
  assert.equal(risky('(?:\\[tag "?[^\\n]*?"?\\] )*'), true);
  assert.equal(risky('(?:, (\\b\\w+\\b) = ([^\\n]*?))*'), true);
  // A class holding word and non-word units: \b does not pin the run's end.
  assert.equal(risky('(?:[\\w.]+\\b\\s*)*'), true);
  // \b before the run only: its end can still move.
  assert.equal(risky('(?:\\b\\w+\\s*)*'), true);
});

test('a run ended by a word boundary cannot be re-partitioned', () => {
  assert.equal(risky('(?:\\b\\w+\\b\\s*)*'), false);
  assert.equal(risky('(?:(?<WORD>\\b\\w+\\b)\\s*)*'), false);
  assert.equal(risky('(?:(\\w+)\\b\\s*)*'), false);
  assert.equal(risky('(?:[a-z]+?\\b )+'), false);
  assert.equal(risky('(?:\\W+\\b\\w)+'), false);
});

test('alternatives: a delimiter from every branch, and fixed beginnings that differ later', () => {
  assert.equal(risky('(((\\b\\w+\\b)|,)\\s*)*'), false);
  assert.equal(risky('((#015#012)|(#011))+'), false);
  assert.equal(risky('(?:a{2}x|aay)+'), false);
  assert.equal(risky('(?:a{2}x|a+y)+'), true);
  assert.equal(risky('(?:abc|ab)+'), true);
});

test('a pattern found safe matches a long failing input at once (exponential backtracking would hang here)', () => {
  const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
  for (const pattern of ['(?:\\b\\w+\\b\\s*)*$', '(((\\b\\w+\\b)|,)\\s*)*$', '(?:(?:#015#012)|(?:#011))+x']) {
    const re = compilePattern(pattern, { fullMatch: true });
    assert.equal(re.test(`${words} !`), false);
    assert.equal(re.test('#011#015#012'.repeat(40) + '#01'), false);
  }
  assert.deepEqual(compilePattern('(?:\\b(?<w>\\w+)\\b\\s*)*', { fullMatch: true }).exec('alpha beta  gamma '), { w: 'gamma' });
});
