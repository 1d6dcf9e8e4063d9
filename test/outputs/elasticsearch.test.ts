import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBulkClient } from '../../src/outputs/bulk-client.js';
import { dailyIndex, ElasticsearchOutput } from '../../src/outputs/elasticsearch.js';
import { FakeBulkServer } from './fake-bulk-server.js';

// Elasticsearch itself cannot be installed here: these tests run the official clients against a
// loopback fake of the `_bulk` endpoint (fake-bulk-server.ts) that returns per-item statuses.

const ev = (id: string, ts = '2024-03-05T10:00:00Z') => ({ '@timestamp': ts, message: `m${id}`, event: { id }, n: 1 });

for (const kind of ['elasticsearch', 'opensearch'] as const) {
  test(`${kind}: indexes per day with _id = event.id; retries 429 with backoff; dead-letters 400; 409 is success`, async () => {
    const fake = await new FakeBulkServer().start();
    const dir = mkdtempSync(join(tmpdir(), 'intake-es-'));
    const output = new ElasticsearchOutput({
      client: createBulkClient({ kind, url: fake.url }),
      deadLetterPath: join(dir, 'dead.ndjson'),
      backoffMs: 5,
    });
    try {
      // First request: item "b" is throttled, item "bad" is rejected for good.
      fake.decide = (item, request) => {
        const id = Object.values(item.action)[0]!._id;
        if (id === 'b' && request === 1) return 429;
        if (id === 'bad') return 400;
        return undefined;
      };
      await output.write([ev('a'), ev('b', '2024-03-06T23:59:59Z'), ev('bad')]);
      assert.equal(fake.requests, 2, 'one retry for the 429 item only');
      assert.deepEqual([...fake.docs.keys()].sort(), ['intake-2024.03.05/a', 'intake-2024.03.06/b']);
      assert.equal(fake.docs.get('intake-2024.03.05/a')!.message, 'ma');
      const dead = readFileSync(join(dir, 'dead.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      assert.equal(dead.length, 1);
      assert.equal(dead[0].status, 400);
      assert.equal(dead[0].event.event.id, 'bad');
      // Redelivery of an already indexed event: 409 counts as done, nothing dead-lettered.
      fake.decide = () => undefined;
      await output.write([ev('a')]);
      assert.equal(readFileSync(join(dir, 'dead.ndjson'), 'utf8').trim().split('\n').length, 1);
    } finally {
      await output.close();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('write rejects when items stay retryable after the last attempt (events not acknowledged)', async () => {
  const fake = await new FakeBulkServer().start();
  const dir = mkdtempSync(join(tmpdir(), 'intake-es-'));
  fake.decide = () => 503;
  const output = new ElasticsearchOutput({
    client: createBulkClient({ kind: 'elasticsearch', url: fake.url }),
    deadLetterPath: join(dir, 'dead.ndjson'),
    backoffMs: 1,
    maxAttempts: 3,
  });
  try {
    await assert.rejects(output.write([ev('x')]), /not indexed after 3 attempts/);
    assert.equal(fake.requests, 3);
    assert.equal(existsSync(join(dir, 'dead.ndjson')), false);
  } finally {
    await output.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an event without @timestamp is indexed by its reception day (event.created), so a redelivery hits the same _id', async () => {
  const fake = await new FakeBulkServer().start();
  const dir = mkdtempSync(join(tmpdir(), 'intake-es-'));
  const output = new ElasticsearchOutput({ client: createBulkClient({ kind: 'elasticsearch', url: fake.url }), deadLetterPath: join(dir, 'dead.ndjson') });
  try {
    const event = { message: 'no time', event: { id: 'x1', created: '2023-07-01T23:59:59Z' } };
    await output.write([event]);
    await output.write([structuredClone(event)]);
    assert.deepEqual([...fake.docs.keys()], ['intake-2023.07.01/x1']);
    assert.equal(existsSync(join(dir, 'dead.ndjson')), false);
  } finally {
    await output.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dailyIndex uses the UTC day', () => {
  assert.equal(dailyIndex('logs', Date.parse('2024-12-31T23:30:00-02:00')), 'logs-2025.01.01');
});
