import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateParse } from '../../src/stages/date.js';
import { StageConfigError, StageError } from '../../src/stages/stage.js';
import { PyFloat } from '../../src/core/values.js';
import { compile, run, runCtx } from './helpers.js';

test('name and default input', () => {
  assert.deepEqual(dateParse.names, ['date.parse']);
  assert.equal(dateParse.defaultInput, '@timestamp');
});

test('autodetection, format, timestamp; output is the UTC ISO string with six fraction digits always', () => {
  assert.equal(run(dateParse, '2023-03-20T15:33:12.406+01:00'), '2023-03-20T14:33:12.406000Z');
  assert.equal(run(dateParse, '28/Feb/2021:18:20:40 +0100', { format: '%d/%b/%Y:%H:%M:%S %z' }), '2021-02-28T17:20:40.000000Z');
  assert.equal(run(dateParse, '1599665193', { format: 'timestamp' }), '2020-09-09T15:26:33.000000Z');
  assert.equal(run(dateParse, 1750935017037, { format: 'timestamp' }), '2025-06-26T10:50:17.037000Z');
  assert.equal(run(dateParse, new PyFloat(1599665193), { format: null }), '2020-09-09T15:26:33.000000Z');
  assert.equal(run(dateParse, '2024-07-17 09:08:27', { format: '' }), '2024-07-17T09:08:27.000000Z');
});

test('year-less dates use the run context now', () => {
  const stage = compile(dateParse, { format: '%b %d %H:%M:%S' });
  assert.equal(stage.run('Feb  7 13:43:37', runCtx({}, Date.UTC(2021, 6, 1))), '2021-02-07T13:43:37.000000Z');
});

test('static and templated timezones', () => {
  assert.equal(run(dateParse, '2024-07-01 12:00:00', { timezone: 'Europe/Paris' }), '2024-07-01T10:00:00.000000Z');
  assert.equal(run(dateParse, '2024-07-01 12:00:00', { timezone: '+0100' }), '2024-07-01T11:00:00.000000Z');
  const stage = compile(dateParse, { timezone: '{{ parsed.tz }}' });
  assert.equal(stage.run('2024-07-01 12:00:00', runCtx({ parsed: { tz: '-05:00' } })), '2024-07-01T17:00:00.000000Z');
  assert.equal(stage.run('2024-07-01 12:00:00', runCtx({ parsed: { tz: null } })), '2024-07-01T12:00:00.000000Z');
  assert.throws(() => stage.run('2024-07-01 12:00:00', runCtx({ parsed: { tz: 'Nowhere/City' } })), StageError);
});

test('the timezone applies to epochs as to offset-less texts', () => {
  assert.equal(run(dateParse, '1700000000', { timezone: '+0100' }), '2023-11-14T21:13:20.000000Z');
  assert.equal(run(dateParse, 1700000000, { timezone: '-0200' }), '2023-11-15T00:13:20.000000Z');
  assert.equal(run(dateParse, '1700000000123', { format: 'timestamp', timezone: 'Europe/Paris' }), '2023-11-14T21:13:20.123000Z');
  assert.equal(run(dateParse, '1700000000', { timezone: 'UTC' }), '2023-11-14T22:13:20.000000Z');
});

test('bad properties are StageConfigErrors', () => {
  assert.throws(() => compile(dateParse, { format: '%Y-%Q' }), StageConfigError);
  assert.throws(() => compile(dateParse, { format: 12 }), StageConfigError);
  assert.throws(() => compile(dateParse, { timezone: 'Nowhere/City' }), StageConfigError);
});

test('unparsable or missing input is a StageError', () => {
  for (const bad of ['garbage', '', '   ', null, undefined, {}, true, '2023-02-30', 'x'.repeat(10_000_000)]) {
    assert.throws(() => run(dateParse, bad), StageError);
  }
  assert.throws(() => run(dateParse, '2021-01-02 junk', { format: '%Y-%m-%d' }), StageError);
});
