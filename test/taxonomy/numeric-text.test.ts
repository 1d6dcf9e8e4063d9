import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PyFloat } from '../../src/core/values.js';
import { parseNumericText } from '../../src/taxonomy/numeric-text.js';

test('integer literals become ints, bigints beyond 2^53', () => {
  assert.equal(parseNumericText('75'), 75);
  assert.equal(parseNumericText(' -12 '), -12);
  assert.equal(parseNumericText('+007'), 7);
  assert.equal(parseNumericText('1_000'), 1000);
  assert.equal(parseNumericText('123456789012345678901'), 123456789012345678901n);
});

test('other decimal literals become floats (PyFloat when integral)', () => {
  assert.equal(parseNumericText('1.5'), 1.5);
  assert.deepEqual(parseNumericText('8080.0'), new PyFloat(8080));
  assert.deepEqual(parseNumericText('1e3'), new PyFloat(1000));
  assert.equal(parseNumericText('.5'), 0.5);
  assert.deepEqual(parseNumericText('5.'), new PyFloat(5));
});

test('non-numeric text, inf and nan are refused', () => {
  for (const s of ['abc', '', ' ', '1.2.3', '0x10', 'inf', 'nan', '1e999', '1__0', '_1', '12abc']) {
    assert.equal(parseNumericText(s), undefined, s);
  }
});
