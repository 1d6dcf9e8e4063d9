import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PyFloat } from '../../src/core/values.js';
import { normalize } from './helpers.js';

function acme(values: Record<string, unknown>) {
  const { event, warnings } = normalize({ acme: values });
  return { acme: event.acme as Record<string, unknown>, warnings };
}

test('keyword family: numbers and booleans get their Python/JSON text', () => {
  const { acme: out, warnings } = acme({ keyword: new PyFloat(6), text: 6 });
  assert.deepEqual(out, { keyword: '6.0', text: '6' });
  assert.deepEqual(acme({ keyword: 1.5 }).acme, { keyword: '1.5' });
  assert.deepEqual(acme({ keyword: new PyFloat(1e20) }).acme, { keyword: '1e+20' });
  assert.deepEqual(acme({ keyword: 2n ** 70n }).acme, { keyword: '1180591620717411303424' });
  assert.deepEqual(acme({ keyword: false }).acme, { keyword: 'false' });
  assert.deepEqual(warnings, []);
});

test('`string` is no documented type: its values are kept as written', () => {
  assert.deepEqual(acme({ string: true }).acme, { string: true });
  assert.deepEqual(acme({ string: [{ id: 'a', level: 2 }, { id: 'b' }] }).acme, { string: [{ id: 'a', level: 2 }, { id: 'b' }] });
  assert.deepEqual(acme({ string: 'text' }).acme, { string: 'text' });
  // Inside a written dict an empty string is left out, as at a keyword leaf.
  assert.deepEqual(acme({ obj: { k: 1 }, string: '' }).acme?.string, undefined);
});

test('keyword family: objects become compact sorted JSON, lists are coerced element-wise', () => {
  assert.deepEqual(acme({ keyword: { b: null, a: 1 } }).acme, { keyword: '{"a":1,"b":null}' });
  assert.deepEqual(acme({ keyword: {} }).acme, { keyword: '{}' });
  assert.deepEqual(acme({ keyword: [1, new PyFloat(2), 'x', false, { k: 'é' }, [1]] }).acme, {
    keyword: ['1', '2.0', 'x', 'false', '{"k":"é"}', '[1]'],
  });
  assert.deepEqual(acme({ keyword: [] }).acme, { keyword: [] });
  // None inside a keyword list is JSON's `null` text, like false is `false`.
  assert.deepEqual(acme({ keyword: [null, 'x'] }).acme, { keyword: ['null', 'x'] });
  // A None keyword value (inside a written object) is no value.
  assert.deepEqual(acme({ keyword: null, text: 'kept' }).acme, { text: 'kept' });
  // ECS keyword field, real table
  assert.deepEqual(normalize({ event: { code: 4688 } }).event, { event: { code: '4688' } });
});

test('long/number/float: numeric strings become numbers, numbers stay', () => {
  const { acme: out } = acme({ long: '75', number: '1.5', float: '75' });
  assert.deepEqual(out, { long: 75, number: 1.5, float: 75 });
  assert.deepEqual(acme({ long: new PyFloat(8080) }).acme, { long: new PyFloat(8080) });
  assert.deepEqual(acme({ long: '8080.0' }).acme, { long: new PyFloat(8080) });
  assert.deepEqual(acme({ long: ['1', 2, '3.5'] }).acme, { long: [1, 2, 3.5] });
  assert.deepEqual(acme({ long: true }).acme, { long: 1 });
  assert.deepEqual(normalize({ source: { port: '443' } }).event, { source: { port: 443 } });
});

test('boolean: "true"/"false" and 1/0 become booleans', () => {
  assert.deepEqual(acme({ boolean: 'true', bool: 'false' }).acme, { boolean: true, bool: false });
  assert.deepEqual(acme({ boolean: 1, bool: 0 }).acme, { boolean: true, bool: false });
  assert.deepEqual(acme({ boolean: 'TRUE', bool: true }).acme, { boolean: true, bool: true });
});

test('custom integer types, geo_point and date_nanos are not coerced', () => {
  const values = { integer: '12', int: '13', short: 'x', date_nanos: '2024-01-01 00:00:00', geo_point: { lat: 1, lon: 2 } };
  assert.deepEqual(acme(structuredClone(values)).acme, values);
});

test('ip: valid addresses and lists are kept unchanged', () => {
  assert.deepEqual(acme({ ip: '10.0.0.1' }).acme, { ip: '10.0.0.1' });
  assert.deepEqual(acme({ ip: ['::1', '192.168.0.1'] }).acme, { ip: ['::1', '192.168.0.1'] });
});

test('dates are normalized to UTC ISO text; integer epochs stay', () => {
  assert.deepEqual(acme({ date: '2024-03-01 10:20:30.3810679+01:00', datetime: '2024-03-01T10:20:30.000Z' }).acme, {
    date: '2024-03-01T09:20:30.381067Z',
    datetime: '2024-03-01T10:20:30Z',
  });
  assert.deepEqual(acme({ date: 1700000000 }).acme, { date: 1700000000 });
  assert.deepEqual(normalize({ '@timestamp': '2024-01-02T03:04:05.99' }).event, { '@timestamp': '2024-01-02T03:04:05.990000Z' });
});

test('uncoercible values are dropped silently, as the reference does', () => {
  const { acme: out, warnings } = acme({ long: 'abc', ip: 'not-an-ip', date: 'yesterday-ish', number: { a: 1 }, keyword: 'ok' });
  assert.deepEqual(out, { keyword: 'ok' });
  assert.deepEqual(warnings, []);
});

test('an uncoercible list element is removed silently', () => {
  const { acme: out, warnings } = acme({ ip: ['1.1.1.1', 'nope'], long: ['1', 'x'] });
  assert.deepEqual(out, { ip: ['1.1.1.1'], long: [1] });
  assert.deepEqual(warnings, []);
});

test('a boolean field takes any other text as false; an ip field trims surrounding blanks', () => {
  assert.deepEqual(acme({ boolean: 'Indonesia', bool: 'TRUE' }).acme, { boolean: false, bool: true });
  assert.deepEqual(acme({ ip: ' 1.2.3.4 ' }).acme, { ip: '1.2.3.4' });
  assert.deepEqual(acme({ ip: '1.2.3.4 ]' }).acme, {});
});
