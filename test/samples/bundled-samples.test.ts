import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bundledSamples } from '../../src/samples/bundled-samples.js';

test('samples/*.ndjson hold exactly the built-in formats\' test inputs (regenerate: node scripts/update-samples.js)', () => {
  const samples = bundledSamples();
  assert.equal(samples.length, 3);
  for (const { file, text } of samples) assert.equal(readFileSync(file, 'utf8'), text, `${file} is stale`);
});
