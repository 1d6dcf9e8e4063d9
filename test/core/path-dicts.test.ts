import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPathDict, newPathDict } from '../../src/core/path-dicts.js';
import { cloneValue } from '../../src/pipeline/paths.js';

test('a path dict is marked, and the mark is invisible to keys, JSON and copies', () => {
  const created = newPathDict();
  created.a = 1;
  assert.equal(isPathDict(created), true);
  assert.equal(isPathDict({ a: 1 }), false);
  assert.deepEqual(Object.keys(created), ['a']);
  assert.equal(JSON.stringify(created), '{"a":1}');
  assert.equal(Object.getPrototypeOf(created), Object.prototype);
  assert.equal(isPathDict(cloneValue(created)), false);
  assert.equal(isPathDict({ ...created }), false);
});
