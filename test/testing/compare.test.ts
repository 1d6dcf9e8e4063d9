import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PyFloat } from '../../src/core/values.js';
import { eventMatches, instantKey, valuesEqual } from '../../src/testing/compare.js';

test('numbers compare by value, strings never equal numbers', () => {
  assert.equal(valuesEqual(1, new PyFloat(1)), true);
  assert.equal(valuesEqual(8080, 8080.0), true);
  assert.equal(valuesEqual('6', 6), false);
  assert.equal(valuesEqual(true, 'true'), false);
  assert.equal(valuesEqual(true, 1), true, 'Python: True == 1');
  assert.equal(valuesEqual(null, 'None'), false);
});

test('lists of scalars are unordered, lists of objects are ordered', () => {
  assert.equal(valuesEqual(['b', 'a'], ['a', 'b']), true);
  assert.equal(valuesEqual(['a', 'a'], ['a', 'b']), false);
  assert.equal(valuesEqual([{ a: 1 }, { b: 2 }], [{ b: 2 }, { a: 1 }]), false);
  assert.equal(valuesEqual([{ a: [2, 1] }], [{ a: [1, 2] }]), true);
});

test('object key order is ignored, extra keys are not', () => {
  assert.equal(valuesEqual({ a: 1, b: 2 }, { b: 2, a: 1 }), true);
  assert.equal(valuesEqual({ a: 1 }, { a: 1, b: 2 }), false);
});

test('date strings compare as instants with microsecond precision', () => {
  assert.equal(valuesEqual('2019-06-27T14:48:28.0000000Z', '2019-06-27T14:48:28Z'), true);
  assert.equal(valuesEqual('2022-12-08T21:37:18.323112+01:00', '2022-12-08T20:37:18.323112Z'), true);
  assert.equal(valuesEqual('2022-12-08T20:37:18.3810679Z', '2022-12-08T20:37:18.381067Z'), true);
  assert.equal(valuesEqual('2022-12-08T20:37:18.5Z', '2022-12-08T20:37:18Z'), false);
  assert.equal(instantKey('not a date'), undefined);
});

test('metadata, event.id and message are ignored; other fields are not', () => {
  const expected = { message: 'x', event: { kind: 'event' }, sekoiaio: { intake: { parsing_status: 'success' } } };
  const actual = {
    message: 'y',
    event: { kind: 'event', id: 'abc' },
    sekoiaio: { intake: { dialect: 'test', dialect_uuid: '0', parsing_duration_ms: 3 } },
  };
  assert.equal(eventMatches(expected, actual), true);
  assert.equal(eventMatches(expected, { ...actual, source: { ip: '1.2.3.4' } }), false);
});
