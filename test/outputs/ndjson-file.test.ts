import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
