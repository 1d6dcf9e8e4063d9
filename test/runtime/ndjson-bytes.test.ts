import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NdjsonBytes } from '../../src/runtime/ndjson-bytes.js';

test('lines come out as UTF-8, one per line, growing past the first capacity', () => {
  const out = new NdjsonBytes(1);
  const lines = ['{"a":1}', '\ufeff@cee: é', '😀 astral', 'x'.repeat(10_000), '\ud800 lone'];
  for (const line of lines) out.push(line);
  const text = Buffer.from(out.take()).toString('utf8');
  assert.equal(text, lines.map((l) => l.replace('\ud800', '\ufffd')).join('\n') + '\n');
});

test('the bytes own their ArrayBuffer, so a worker can transfer them', () => {
  const out = new NdjsonBytes(16);
  out.push('abc');
  const bytes = out.take();
  assert.equal(bytes.byteOffset, 0);
  assert.ok(!(bytes.buffer instanceof SharedArrayBuffer));
  assert.deepEqual([...bytes], [97, 98, 99, 10]);
});
