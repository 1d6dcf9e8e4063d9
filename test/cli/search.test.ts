import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/outputs/sqlite-store.js';
import { runSearch } from '../../src/cli/search.js';

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  try {
    return { code: await fn(), out };
  } finally {
    process.stdout.write = write;
  }
}

test('intake search prints matching events as NDJSON or a table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-search-'));
  const path = join(dir, 'intake.db');
  const store = new SqliteStore({ path });
  await store.write([
    { '@timestamp': '2024-01-01T00:00:00Z', message: 'a', event: { id: '1', action: 'allow' }, sekoiaio: { intake: { dialect: 'F', parsing_status: 'success' } } },
    { '@timestamp': '2024-01-02T00:00:00Z', message: 'b', event: { id: '2', action: 'deny' }, sekoiaio: { intake: { dialect: 'F', parsing_status: 'success' } } },
  ]);
  await store.close();
  try {
    const nd = await capture(() => runSearch(['--store', `sqlite:${path}`, '--since', '2023-12-31T00:00:00Z', 'event.action:deny']));
    assert.equal(nd.code, 0);
    assert.deepEqual(nd.out.trim().split('\n').map((l) => JSON.parse(l).event.id), ['2']);
    const tb = await capture(() => runSearch(['--store', `sqlite:${path}`, '--table', '--limit', '5', 'event.action:*']));
    assert.match(tb.out, /^time\s+format\s+action\s+status\s+message\n2024-01-02T00:00:00Z\s+F\s+deny\s+success\s+b\n2024-01-01/);
    assert.equal((await capture(() => runSearch(['--store', `sqlite:${path}`, 'a:"x']))).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('intake search parses its arguments like the other commands (unknown short option, bad --limit), help with defaults', async () => {
  await assert.rejects(() => runSearch(['-t', 'foo']), (err: Error) => err.name === 'UsageError' && err.message === "search: Unknown option '-t'");
  await assert.rejects(() => runSearch(['--limit', '0', 'x']), (err: Error) => err.name === 'UsageError' && /--limit must be a positive integer/.test(err.message));
  const help = await capture(() => runSearch(['--help']));
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: intake search \[options\] QUERY\.\.\./);
  assert.match(help.out, /--limit N +at most N events \(default 100\)/);
});

test('intake search --table shows the smart description of each event from its format (by dialect_uuid)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-search-sd-'));
  const formatDir = join(dir, 'formats', 'acme', 'fw');
  mkdirSync(join(formatDir, '_meta'), { recursive: true });
  mkdirSync(join(formatDir, 'ingest'), { recursive: true });
  writeFileSync(join(formatDir, '_meta', 'manifest.yml'), 'uuid: 12345678-0000-0000-0000-000000000000\nname: Acme FW\nslug: acme-fw\n');
  writeFileSync(join(formatDir, 'ingest', 'parser.yml'), 'name: acme-fw\npipeline: []\nstages: {}\n');
  writeFileSync(
    join(formatDir, '_meta', 'smart-descriptions.json'),
    JSON.stringify([{ value: 'Denied {source.ip}', conditions: [{ field: 'event.action', value: 'deny' }] }]),
  );
  const path = join(dir, 'intake.db');
  const store = new SqliteStore({ path });
  const intake = { dialect: 'Acme FW', dialect_uuid: '12345678-0000-0000-0000-000000000000', parsing_status: 'success' };
  await store.write([
    { '@timestamp': '2024-01-02T00:00:00Z', message: 'm', event: { id: '3', action: 'deny' }, source: { ip: '10.1.2.3' }, sekoiaio: { intake } },
    { '@timestamp': '2024-01-01T00:00:00Z', message: 'n', event: { id: '4', action: 'allow' }, sekoiaio: { intake } },
  ]);
  await store.close();
  try {
    const tb = await capture(() => runSearch(['--store', `sqlite:${path}`, '--table', '--formats-dir', join(dir, 'formats'), 'event.action:*']));
    assert.equal(tb.code, 0);
    assert.match(tb.out, /^time\s+format\s+action\s+status\s+description\s+message\n/);
    assert.match(tb.out, /2024-01-02T00:00:00Z\s+Acme FW\s+deny\s+success\s+Denied 10\.1\.2\.3\s+m\n/);
    assert.match(tb.out, /2024-01-01T00:00:00Z\s+Acme FW\s+allow\s+success\s+n\n/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
