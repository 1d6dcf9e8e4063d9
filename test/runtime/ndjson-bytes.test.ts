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

test('without a shared block the bytes start at offset 0 of a buffer of their own', () => {
  const out = new NdjsonBytes(16);
  out.push('abc');
  const bytes = out.take();
  assert.equal(bytes.byteOffset, 0);
  assert.ok(!(bytes.buffer instanceof SharedArrayBuffer));
  assert.deepEqual([...bytes], [97, 98, 99, 10]);
});

test('lines go into a given shared block while they fit, then into a buffer of their own', () => {
  const block = new SharedArrayBuffer(64);
  const small = new NdjsonBytes(0, block);
  small.push('{"a":"é"}');
  const bytes = small.take();
  assert.equal(bytes.buffer, block, 'written in place, shared with whoever gets the view');
  assert.equal(Buffer.from(bytes).toString(), '{"a":"é"}\n');

  const big = new NdjsonBytes(0, new SharedArrayBuffer(64));
  const lines = ['first', 'z'.repeat(100), 'last'];
  for (const line of lines) big.push(line);
  const grown = big.take();
  assert.ok(!(grown.buffer instanceof SharedArrayBuffer));
  assert.equal(Buffer.from(grown).toString(), lines.join('\n') + '\n');
});
