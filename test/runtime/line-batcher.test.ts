import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { ByteChunker, countLines, LineBatcher, splitLines } from '../../src/runtime/line-batcher.js';

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

/** V8's serializer tags a string by its representation: '"' one byte per character, 'c' two. */
const oneByte = (s: string): boolean => v8.serialize(s)[2] === 0x22;

test('in a block with non-ASCII lines, the ASCII lines are one-byte strings; every line is exact', () => {
  const pieces = ['abc', 'é', '日本', '', '😀', '{"a":"b"}', ' ', '\uFEFF@cee:', 'x\r'];
  let seed = 7;
  const pick = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let round = 0; round < 300; round++) {
    const lines: string[] = [];
    for (let i = 0, n = 1 + pick(60); i < n; i++) lines.push(Array.from({ length: pick(4) }, () => pieces[pick(pieces.length)]).join(''));
    const text = lines.join('\n') + '\n';
    const b = new LineBatcher(Number.POSITIVE_INFINITY);
    b.push(Buffer.from(text));
    const got = b.flush()[0]?.lines ?? [];
    const want = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l !== '');
    assert.deepEqual(got, want);
    for (const line of got) if (!/[^\x00-\x7f]/.test(line)) assert.ok(oneByte(line), JSON.stringify(line));
  }
  assert.ok(!oneByte('\u0100'.slice(0)), 'the representation check tells the two apart');
});

test('a block of several hundred KiB decodes in pieces, whole lines each, with or without non-ASCII', () => {
  for (const odd of [-1, 1234]) {
    const lines = Array.from({ length: 6000 }, (_, i) => (i === odd ? `{"n":${i},"s":"é"}` : `{"n":${i},"pad":"${'x'.repeat(i % 97)}"}`));
    lines.push('y'.repeat(150_000)); // one line longer than a decoding piece
    const b = new LineBatcher(Number.POSITIVE_INFINITY);
    b.push(Buffer.from(lines.join('\n') + '\n'));
    const got = b.flush()[0]?.lines ?? [];
    assert.deepEqual(got, lines);
    assert.ok(got.every((line, i) => i === odd || oneByte(line)));
  }
});

test('ByteChunker: blocks of whole lines, about the block size, the input unchanged once joined', () => {
  const text = Array.from({ length: 3000 }, (_, i) => `event ${i} ${'é'.repeat(i % 7)}`).join('\n');
  const input = Buffer.from(text);
  const allocated: number[] = [];
  const chunker = new ByteChunker(1000, (n) => {
    allocated.push(n);
    return new Uint8Array(new SharedArrayBuffer(n + 100));
  });
  const blocks: Uint8Array[] = [];
  // Uneven chunk sizes, cutting lines and multi-byte characters anywhere.
  for (let at = 0, step = 1; at < input.length; at += step, step = (step * 7 + 3) % 701 + 1) {
    blocks.push(...chunker.push(input.subarray(at, at + step)));
  }
  blocks.push(...chunker.endOfInput());
  assert.equal(Buffer.concat(blocks).toString(), text + '\n');
  for (const block of blocks) assert.equal(block[block.length - 1], 0x0a);
  // Cut at the last newline once the size is reached: short of it by less than a line at most.
  const longestLine = Math.max(...text.split('\n').map((l) => Buffer.byteLength(l) + 1));
  for (const block of blocks.slice(0, -1)) assert.ok(block.length > 1000 - longestLine, `block of ${block.length} bytes`);
  assert.deepEqual(allocated, blocks.map((b) => b.length));
  assert.ok(blocks.every((b) => b.buffer instanceof SharedArrayBuffer));
});

test('ByteChunker: a line longer than many chunks comes out whole once its newline arrives', () => {
  const chunker = new ByteChunker(10);
  const long = 'y'.repeat(5000);
  const out: Uint8Array[] = [];
  for (let at = 0; at < long.length; at += 64) out.push(...chunker.push(Buffer.from(long.slice(at, at + 64))));
  assert.equal(out.length, 0);
  out.push(...chunker.push(Buffer.from('\nnext')));
  assert.equal(out.length, 1);
  assert.equal(Buffer.from(out[0]!).toString(), long + '\n');
  const last = chunker.endOfInput();
  assert.equal(Buffer.from(last[0]!).toString(), 'next\n');
  assert.equal(chunker.endOfInput().length, 0);
});

test('an input begun with a name: lines numbered (blank ones count), no batch holds two inputs', () => {
  const b = new LineBatcher(2);
  b.beginInput('a.log');
  const out = [...b.push(Buffer.from('one\n\ntwo\nthr')), ...b.push(Buffer.from('ee\r\n')), ...b.endOfInput()];
  b.beginInput('b.log');
  out.push(...b.push(Buffer.from('four')), ...b.endOfInput(), ...b.flush());
  assert.deepEqual(
    out.map((x) => [x.source, x.lines, x.lineNumbers]),
    [
      ['a.log', ['one', 'two'], [1, 3]],
      ['a.log', ['three'], [4]],
      ['b.log', ['four'], [1]],
    ],
  );
});

test('splitLines numbers a block from its first line; countLines counts its newlines', () => {
  const block = Buffer.from('x\n\ny\n');
  assert.deepEqual(splitLines(block, 'f', 10), { lines: ['x', 'y'], invalidUtf8: [], source: 'f', lineNumbers: [10, 12] });
  assert.deepEqual(splitLines(block), { lines: ['x', 'y'], invalidUtf8: [] });
  assert.equal(countLines(block), 3);
  assert.equal(countLines(Buffer.from('no newline')), 0);
});
