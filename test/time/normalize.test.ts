import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeDateString } from '../../src/time/index.js';

test('ISO shapes: T or space, fraction truncated to 6 digits, offsets converted, none = UTC', () => {
  const cases: [string, string][] = [
    ['2023-03-20T15:33:12.3810679Z', '2023-03-20T15:33:12.381067Z'],
    ['2023-03-20T15:33:12.999999999Z', '2023-03-20T15:33:12.999999Z'],
    ['2023-03-20 15:33:12.99', '2023-03-20T15:33:12.990000Z'],
    ['2023-03-20T15:33:12.000Z', '2023-03-20T15:33:12Z'],
    ['2023-03-20T15:33:12', '2023-03-20T15:33:12Z'],
    ['2023-03-20T15:33:12+01:00', '2023-03-20T14:33:12Z'],
    ['2023-03-20T15:33:12-08:00', '2023-03-20T23:33:12Z'],
    ['2023-03-20T15:33:12.5+0000', '2023-03-20T15:33:12.500000Z'],
    ['2023-03-20T00:10:00+01:00', '2023-03-19T23:10:00Z'],
    ['2023-03-20', '2023-03-20T00:00:00Z'],
    ['2023-03-20T15:33:12.406000Z', '2023-03-20T15:33:12.406000Z'],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeDateString(input), expected, input);
});

test('other shapes fall back to autodetection; garbage gives null', () => {
  assert.equal(normalizeDateString('Feb 28 2021 18:20:40'), '2021-02-28T18:20:40Z');
  assert.equal(normalizeDateString('Feb  7 13:43:37', Date.UTC(2022, 0, 1)), '2022-02-07T13:43:37Z');
  assert.equal(normalizeDateString('1599665193'), '2020-09-09T15:26:33Z');
  assert.equal(normalizeDateString('not a date'), null);
  assert.equal(normalizeDateString('2023-02-29T00:00:00Z'), null);
  assert.equal(normalizeDateString(''), null);
});

test('texts already in the normalized UTC spelling come back unchanged; near misses are rewritten', () => {
  const same = ['2023-01-05T10:00:00Z', '2023-01-05T10:00:00.000001Z', '0999-12-31T23:59:59.999999Z', '2024-02-29T00:00:00Z'];
  for (const t of same) assert.equal(normalizeDateString(t), t);
  const cases: [string, string | null][] = [
    ['2023-01-05T10:00:00.000000Z', '2023-01-05T10:00:00Z'],
    ['2023-01-05T10:00:00.1Z', '2023-01-05T10:00:00.100000Z'],
    ['2023-01-05T10:00:00.1234567Z', '2023-01-05T10:00:00.123456Z'],
    ['2023-01-05t10:00:00Z', '2023-01-05T10:00:00Z'],
    ['2023-01-05 10:00:00Z', '2023-01-05T10:00:00Z'],
    ['2023-01-05T10:00:00z', '2023-01-05T10:00:00Z'],
    ['2023/01/05T10:00:00Z', '2023-01-05T10:00:00Z'],
    ['2023-01-05T10:00   Z', '2023-01-05T10:00:00Z'],
    ['2023-01-05T10:00:00.1     Z', '2023-01-05T10:00:00.100000Z'],
    ['2023-02-29T10:00:00Z', null],
    ['2023-01-05T24:00:00Z', null],
    ['0000-01-05T10:00:00Z', null],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeDateString(input), expected, input);
});
