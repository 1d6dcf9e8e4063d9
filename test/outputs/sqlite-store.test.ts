import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { retryWhileBusy, SqliteStore } from '../../src/outputs/sqlite-store.js';
import type { NormalizedEvent } from '../../src/pipeline/types.js';

function ev(id: string, extra: Record<string, unknown> = {}, status = 'success'): NormalizedEvent {
  const { event, ...rest } = extra;
  return { message: `msg ${id}`, sekoiaio: { intake: { dialect: 'Fmt', parsing_status: status } }, ...rest, event: { id, ...(event as object) } };
}

function withStore(fn: (store: SqliteStore, dir: string) => Promise<void> | void) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intake-store-'));
    const store = new SqliteStore({ path: join(dir, 'sub', 'events.db') });
    try {
      await fn(store, dir);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

test('stores each event once by event.id and keeps the JSON', withStore(async (store) => {
  await store.write([ev('a'), ev('b')]);
  await store.write([ev('a'), ev('c')]);
  assert.equal(store.count(), 3);
  assert.deepEqual(store.ids(), ['a', 'b', 'c']);
  assert.deepEqual(JSON.parse(store.search({ query: 'id:b' })[0]!).message, 'msg b');
}));

test('search: fields, lists, booleans, numbers, NOT/OR, wildcards, message words, time range', withStore(async (store) => {
  await store.write([
    ev('1', { '@timestamp': '2024-01-01T00:00:00Z', event: { action: 'login', category: ['authentication', 'iam'] }, source: { ip: '10.0.0.1', port: 22 } }),
    ev('2', { '@timestamp': '2024-01-02T00:00:00Z', event: { action: 'logout' }, source: { ip: '10.0.0.2', port: 443 }, flag: true }),
    ev('3', { '@timestamp': '2024-01-03T00:00:00Z', event: { action: 'login' }, message: 'denied for root' }, 'failure'),
  ]);
  const ids = (query: string, extra = {}) => store.search({ query, ...extra }).map((r) => (JSON.parse(r) as { event: { id: string } }).event.id).sort();
  assert.deepEqual(ids('event.action:login'), ['1', '3']);
  assert.deepEqual(ids('event.action:login AND NOT status:failure'), ['1']);
  assert.deepEqual(ids('event.category:iam'), ['1']);
  assert.deepEqual(ids('source.port:443'), ['2']);
  assert.deepEqual(ids('flag:true'), ['2']);
  assert.deepEqual(ids('source.ip:10.0.0.*'), ['1', '2']);
  assert.deepEqual(ids('source.ip:"10.0.0.*"'), []);
  assert.deepEqual(ids('event.action:logout OR sekoiaio.intake.parsing_status:failure'), ['2', '3']);
  assert.deepEqual(ids('root'), ['3']);
  assert.deepEqual(ids('flag:*'), ['2']);
  assert.deepEqual(ids('', { sinceMs: Date.parse('2024-01-02T00:00:00Z'), untilMs: Date.parse('2024-01-03T00:00:00Z') }), ['2']);
  assert.equal(store.search({ limit: 2 }).length, 2);
  // Newest first.
  assert.equal((JSON.parse(store.search({})[0]!) as { event: { id: string } }).event.id, '3');
}));

test('retention by age and by size deletes the oldest events', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-store-'));
  try {
    const aged = new SqliteStore({ path: join(dir, 'age.db'), maxAgeMs: 1000 });
    aged.writeSync([ev('old')], 10_000);
    aged.writeSync([ev('new')], 20_000);
    assert.equal(aged.prune(20_500), 1);
    assert.deepEqual(aged.ids(), ['new']);
    await aged.close();

    const sized = new SqliteStore({ path: join(dir, 'size.db'), maxBytes: 200_000 });
    for (let i = 0; i < 20; i++) sized.writeSync(Array.from({ length: 50 }, (_, j) => ev(`e${i}-${j}`, { pad: 'x'.repeat(500) })));
    const before = sized.count();
    assert.ok(sized.prune() > 0);
    const ids = sized.ids();
    assert.ok(ids.length < before && ids.length > 0);
    assert.equal(ids.at(-1), 'e19-49', 'newest kept');
    assert.ok(!ids.includes('e0-0'), 'oldest deleted');
    await sized.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('retryWhileBusy retries a busy database, and only that', () => {
  let calls = 0;
  const busy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  assert.equal(retryWhileBusy(() => (++calls < 3 ? (() => { throw busy(); })() : 'done')), 'done');
  assert.equal(calls, 3);
  calls = 0;
  assert.throws(() => retryWhileBusy(() => { calls++; throw Object.assign(new Error('no such table'), { code: 'SQLITE_ERROR' }); }), /no such table/);
  assert.equal(calls, 1, 'other errors are not retried');
  const started = Date.now();
  assert.throws(() => retryWhileBusy(() => { throw busy(); }, 60), /database is locked/);
  assert.ok(Date.now() - started < 1000, 'gives up after its wait');
});

test('several processes opening one new store file at once all get it', async () => {
  const moduleUrl = new URL('../../src/outputs/sqlite-store.js', import.meta.url).href;
  // Each child loads the store module, then spins until the go file exists and opens the store.
  const code = `
    const { existsSync } = await import('node:fs');
    const { SqliteStore } = await import(process.argv[1]);
    while (!existsSync(process.argv[3])) {}
    try {
      const store = new SqliteStore({ path: process.argv[2] });
      await store.close();
      console.log('ok');
    } catch (err) {
      console.log(String(err.code) + ': ' + err.message);
    }`;
  // Without the retry about one open in sixty failed this way (measured with eight processes).
  for (let round = 0; round < 4; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'intake-store-race-'));
    const go = join(dir, 'go');
    const children = Array.from({ length: 6 }, () =>
      spawn(process.execPath, ['--input-type=module', '-e', code, moduleUrl, join(dir, 'events.db'), go], { stdio: ['ignore', 'pipe', 'inherit'] }),
    );
    const answers = children.map(
      (child) => new Promise<string>((resolve) => {
        let out = '';
        child.stdout!.on('data', (d) => (out += d));
        child.on('close', () => resolve(out.trim()));
      }),
    );
    await new Promise((r) => setTimeout(r, 600)); // all of them loaded and waiting
    writeFileSync(go, '');
    assert.deepEqual(await Promise.all(answers), Array(6).fill('ok'));
    rmSync(dir, { recursive: true, force: true });
  }
});
