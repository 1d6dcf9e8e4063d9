import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dictParse } from '../../src/stages/dict.js';
import { StageError } from '../../src/stages/stage.js';
import { run } from './helpers.js';

test('a dict input is stored as is', () => {
  const d = { a: 1, b: { c: [1, 2] } };
  assert.equal(run(dictParse, d), d);
  assert.deepEqual(dictParse.names, ['dict.parse']);
});

test('strings are read as a Python dict literal, then as JSON', () => {
  assert.deepEqual(run(dictParse, "{'a': 1, 'b': [True, None], 'c': 'x'}"), { a: 1, b: [true, null], c: 'x' });
  assert.deepEqual(run(dictParse, ' {"a": true, "b": null} '), { a: true, b: null });
});

test('anything that is not a dict afterwards is a StageError', () => {
  for (const bad of ['[1, 2]', "'text'", '{"a": 1', 'not a dict', '', '42', '{' .repeat(100_000), 'x'.repeat(10_000_000)]) {
    assert.throws(() => run(dictParse, bad), StageError, JSON.stringify(bad.slice(0, 20)));
  }
  for (const bad of [null, undefined, 1, [1], true]) assert.throws(() => run(dictParse, bad), StageError);
});
