import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { chooseSamples, MAX_SAMPLES } from '../../src/cli/docs/sample-choice.js';
import type { FormatTestCase } from '../../src/pipeline/index.js';
import { runCli, tempDir, tinyFormat } from './helpers.js';

const sample = (file: string, event: Record<string, unknown>, extra: Record<string, unknown> = {}): FormatTestCase => ({
  file,
  input: { message: file },
  expected: { message: file, event, ...extra },
});

test('chooseSamples: all when few; else the ones that show the most kinds of events, in file order', () => {
  const few = [sample('a.json', { kind: 'event' })];
  assert.deepEqual(chooseSamples(few), few);
  const tests = [
    ...Array.from({ length: 6 }, (_, i) => sample(`same${i}.json`, { kind: 'event', category: ['network'] })),
    sample('login.json', { kind: 'event', category: ['authentication'], outcome: 'success' }, { user: { name: 'x' } }),
    sample('alert.json', { kind: 'alert', category: ['malware'] }, { file: { path: '/x' } }),
  ];
  const chosen = chooseSamples(tests, 3).map((t) => t.file);
  assert.deepEqual(chosen, ['same0.json', 'login.json', 'alert.json']);
});

test('docs: a format with many tests shows MAX_SAMPLES of them and says how many it has', async () => {
  const root = tempDir('docs-many');
  const tests: Record<string, unknown> = {};
  for (let i = 0; i < 20; i++) {
    tests[`t${String(i).padStart(2, '0')}.json`] = { input: { message: `m${i}` }, expected: { message: `m${i}`, event: { kind: 'event', reason: `m${i}` } } };
  }
  tinyFormat(root, { tests });
  const out = join(root, 'out');
  const r = await runCli(['docs', root, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const page = readFileSync(join(out, 'acme-tiny.md'), 'utf8');
  assert.equal(page.match(/^=== "/gm)?.length, MAX_SAMPLES);
  assert.match(page, new RegExp(`${MAX_SAMPLES} of the format's 20 tests are shown`));
});
