import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedIntakes, generatedReadKey, loadIntakeFormats } from '../../src/intake/resolve-formats.js';
import { startServer } from '../../src/intake/server.js';
import { DEFAULT_LIMITS } from '../../src/intake/limits.js';
import { resolveConfig } from '../../src/intake/config.js';
import { httpRequest } from './helpers.js';

test('generated keys: one per built-in format, kept across restarts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-keys-'));
  try {
    const file = join(dir, 'keys.json');
    const first = generatedIntakes(file);
    assert.ok(first.intakes.length >= 1);
    assert.deepEqual(new Set(first.intakes.map((i) => i.format)).size, first.intakes.length);
    for (const { key } of first.intakes) assert.match(key, /^[0-9a-f]{32}$/);
    assert.deepEqual(generatedIntakes(file).intakes, first.intakes);
    assert.equal(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).length, first.intakes.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a built-in format behind the HTTP intake: events arrive normalized by the engine', async () => {
  const formats = loadIntakeFormats([{ key: 'rk', format: 'rubycat-proveit' }]);
  const format = formats.get('rk')!;
  const sample = format.loadTests()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'intake-real-'));
  const server = await startServer({
    http: { host: '127.0.0.1', port: 0 },
    intakes: [{ key: 'rk', format: 'rubycat-proveit' }],
    store: { path: join(dir, 'intake.db'), synchronous: 'full' },
    outputs: [],
    limits: { ...DEFAULT_LIMITS },
  }, formats);
  try {
    const a = await httpRequest(server.http!.port, 'POST', '/plain', sample.input.message, { 'X-SEKOIAIO-INTAKE-KEY': 'rk' });
    assert.equal(a.status, 200);
    const id = JSON.parse(a.body).event_id;
    const stored = JSON.parse(server.store!.search({ query: `id:${id}` })[0]!);
    assert.equal(stored.event.id, id);
    assert.equal(stored.message, sample.input.message);
    assert.equal(stored.sekoiaio.intake.parsing_status, 'success');
    assert.equal(stored.sekoiaio.intake.dialect, format.name);
    // A field the catalog test expects is there too.
    const expectedAction = (sample.expected.event as { action?: string } | undefined)?.action;
    if (expectedAction !== undefined) assert.equal(stored.event.action, expectedAction);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('quick start: a generated read key is kept across restarts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-readkey-'));
  try {
    const first = generatedReadKey(join(dir, 'data', 'generated-read-key'));
    assert.match(first, /^[0-9a-f]{32}$/);
    assert.equal(generatedReadKey(join(dir, 'data', 'generated-read-key')), first);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an intake format is found by slug in --formats-dir trees; an unknown one gets the closest slugs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-fd-'));
  try {
    const format = join(dir, 'acme', 'gw');
    mkdirSync(join(format, '_meta'), { recursive: true });
    mkdirSync(join(format, 'ingest'), { recursive: true });
    writeFileSync(join(format, '_meta', 'manifest.yml'), 'uuid: 00000000-0000-0000-0000-0000000000aa\nname: Acme GW\nslug: acme-gw\n');
    writeFileSync(join(format, 'ingest', 'parser.yml'), 'name: acme-gw\npipeline: []\nstages: {}\n');
    const formats = loadIntakeFormats([{ key: 'k', format: 'acme-gw' }], [dir]);
    assert.equal(formats.get('k')!.uuid, '00000000-0000-0000-0000-0000000000aa');
    assert.throws(() => loadIntakeFormats([{ key: 'k', format: 'acme-gx' }], [dir]), /"acme-gx": neither a known format slug nor a format folder; did you mean "acme-gw"\?/);
    assert.deepEqual(resolveConfig(['--formats-dir', dir, '--intake', 'k=acme-gw']).formatsDirs, [dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
