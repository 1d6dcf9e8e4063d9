import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern, RegexTimeoutError } from '../../src/regex/index.js';

const elapsed = (fn: () => unknown): [unknown, number] => {
  const t = performance.now();
  let out: unknown;
  try {
    out = fn();
  } catch (err) {
    out = err;
  }
  return [out, performance.now() - t];
};

test('a catastrophic lookaround-free pattern is finished by V8 linear engine with the exact answer', () => {
  const re = compilePattern('^(a+)+$', { fullMatch: true });
  assert.equal(re.linear, true);
  const [out, ms] = elapsed(() => re.exec('a'.repeat(40) + '!'));
  assert.equal(out, null);
  assert.ok(ms < 1000, `took ${ms} ms`);
});

test('a catastrophic pattern with a lookbehind: the relaxed pre-check rules the input out quickly', () => {
  const re = compilePattern('^[ab]*(?<!b)(a+)+$', { fullMatch: true });
  assert.equal(re.linear, false);
  const [out, ms] = elapsed(() => re.exec('a'.repeat(40) + '!'));
  assert.equal(out, null);
  assert.ok(ms < 1000, `took ${ms} ms`);
});

test('a catastrophic pattern with a one-unit lookbehind runs on the Pike VM: exact answer, no watchdog', () => {
  const re = compilePattern('(a+)+(?<!a)', { fullMatch: true, timeoutMs: 300 });
  assert.equal(re.linear, false);
  assert.equal(re.backtracking, false);
  assert.equal(re.exec('a'.repeat(40)), null);
  assert.deepEqual(compilePattern('(?P<x>a+)+(?<!b)', { fullMatch: true }).exec('aaa'), { x: 'aaa' });
});

test('when only the exact (backreference) pattern can fail, the watchdog raises RegexTimeoutError within ~1 s', () => {
  const re = compilePattern('(a)(a+)+(?<!a)\\1', { fullMatch: true, timeoutMs: 300 });
  assert.equal(re.backtracking, true);
  const [out, ms] = elapsed(() => re.exec('a'.repeat(40)));
  assert.ok(out instanceof RegexTimeoutError, String(out));
  assert.ok(ms < 1200, `took ${ms} ms`);
  // The same compiled pattern still answers normal inputs afterwards.
  assert.equal(re.exec('b'), null);
});

test('an atomic-group pattern on a bad input is bounded too (nested repetition)', () => {
  const re = compilePattern('(?>x)(\\w+\\s?)+$', { timeoutMs: 300 });
  const [out, ms] = elapsed(() => re.search('x' + 'ab cd '.repeat(8) + 'ab cd!'.repeat(3)));
  assert.ok(out === null || out instanceof RegexTimeoutError, String(out));
  assert.ok(ms < 1200, `took ${ms} ms`);
});
