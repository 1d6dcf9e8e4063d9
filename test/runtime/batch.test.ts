import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBatchProcessor } from '../../src/runtime/batch.js';
import { fakeFormat } from './fake-format.js';

const upper = fakeFormat('upper', (m) => (m.startsWith('!') ? undefined : { value: m.toUpperCase() }));

test('one NDJSON line per input line, in order, with counts', () => {
  const process = createBatchProcessor({ kind: 'format', format: upper }, 'raw');
  const r = process({ lines: ['a', '!bad', 'c'], invalidUtf8: [] });
  const events = Buffer.from(r.bytes).toString().trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(events.map((e) => e.value), ['A', undefined, 'C']);
  assert.equal(r.normalized, 2);
  assert.equal(r.failed, 1);
});

test('json mode: malformed lines and invalid UTF-8 become failure records', () => {
  const process = createBatchProcessor({ kind: 'format', format: upper }, 'json');
  const r = process({ lines: ['{"message": "x"}', 'nope', '{"message": 1}', '{"message": "\ufffd"}'], invalidUtf8: [3] });
  const events = Buffer.from(r.bytes).toString().trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(events.length, 4);
  assert.equal(events[0].value, 'X');
  assert.match(events[1].sekoiaio.intake.parsing_error, /invalid JSON/);
  assert.match(events[2].sekoiaio.intake.parsing_error, /must be a string/);
  assert.match(events[3].sekoiaio.intake.parsing_error, /invalid UTF-8/);
  assert.equal(r.failed, 3);
});
