import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileValue } from '../../src/language/index.js';

const run = (expr: string, scope: Record<string, unknown> = {}): unknown => compileValue(`{{ ${expr} }}`)(scope);

test('to_rfc3339 / to_iso8601 use the shared date engine', () => {
  assert.equal(run("'2023-03-20T15:33:12.406Z' | to_rfc3339"), '2023-03-20T15:33:12.406000Z');
  assert.equal(run("'2022-10-03 14:02:32 +0200' | to_rfc3339"), '2022-10-03T12:02:32Z');
  assert.equal(run('ts | to_rfc3339', { ts: 1599665193 }), '2020-09-09T15:26:33Z');
  assert.equal(run("'1750935017037' | to_iso8601"), '2025-06-26T10:50:17.037000Z');
  assert.equal(run("'not a date' | to_rfc3339"), null);
});

test('to_rfc3339 takes an optional strptime format', () => {
  assert.equal(run("'03/04/2024 07:51:20' | to_rfc3339('%d/%m/%Y %H:%M:%S')"), '2024-04-03T07:51:20Z');
  assert.equal(run("'03/04/2024 07:51:20' | to_rfc3339"), '2024-03-04T07:51:20Z');
  assert.equal(run("'2024-04-03 07:51:20' | to_iso8601('%d/%m/%Y %H:%M:%S')"), '2024-04-03T07:51:20Z'); // does not fit: autodetected
});
