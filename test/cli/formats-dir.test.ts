import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ndjson, runCli, tempDir, writeTree } from './helpers.js';

/** A tree with one format of the given slug whose parser sets event.reason to `tag`. */
function tree(root: string, slug: string, tag: string, message = 'x'): string {
  writeTree(join(root, 'vendor', slug), {
    '_meta/manifest.yml': `uuid: 00000000-0000-0000-0000-${tag.padStart(12, '0')}\nname: "Vendor ${slug}"\nslug: ${slug}\ndata_sources:\n  Network logs: all\n`,
    '_meta/fields.yml': '{}\n',
    'ingest/parser.yml': `name: ${slug}\npipeline:\n  - name: main\nstages:\n  main:\n    actions:\n      - set:\n          event.reason: "${tag}"\n`,
    'tests/one.json': JSON.stringify({ input: { message }, expected: { message, event: { reason: tag } } }),
  });
  return root;
}

test('--format by slug or name from --formats-dir trees (the first tree wins) and INTAKE_FORMATS_PATH', async () => {
  const a = tree(tempDir('fd-a'), 'acme-gateway', '1');
  const b = tree(tempDir('fd-b'), 'acme-gateway', '2');
  tree(b, 'acme-proxy', '3');
  const first = await runCli(['normalize', '--formats-dir', a, '--formats-dir', b, '--format', 'acme-gateway'], { stdin: 'x\n' });
  assert.equal(first.code, 0, first.stderr);
  assert.equal((ndjson(first.stdout)[0] as any).event.reason, '1');
  const byName = await runCli(['normalize', '--formats-dir', a, '--formats-dir', b, '--format', 'Vendor acme-proxy'], { stdin: 'x\n' });
  assert.equal((ndjson(byName.stdout)[0] as any).event.reason, '3');
  const fromEnv = await runCli(['normalize', '--format', 'acme-proxy'], { stdin: 'x\n', env: { INTAKE_FORMATS_PATH: `${a}:${b}` } });
  assert.equal(fromEnv.code, 0, fromEnv.stderr);
  assert.equal((ndjson(fromEnv.stdout)[0] as any).event.reason, '3');
});

test('an unknown slug gets the closest names; test and docs take slugs too', async () => {
  const a = tree(tempDir('fd-c'), 'acme-gateway', '4');
  const bad = await runCli(['normalize', '--formats-dir', a, '--format', 'acme-gatway'], { stdin: 'x\n' });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"acme-gatway" is neither a known format nor a folder; did you mean "acme-gateway"\?/);
  const t = await runCli(['test', '--formats-dir', a, 'acme-gateway']);
  assert.equal(t.code, 0, t.stdout);
  assert.match(t.stdout, /^1 passed, 0 failed$/m);
});

test('formats lists every tree and the built-ins, with --json for scripts', async () => {
  const a = tree(tempDir('fd-d'), 'acme-gateway', '5');
  const r = await runCli(['formats', '--formats-dir', a, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { slug: string; origin: string; uuid: string; data_sources: string[] }[];
  const mine = rows.find((row) => row.slug === 'acme-gateway')!;
  assert.equal(mine.uuid, '00000000-0000-0000-0000-000000000005');
  assert.deepEqual(mine.data_sources, ['Network logs']);
  assert.ok(rows.some((row) => row.slug === 'rubycat-proveit' && row.origin === 'built-in'));
  const text = await runCli(['formats', '--formats-dir', a]);
  assert.match(text.stdout, /^acme-gateway +Vendor acme-gateway +\(.*vendor\/acme-gateway\)$/m);
});

test('--format auto over a tree of many formats: each event to the format it looks like; a broken format is a warning', async () => {
  const root = tempDir('fd-auto');
  const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
  words.forEach((w, i) => tree(root, `fmt-${w}`, String(i + 1), `${w} service ${w}-daemon started pid`));
  writeTree(join(root, 'vendor', 'broken'), {
    '_meta/manifest.yml': 'uuid: 00000000-0000-0000-0000-00000000ffff\nname: Broken\nslug: broken\n',
    'ingest/parser.yml': 'name: broken\npipeline: [\n',
    'tests/one.json': JSON.stringify({ input: { message: 'kilo service kilo-daemon started pid' }, expected: {} }),
  });
  const input = ['echo service echo-daemon started pid 42', 'india service india-daemon started pid 7', 'kilo service kilo-daemon started pid 1'];
  const r = await runCli(['normalize', '--formats-dir', root, '--format', 'auto'], { stdin: input.join('\n') + '\n' });
  assert.equal(r.code, 0, r.stderr);
  const out = ndjson(r.stdout) as any[];
  assert.equal(out[0].event.reason, '5');
  assert.equal(out[1].event.reason, '9');
  assert.match(r.stderr, /warning: format .*broken does not load/);
  assert.equal(out.length, 3, 'the broken format\'s event still gets a record');
});
