import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/outputs/sqlite-store.js';
import { httpRequest, waitFor } from './helpers.js';
import { freePort, requireBinary, startChild, startFixture } from './processes.js';
import type { Child } from './processes.js';

const KEY = 'restart-key';

function storedIds(path: string): string[] {
  try {
    const db = new SqliteStore({ path, readonly: true });
    try { return db.ids(); } finally { void db.close(); }
  } catch {
    return [];
  }
}

async function post(port: number, tag: string): Promise<string[]> {
  const a = await httpRequest(port, 'POST', '/jsons', JSON.stringify([`{"action":"${tag}-1"}`, `{"action":"${tag}-2"}`]), { 'X-SEKOIAIO-INTAKE-KEY': KEY });
  assert.equal(a.status, 200, a.body);
  return JSON.parse(a.body).event_ids as string[];
}

// NATS down at start, then killed -9 and restarted: serve and the worker wait, reconnect and go on.
test('bus: serve and worker wait for a bus that is down at start and survive its kill -9 and restart', { timeout: 90_000 }, async (t) => {
  const natsBin = requireBinary(t, 'nats-server', ['/usr/sbin/nats-server', '/usr/bin/nats-server']);
  if (!natsBin) return;
  const dir = mkdtempSync(join(tmpdir(), 'intake-busrestart-'));
  const children: Child[] = [];
  const natsArgs = (port: number) => ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', join(dir, 'js')];
  try {
    const natsPort = await freePort();
    const bus = `nats://127.0.0.1:${natsPort}`;
    const db = join(dir, 'intake.db');
    const worker = startFixture('worker-child', ['--bus', bus, '--store', `sqlite:${db}`, '--intake', `${KEY}=stub`]);
    const server = startFixture('serve-child', ['--http', '127.0.0.1:0', '--bus', bus, '--intake', `${KEY}=stub`]);
    children.push(worker, server);
    await worker.waitLine(/bus nats:\S+ unreachable .*retrying in/);
    await server.waitLine(/bus nats:\S+ unreachable .*retrying in/);
    assert.equal(worker.proc.exitCode, null, 'worker still running while the bus is down');

    let nats = startChild(natsBin, natsArgs(natsPort));
    children.push(nats);
    await nats.waitLine(/Server is ready/);
    const port = Number((await server.waitLine(/intake ready http=127\.0\.0\.1:(\d+)/, 30_000))[1]);
    await worker.waitLine(/intake worker ready/, 30_000);
    const acked = await post(port, 'before');
    await waitFor('first events stored', () => storedIds(db).length >= acked.length, 20_000);

    assert.equal((await httpRequest(port, 'GET', '/healthz')).status, 200);
    nats.proc.kill('SIGKILL');
    await nats.stop();
    await worker.waitLine(/disconnected; reconnecting/, 10_000);
    await server.waitLine(/disconnected; reconnecting/, 10_000);
    const down = await httpRequest(port, 'GET', '/healthz');
    assert.equal(down.status, 503, 'events cannot be made durable while the bus is away');
    assert.equal(JSON.parse(down.body).bus.status, 'down');
    await new Promise((r) => setTimeout(r, 1500));
    nats = startChild(natsBin, natsArgs(natsPort));
    children.push(nats);
    await nats.waitLine(/Server is ready/);
    await worker.waitLine(/bus nats:\S+ reconnected/, 20_000);
    await server.waitLine(/bus nats:\S+ reconnected/, 20_000);

    assert.equal((await httpRequest(port, 'GET', '/healthz')).status, 200);
    for (let i = 0; i < 3; i++) acked.push(...await post(port, `after${i}`));
    const ids = await waitFor('events after the restart stored', () => {
      const s = storedIds(db);
      return s.length >= acked.length ? s : undefined;
    }, 30_000);
    assert.deepEqual(ids.slice().sort(), acked.slice().sort(), 'every acknowledged event stored once');
    assert.equal(await worker.stop('SIGTERM'), 0);
    assert.equal(await server.stop('SIGTERM'), 0);
  } finally {
    for (const c of children.reverse()) await c.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
