import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/outputs/sqlite-store.js';
import { httpRequest, waitFor } from './helpers.js';
import { freePort, requireBinary, startChild, startFixture } from './processes.js';
import type { Child } from './processes.js';

const KEY = 'bus-key';

function ndjsonIds(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { event: { id: string } }).event.id);
}

// Real nats-server with JetStream; the receiver publishes, two worker processes consume.
test('bus: receiver publishes to JetStream, two workers normalize and store every event once', async (t) => {
  const natsBin = requireBinary(t, 'nats-server', ['/usr/sbin/nats-server', '/usr/bin/nats-server']);
  if (!natsBin) return;
  const dir = mkdtempSync(join(tmpdir(), 'intake-nats-'));
  const children: Child[] = [];
  try {
    const natsPort = await freePort();
    const nats = startChild(natsBin, ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', join(dir, 'js')]);
    children.push(nats);
    await nats.waitLine(/Server is ready/);
    const bus = `nats://127.0.0.1:${natsPort}`;
    const store = `sqlite:${join(dir, 'intake.db')}`;
    const server = startFixture('serve-child', ['--http', '127.0.0.1:0', '--bus', bus, '--intake', `${KEY}=stub`]);
    children.push(server);
    const port = Number((await server.waitLine(/intake ready http=127\.0\.0\.1:(\d+)/))[1]);

    const acked: string[] = [];
    const publish = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const a = await httpRequest(port, 'POST', '/jsons', JSON.stringify(Array.from({ length: 30 }, (_, j) => `{"action":"b${i}-${j}"}`)), { 'X-SEKOIAIO-INTAKE-KEY': KEY });
        assert.equal(a.status, 200, a.body);
        acked.push(...JSON.parse(a.body).event_ids);
      }
    };
    // Events published before any worker runs wait durably in the stream.
    await publish(0, 5);
    const workers = [1, 2].map((n) =>
      startFixture('worker-child', ['--bus', bus, '--store', store, '--output', `ndjson:${join(dir, `w${n}.ndjson`)}`, '--intake', `${KEY}=stub`, '--max-batch', '7']),
    );
    children.push(...workers);
    await Promise.all(workers.map((w) => w.waitLine(/intake worker ready/)));
    // The first worker up may take all of those; with both pulling, the rest is shared.
    await publish(5, 20);

    const ids = await waitFor('all events consumed', () => {
      const all = [...ndjsonIds(join(dir, 'w1.ndjson')), ...ndjsonIds(join(dir, 'w2.ndjson'))];
      return all.length >= acked.length ? all : undefined;
    }, 30_000);
    assert.deepEqual(ids.slice().sort(), acked.slice().sort(), 'each event handled once');
    assert.ok(ndjsonIds(join(dir, 'w1.ndjson')).length > 0 && ndjsonIds(join(dir, 'w2.ndjson')).length > 0, 'both workers took a share');
    for (const w of workers) assert.equal(await w.stop('SIGTERM'), 0);

    const db = new SqliteStore({ path: join(dir, 'intake.db'), readonly: true });
    const storedIds = db.ids();
    const sample = JSON.parse(db.search({ query: `id:${acked[0]}` })[0]!);
    await db.close();
    assert.deepEqual(storedIds.slice().sort(), acked.slice().sort());
    assert.equal(sample.sekoiaio.intake.parsing_status, 'success');
    assert.equal(sample.event.action, 'b0-0');
  } finally {
    for (const c of children.reverse()) await c.stop('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});
