import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeIndex, encodeIndex, formatIndexOf } from '../../src/runtime/format-index-cache.js';
import { FormatIndex } from '../../src/runtime/format-index.js';
import type { Format } from '../../src/pipeline/index.js';
import { tempDir, withEnv } from '../cli/helpers.js';
import { fakeFormat } from './fake-format.js';

const SAMPLES = [
  ['sshd accepted password for root', 'sshd session opened for user bob'],
  ['CEF:0|Acme|Firewall|1|100|blocked|5|src=1.2.3.4', 'CEF:0|Acme|Firewall|1|101|allowed|3|src=1.1.1.1'],
  ['{"type":"audit","user":"é","action":"login"}'],
];

test('an encoded index decodes to the same ranking, at any byte offset; damaged bytes decode to nothing', () => {
  const index = FormatIndex.build(SAMPLES);
  const bytes = encodeIndex(index.data);
  const shifted = new Uint8Array(bytes.length + 3).subarray(3);
  shifted.set(bytes);
  for (const copy of [bytes, shifted]) {
    const back = new FormatIndex(decodeIndex(copy)!);
    for (const m of ['sshd accepted publickey', 'CEF:0|Acme|Firewall|1|100|x', '{"type":"audit","user":"x"}', 'nothing alike']) {
      assert.deepEqual(back.rank(m, 3), index.rank(m, 3), m);
    }
  }
  assert.equal(decodeIndex(bytes.subarray(0, bytes.length - 1)), undefined);
  assert.equal(decodeIndex(new Uint8Array(3)), undefined);
});

/** Formats whose tests are files in a folder, as loadTests reads them. */
function folderFormats(root: string): Format[] {
  return SAMPLES.map((messages, i) => {
    const dir = join(root, `f${i}`);
    mkdirSync(join(dir, 'tests'), { recursive: true });
    messages.forEach((message, j) => writeFileSync(join(dir, 'tests', `t${j}.json`), JSON.stringify({ input: { message }, expected: {} })));
    let reads = 0;
    const format = fakeFormat(`f${i}`, () => undefined, messages);
    return Object.assign(format, {
      dir,
      reads: () => reads,
      loadTests: () => {
        reads++;
        return messages.map((message, j) => ({ file: join(dir, 'tests', `t${j}.json`), input: { message }, expected: {} }));
      },
    });
  });
}

test('the index of formats with test folders is built once, then read from the cache; a changed test rebuilds it', () => {
  const root = tempDir('index-cache');
  const cache = join(root, 'cache');
  const formats = folderFormats(root) as (Format & { reads: () => number })[];
  withEnv('INTAKE_CACHE_DIR', cache, () => {
    const first = formatIndexOf(formats);
    assert.deepEqual(formats.map((f) => f.reads()), [1, 1, 1]);
    assert.equal(readdirSync(cache).filter((n) => n.startsWith('format-index-')).length, 1);
    const second = formatIndexOf(formats);
    assert.deepEqual(formats.map((f) => f.reads()), [1, 1, 1], 'the tests are not read again');
    assert.deepEqual(second.rank('sshd accepted password', 3), first.rank('sshd accepted password', 3));
    writeFileSync(join(formats[1]!.dir, 'tests', 't9.json'), JSON.stringify({ input: { message: 'more' }, expected: {} }));
    formatIndexOf(formats);
    assert.deepEqual(formats.map((f) => f.reads()), [2, 2, 2], 'a new test file: built again');
  });
});

test('formats whose tests are not in folders are indexed every time, never cached', () => {
  const cache = join(tempDir('index-nocache'), 'cache');
  const formats = SAMPLES.map((messages, i) => fakeFormat(`m${i}`, () => undefined, messages));
  withEnv('INTAKE_CACHE_DIR', cache, () => {
    const index = formatIndexOf(formats);
    assert.deepEqual(index.rank('sshd accepted password', 1), [0]);
  });
  assert.throws(() => readdirSync(cache), /ENOENT/);
});
