import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineBatcher } from '../../src/runtime/line-batcher.js';

test('splits chunks into lines across chunk boundaries and batches them', () => {
  const b = new LineBatcher(2);
  const out = [...b.push(Buffer.from('one\ntw')), ...b.push(Buffer.from('o\r\n\nthree')), ...b.endOfInput(), ...b.flush()];
  assert.deepEqual(out.map((x) => x.lines), [['one', 'two'], ['three']]);
});

test('flags invalid UTF-8 lines and keeps them (lossily decoded)', () => {
  const b = new LineBatcher(10);
  const bytes = Buffer.concat([Buffer.from('ok\n'), Buffer.from([0x62, 0xff, 0x61, 0x0a]), Buffer.from('é\n')]);
  const out = [...b.push(bytes), ...b.flush()];
  assert.equal(out.length, 1);
  assert.deepEqual(out[0]!.lines, ['ok', 'b\ufffda', 'é']);
  assert.deepEqual(out[0]!.invalidUtf8, [1]);
});

test('a multi-byte character split across chunks is decoded correctly', () => {
  const b = new LineBatcher(10);
  const bytes = Buffer.from('aé\n');
  const out = [...b.push(bytes.subarray(0, 2)), ...b.push(bytes.subarray(2)), ...b.flush()];
  assert.deepEqual(out[0]!.lines, ['aé']);
  assert.deepEqual(out[0]!.invalidUtf8, []);
});
