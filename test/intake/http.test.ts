import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { connect } from 'node:net';
import { GateOutput, KEY, READ, httpRequest, startTestServer, waitFor } from './helpers.js';
import { DEFAULT_LIMITS } from '../../src/intake/limits.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function storedIds(store: { ids(): string[] }): Set<string> {
  return new Set(store.ids());
}

test('every Sekoia.io form stores events whose event.id is the returned id', async () => {
  const t = await startTestServer();
  const port = t.server.http!.port;
  const store = t.server.store!;
  try {
    const plain = await httpRequest(port, 'POST', '/plain', '{"action":"one"}', { 'X-SEKOIAIO-INTAKE-KEY': KEY });
    assert.equal(plain.status, 200);
    const { event_id } = JSON.parse(plain.body);
    assert.match(event_id, UUID);
    const row = JSON.parse(store.search({ query: `id:${event_id}` })[0]!);
    assert.equal(row.event.action, 'one');
    assert.equal(row.message, '{"action":"one"}');

    const answers = [
      await httpRequest(port, 'POST', '/plain/batch', '{"action":"a"}\r\n\n{"action":"b"}\n', { authorization: 'Basic ' + Buffer.from(`user:${KEY}`).toString('base64') }),
      await httpRequest(port, 'POST', `/jsons?intake_key=${KEY}`, JSON.stringify(['{"action":"c"}', '{"action":"d"}'])),
      await httpRequest(port, 'POST', '/batch', JSON.stringify({ intake_key: KEY, jsons: ['{"action":"e"}'] })),
      await httpRequest(port, 'POST', '/array', JSON.stringify([{ intake_key: KEY, json: '{"action":"f"}', timestamp: '2024-01-01T00:00:00Z' }, { intake_key: KEY, json: 'not json' }])),
    ];
    const counts = [2, 2, 1, 2];
    const ids = storedIds(store);
    answers.forEach((a, i) => {
      assert.equal(a.status, 200, a.body);
      const { event_ids } = JSON.parse(a.body) as { event_ids: string[] };
      assert.equal(event_ids.length, counts[i]);
      for (const id of event_ids) assert.ok(ids.has(id), `${id} stored`);
    });
    assert.equal(store.count(), 8);
    // Failed parses are stored with their status and the original message.
    const failed = store.search({ query: 'status:failure' }).map((r) => JSON.parse(r));
    assert.equal(failed.length, 1);
    assert.equal(failed[0].message, 'not json');
    assert.match(failed[0].sekoiaio.intake.parsing_error, /json/);
  } finally {
    await t.stop();
  }
});

test('401 for missing or unknown keys, 400 for malformed bodies, 404/405, nothing stored', async () => {
  const t = await startTestServer();
  const port = t.server.http!.port;
  try {
    assert.equal((await httpRequest(port, 'POST', '/plain', 'x')).status, 401);
    assert.equal((await httpRequest(port, 'POST', '/plain', 'x', { 'X-SEKOIAIO-INTAKE-KEY': 'nope' })).status, 401);
    assert.equal((await httpRequest(port, 'POST', '/array', JSON.stringify([{ intake_key: KEY, json: 'a' }, { intake_key: 'bad', json: 'b' }]))).status, 401);
    assert.equal((await httpRequest(port, 'POST', '/jsons', '[not json', { 'X-SEKOIAIO-INTAKE-KEY': KEY })).status, 400);
    assert.equal((await httpRequest(port, 'POST', '/batch', '{"jsons": 3}', { 'X-SEKOIAIO-INTAKE-KEY': KEY })).status, 400);
    assert.equal((await httpRequest(port, 'POST', '/plain', 'x', { 'X-SEKOIAIO-INTAKE-KEY': KEY, 'X-SEKOIAIO-EVENT-TIMESTAMP': 'yesterday-ish' })).status, 400);
    assert.equal((await httpRequest(port, 'GET', '/plain')).status, 405);
    assert.equal((await httpRequest(port, 'GET', '/nothing')).status, 404);
    assert.equal(t.server.store!.count(), 0);
  } finally {
    await t.stop();
  }
});

test('gzip bodies, reception timestamp header, 413 over the size limit', async () => {
  const t = await startTestServer({ limits: { ...DEFAULT_LIMITS, maxBodyBytes: 1000 } });
  const port = t.server.http!.port;
  try {
    const body = gzipSync(Buffer.from('{"action":"gz"}\n'.repeat(20)));
    const a = await httpRequest(port, 'POST', '/plain/batch', body, { 'X-SEKOIAIO-INTAKE-KEY': KEY, 'content-encoding': 'gzip', 'X-SEKOIAIO-EVENT-TIMESTAMP': '2023-06-01T12:00:00Z' });
    assert.equal(a.status, 200, a.body);
    assert.equal(JSON.parse(a.body).event_ids.length, 20);
    // The reception time handed to the format is the header's (the stub copies it to event.created).
    const stored = t.server.store!.search({}).map((r) => JSON.parse(r));
    assert.deepEqual(new Set(stored.map((e) => e.event.created)), new Set(['2023-06-01T12:00:00.000Z']));

    assert.equal((await httpRequest(port, 'POST', '/plain', 'x'.repeat(1001), { 'X-SEKOIAIO-INTAKE-KEY': KEY })).status, 413);
    // A small gzip that inflates past the limit (zip bomb) is refused too.
    const bomb = gzipSync(Buffer.alloc(100_000, 'a'));
    assert.equal((await httpRequest(port, 'POST', '/plain', bomb, { 'X-SEKOIAIO-INTAKE-KEY': KEY, 'content-encoding': 'gzip' })).status, 413);
    assert.equal(t.server.store!.count(), 20);
  } finally {
    await t.stop();
  }
});

test('503 with Retry-After when the pipeline is saturated; bounded queue', async () => {
  const gate = new GateOutput();
  const t = await startTestServer({ limits: { ...DEFAULT_LIMITS, maxQueuedEvents: 10 } }, [gate]);
  const port = t.server.http!.port;
  try {
    const batch = JSON.stringify(Array.from({ length: 8 }, () => '{"action":"q"}'));
    const first = httpRequest(port, 'POST', '/jsons', batch, { 'X-SEKOIAIO-INTAKE-KEY': KEY });
    await waitFor('first batch in flight', () => t.server.queue.depth === 8);
    const more = await Promise.all(Array.from({ length: 3 }, () => httpRequest(port, 'POST', '/jsons', batch, { 'X-SEKOIAIO-INTAKE-KEY': KEY })));
    gate.open();
    const answers = [await first, ...more];
    const refused = answers.filter((a) => a.status === 503);
    const ok = answers.filter((a) => a.status === 200);
    assert.ok(refused.length > 0, 'some requests refused');
    assert.ok(ok.length > 0, 'some accepted');
    assert.equal(refused[0]!.headers['retry-after'], '1');
    // Exactly the acknowledged events are stored.
    assert.equal(t.server.store!.count(), ok.length * 8);
    const metrics = (await httpRequest(port, 'GET', '/metrics', undefined, READ)).body;
    assert.match(metrics, /intake_events_rejected_total\{reason="saturated"\} \d+/);
  } finally {
    await t.stop();
  }
});

test('healthz, metrics and GET /events search', async () => {
  const t = await startTestServer();
  const port = t.server.http!.port;
  try {
    assert.equal((await httpRequest(port, 'GET', '/healthz')).status, 200);
    await httpRequest(port, 'POST', '/jsons', JSON.stringify(['{"action":"login"}', '{"action":"logout"}', 'broken']), { 'X-SEKOIAIO-INTAKE-KEY': KEY });
    const found = await httpRequest(port, 'GET', '/events?q=' + encodeURIComponent('event.action:log* AND NOT event.action:logout'), undefined, READ);
    assert.equal(found.status, 200);
    const lines = found.body.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((e) => e.event.action), ['login']);
    assert.equal((await httpRequest(port, 'GET', '/events?q=' + encodeURIComponent('a:"x'), undefined, READ)).status, 400);
    const m = (await httpRequest(port, 'GET', '/metrics', undefined, READ)).body;
    assert.match(m, /intake_events_received_total\{format="stub-json"\} 3/);
    assert.match(m, /intake_events_normalized_total\{format="stub-json"\} 2/);
    assert.match(m, /intake_events_failed_total\{format="stub-json"\} 1/);
    assert.match(m, /intake_ack_latency_seconds_count 1/);
    assert.match(m, /intake_queue_depth 0/);
    assert.match(m, /intake_store_size_bytes [1-9]\d*/);
  } finally {
    await t.stop();
  }
});

test('a slow client is cut off by the request timeout without blocking others', async () => {
  const t = await startTestServer({ limits: { ...DEFAULT_LIMITS, requestTimeoutMs: 500, headersTimeoutMs: 400 } });
  const port = t.server.http!.port;
  try {
    const slow = connect(port, '127.0.0.1');
    slow.write(`POST /plain HTTP/1.1\r\nhost: x\r\nx-sekoiaio-intake-key: ${KEY}\r\ncontent-length: 100\r\n\r\nabc`);
    const closed = new Promise<string>((r) => {
      let data = '';
      slow.on('data', (d) => (data += d));
      slow.on('close', () => r(data));
    });
    const fast = await httpRequest(port, 'POST', '/plain', '{"action":"fast"}', { 'X-SEKOIAIO-INTAKE-KEY': KEY });
    assert.equal(fast.status, 200);
    const answer = await closed;
    assert.match(answer, /^HTTP\/1.1 408/);
    assert.equal(t.server.store!.count(), 1);
  } finally {
    await t.stop();
  }
});
