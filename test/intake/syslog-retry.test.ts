import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { Output } from '../../src/outputs/output.js';
import { KEY, startTestServer, waitFor } from './helpers.js';

class FlakyOutput implements Output {
  readonly name = 'flaky';
  broken = true;
  failures = 0;
  async write(): Promise<void> {
    if (this.broken) {
      this.failures++;
      throw new Error('bus away');
    }
  }
  async close(): Promise<void> {}
}

// Syslog cannot ask the sender to resend: a failing pipeline holds the connection (TCP pushback)
// and retries, instead of dropping the frames and closing the connection.
test('syslog TCP: frames are retried while the pipeline fails, not dropped', async () => {
  const flaky = new FlakyOutput();
  const t = await startTestServer({ http: undefined, syslogTcp: { host: '127.0.0.1', port: 0 }, syslogDefaultKey: KEY }, [flaky]);
  const s = connect(t.server.syslogTcp!.port, '127.0.0.1');
  try {
    await new Promise((r) => s.once('connect', r));
    s.write('<13>1 2024-01-01T00:00:00Z h app - - - {"action":"kept"}\n');
    await waitFor('a few failed attempts', () => flaky.failures >= 3 || undefined, 5_000);
    flaky.broken = false;
    await waitFor('frame stored once the pipeline is back', () => t.server.store!.count() >= 1 || undefined, 5_000);
    assert.equal(s.destroyed, false, 'connection kept');
    assert.equal(t.server.metrics.rejected.get('store_error'), 0);
  } finally {
    s.destroy();
    await t.stop();
  }
});
