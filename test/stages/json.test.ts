import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonParse } from '../../src/stages/json.js';
import { StageError } from '../../src/stages/stage.js';
import { PyFloat } from '../../src/core/values.js';
import { run } from './helpers.js';

test('names, aliases and default input', () => {
  assert.deepEqual(jsonParse.names, ['json.parse-json', 'json.parseJSON']);
  assert.equal(jsonParse.defaultInput, 'message');
});

test('parses objects and arrays, keeping Python numbers and dotted keys', () => {
  const v = run(jsonParse, '{"flow.0":"a","n":6.0,"big":12345678901234567890,"l":[1]}') as Record<string, unknown>;
  assert.equal(v['flow.0'], 'a');
  assert.ok(v.n instanceof PyFloat);
  assert.equal(v.big, 12345678901234567890n);
  assert.deepEqual(run(jsonParse, ' [1, "x"] '), [1, 'x']);
});

test('dicts and lists pass through unchanged', () => {
  const d = { a: 1 };
  const l = [1];
  assert.equal(run(jsonParse, d), d);
  assert.equal(run(jsonParse, l), l);
});

test('malformed input, scalars and non-strings are StageErrors', () => {
  for (const bad of ['{"a":1', '', 'not json', '"just a string"', '42', 'null', '\u0000{}', '{"a":' + '['.repeat(100_000), 'x'.repeat(10_000_000)]) {
    assert.throws(() => run(jsonParse, bad), StageError);
  }
  for (const bad of [42, null, undefined, true]) assert.throws(() => run(jsonParse, bad), StageError);
});
