import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ndjson, runCli, tempDir, tinyFormat } from './helpers.js';

// The parser writes a field its fields.yml does not declare: normalization drops it unless a
// --taxonomy file (a catalog's global extension list, say) declares it.
const parser =
  'name: x\npipeline:\n  - name: fill\nstages:\n  fill:\n    actions:\n      - set:\n          event.kind: event\n          acme.extra.count: "{{ original.message | length }}"\n';

const golden = { input: { message: 'hello' }, expected: { message: 'hello', event: { kind: 'event' }, acme: { extra: { count: 5 } } } };

function setup(): { dir: string; taxonomy: string } {
  const root = tempDir('tc-taxonomy');
  const dir = tinyFormat(root, { parser, tests: { 'a.json': golden } });
  const taxonomy = join(root, 'extensions.yml');
  writeFileSync(taxonomy, 'acme.extra.count:\n  name: acme.extra.count\n  type: long\n  description: characters in the message\n');
  return { dir, taxonomy };
}

test('normalize --taxonomy adds field definitions (repeatable flag)', async () => {
  const { dir, taxonomy } = setup();
  const without = await runCli(['normalize', '--format', dir], { stdin: 'hello\n' });
  assert.equal(without.code, 0, without.stderr);
  // C11: `acme` and `acme.extra` were created by the path write; emptied by the filter, they go.
  assert.equal((ndjson(without.stdout)[0] as any).acme, undefined);
  const withIt = await runCli(['normalize', '--format', dir, '--taxonomy', taxonomy, '--taxonomy', taxonomy], { stdin: 'hello\n' });
  assert.equal(withIt.code, 0, withIt.stderr);
  assert.deepEqual((ndjson(withIt.stdout)[0] as any).acme, { extra: { count: 5 } });
});

test('test --taxonomy uses the definitions too; an unreadable taxonomy file is a clear error', async () => {
  const { dir, taxonomy } = setup();
  assert.match((await runCli(['test', dir])).stdout, /^0 passed, 1 failed$/m);
  assert.match((await runCli(['test', '--taxonomy', taxonomy, dir])).stdout, /^1 passed, 0 failed$/m);
  const bad = await runCli(['normalize', '--format', dir, '--taxonomy', join(dir, 'nope.yml')], { stdin: 'x\n' });
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /--taxonomy: cannot read .*nope\.yml/);
});
