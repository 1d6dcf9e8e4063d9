import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Output } from '../../src/outputs/output.js';
import { httpRequest, KEY, startTestServer } from './helpers.js';

/** An output that fails while `broken` is set (a full disk, an unreachable cluster). */
class FlakyOutput implements Output {
  readonly name = 'flaky';
  broken = false;
  async write(): Promise<void> {
    if (this.broken) throw new Error('disk full');
  }
  async close(): Promise<void> {}
}

test('healthz reports the store and each output, and answers 503 while events cannot be made durable', async () => {
  const flaky = new FlakyOutput();
  const t = await startTestServer({}, [flaky]);
  const port = t.server.http!.port;
  try {
    let h = await httpRequest(port, 'GET', '/healthz');
    assert.equal(h.status, 200);
    assert.deepEqual(JSON.parse(h.body), { status: 'ok', queue_depth: 0, store: { status: 'ok' }, outputs: [{ name: 'flaky', status: 'ok' }] });
    flaky.broken = true;
    const refused = await httpRequest(port, 'POST', '/plain', 'x', { 'X-SEKOIAIO-INTAKE-KEY': KEY });
    assert.equal(refused.status, 500);
    h = await httpRequest(port, 'GET', '/healthz');
    assert.equal(h.status, 503);
    const report = JSON.parse(h.body);
    assert.equal(report.status, 'unavailable');
    assert.deepEqual(report.outputs, [{ name: 'flaky', status: 'failing', error: 'disk full' }]);
    flaky.broken = false;
    assert.equal((await httpRequest(port, 'POST', '/plain', 'x', { 'X-SEKOIAIO-INTAKE-KEY': KEY })).status, 200);
    assert.equal((await httpRequest(port, 'GET', '/healthz')).status, 200);
  } finally {
    await t.stop();
  }
});
