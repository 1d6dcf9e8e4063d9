import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NdjsonFileOutput } from '../../src/outputs/ndjson-file.js';

test('appends one line per event and rotates by size, keeping maxFiles rotated files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-ndjson-'));
  const path = join(dir, 'out', 'events.ndjson');
  const output = new NdjsonFileOutput({ path, maxBytes: 300, maxFiles: 2 });
  try {
    const writes = [];
    for (let i = 0; i < 12; i++) writes.push(output.write([{ event: { id: String(i) }, pad: 'x'.repeat(60) }]));
    await Promise.all(writes);
    await output.close();
    const files = readdirSync(join(dir, 'out')).sort();
    assert.deepEqual(files.length, 3, `current + 2 rotated, got ${files}`);
    assert.ok(files.every((f) => /^events\.ndjson(\.\d{6})?$/.test(f)));
    const ids = files
      .slice(1).concat(files[0]!)
      .flatMap((f) => readFileSync(join(dir, 'out', f), 'utf8').trim().split('\n'))
      .map((l) => (JSON.parse(l) as { event: { id: string } }).event.id);
    // Oldest rotated files were deleted; what remains is the newest events, in order.
    assert.equal(ids.at(-1), '11');
    assert.deepEqual(ids, ids.slice().sort((a, b) => Number(a) - Number(b)));
    for (const f of files) assert.ok(readFileSync(join(dir, 'out', f)).length <= 300);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('idempotent on event.id across a crash: a cut last line is dropped, redelivered events are not written again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-ndjson-'));
  const path = join(dir, 'events.ndjson');
  const ev = (id: string) => ({ event: { id }, message: `m${id}` });
  try {
    const first = new NdjsonFileOutput({ path });
    await first.write([ev('a'), ev('b')]);
    await first.write([ev('b'), ev('c'), ev('c')]);
    // kill -9 while appending: half a line of an event that was never reported written.
    appendFileSync(path, '{"event":{"id":"d"},"mess');
    const second = new NdjsonFileOutput({ path });
    // The bus redelivers what was not acknowledged: b, c and d.
    await second.write([ev('b'), ev('c'), ev('d')]);
    await second.close();
    const ids = readFileSync(path, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { event: { id: string } }).event.id);
    assert.deepEqual(ids, ['a', 'b', 'c', 'd']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the recent-id window reaches back into the newest rotated file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-ndjson-'));
  const path = join(dir, 'events.ndjson');
  const ev = (id: string) => ({ event: { id }, pad: 'x'.repeat(100) });
  try {
    const first = new NdjsonFileOutput({ path, maxBytes: 400 });
    for (const id of ['1', '2', '3', '4', '5']) await first.write([ev(id)]);
    await first.close();
    const second = new NdjsonFileOutput({ path, maxBytes: 400 });
    await second.write([ev('2'), ev('4'), ev('5'), ev('6')]);
    await second.close();
    const all = readdirSync(dir).sort().slice(1).concat('events.ndjson')
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
      .map((l) => (JSON.parse(l) as { event: { id: string } }).event.id);
    assert.deepEqual(all, ['1', '2', '3', '4', '5', '6']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
