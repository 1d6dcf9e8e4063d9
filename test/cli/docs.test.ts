import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir, tinyFormat } from './helpers.js';

test('docs writes a page per format with the seed sections', async () => {
  const root = tempDir('docs');
  tinyFormat(root, {
    tests: {
      'one.json': {
        input: { message: 'hé' },
        expected: { message: 'hé', event: { kind: 'event', reason: 'hé', category: ['host'], type: ['info'] } },
      },
    },
  });
  const out = join(root, 'out');
  const r = await runCli(['docs', root, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const page = readFileSync(join(out, 'acme-tiny.md'), 'utf8');
  assert.match(page, /^\n## Event Categories\n/);
  assert.match(page, /\| `Application logs` \| every line \|/);
  assert.match(page, /\| Kind \| `event` \|\n\| Category \| `host` \|\n\| Type \| `info` \|/);
  assert.match(page, /=== "one\.json"\n\n {4}```json\n\t\n {4}\{\n {8}"message": "h\\u00e9",/);
  assert.match(page, /## Extracted Fields/);
  assert.match(page, /\|`event\.kind` \| `keyword` \| [^|]*kind[^|]* \|/);
  assert.match(page, /\|`event\.reason` \| `keyword` \|/);
});

test('committed docs/formats pages are up to date (regenerate: intake docs formats --out docs/formats)', async () => {
  const out = tempDir('docs-fresh');
  const r = await runCli(['docs', 'formats', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const fresh = readdirSync(out).sort();
  const committed = readdirSync(join(ROOT, 'docs', 'formats')).filter((f) => f.endsWith('.md')).sort();
  assert.deepEqual(committed, fresh);
  for (const page of fresh) {
    assert.equal(readFileSync(join(ROOT, 'docs', 'formats', page), 'utf8'), readFileSync(join(out, page), 'utf8'), `${page} is stale`);
  }
});

test('a format with _meta/smart-descriptions.json gets a Smart Descriptions section with an example or a note', async () => {
  const root = tempDir('docs-smart');
  const dir = tinyFormat(root, { tests: { 'a.json': { input: { message: 'hi' }, expected: { message: 'hi', event: { kind: 'event', reason: 'hi' } } } } });
  writeFileSync(
    join(dir, '_meta', 'smart-descriptions.json'),
    JSON.stringify([
      { value: 'Said {event.reason}', conditions: [{ field: 'event.kind', value: 'event' }] },
      { value: 'Alert {event.reason}', conditions: [{ field: 'event.kind', value: 'alert' }] },
    ]),
  );
  const out = join(root, 'out');
  const r = await runCli(['docs', dir, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  const page = readFileSync(join(out, 'acme-tiny.md'), 'utf8');
  assert.match(page, /## Smart Descriptions/);
  assert.match(page, /\| Said \{event\.reason\} \| `event\.kind` = `"event"` \| Said hi \(`a\.json`\) \|/);
  assert.match(page, /\| Alert \{event\.reason\} \| `event\.kind` = `"alert"` \| no test of this format shows it \|/);
});
