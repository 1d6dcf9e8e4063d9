import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, resolveConfig } from '../../src/intake/config.js';

test('no arguments: loopback defaults, embedded store under ./data', () => {
  const c = resolveConfig([], '/srv/x');
  assert.deepEqual(c.http, { host: '127.0.0.1', port: 8080 });
  assert.deepEqual(c.syslogTcp, { host: '127.0.0.1', port: 5140 });
  assert.equal(c.store?.path, '/srv/x/data/intake.db');
  assert.equal(c.store?.synchronous, 'full');
  assert.deepEqual(c.intakes, []);
});

test('intake.yml is read and flags override it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-cfg-'));
  try {
    writeFileSync(join(dir, 'intake.yml'), `
listeners:
  http: 127.0.0.1:9000
  syslog_udp: 127.0.0.1:5514
intakes:
  - { key: k1, format: rubycat-proveit }
  - { key: k2, format: ./formats/mine }
store: { path: db/events.db, synchronous: normal, max_age: 7d, max_size: 1GB }
outputs:
  - { type: ndjson, path: out/events.ndjson, max_size: 10MB }
  - { type: opensearch, url: "https://127.0.0.1:9200", index_prefix: logs }
limits: { max_body: 1MB, idle_timeout: 30s }
`);
    const c = resolveConfig(['--config', join(dir, 'intake.yml'), '--http', '127.0.0.1:9100', '--intake', 'k3=azure-linux', '--intake', 'k1=sekoiaio-endpoint'], '/cwd');
    assert.deepEqual(c.http, { host: '127.0.0.1', port: 9100 });
    assert.deepEqual(c.syslogUdp, { host: '127.0.0.1', port: 5514 });
    assert.deepEqual(c.intakes, [{ key: 'k2', format: join(dir, 'formats/mine') }, { key: 'k3', format: 'azure-linux' }, { key: 'k1', format: 'sekoiaio-endpoint' }]);
    assert.deepEqual(c.store, { path: join(dir, 'db/events.db'), synchronous: 'normal', maxAgeMs: 7 * 86_400_000, maxBytes: 1024 ** 3 });
    assert.deepEqual(c.outputs[0], { type: 'ndjson', path: join(dir, 'out/events.ndjson'), maxBytes: 10 * 1024 ** 2, maxFiles: undefined });
    assert.equal(c.outputs[1]!.type, 'opensearch');
    assert.equal(c.limits.maxBodyBytes, 1024 ** 2);
    assert.equal(c.limits.idleTimeoutMs, 30_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('store, bus and output flags; errors are ConfigError', () => {
  const c = resolveConfig(['--store', 'none', '--bus', 'nats://127.0.0.1:4222', '--output', 'elasticsearch:http://127.0.0.1:9200', '--syslog-tcp', '127.0.0.1:0'], '/cwd');
  assert.equal(c.store, null);
  assert.equal(c.bus?.url, 'nats://127.0.0.1:4222');
  assert.equal(c.outputs[0]!.type, 'elasticsearch');
  assert.equal(c.http, undefined, 'an explicit listener disables the defaults');
  for (const bad of [['--http', 'nope'], ['--intake', 'novalue'], ['--store', 'mysql:x'], ['--bogus', '1'], ['--syslog-tls', '127.0.0.1:1']]) {
    assert.throws(() => resolveConfig(bad, '/cwd'), ConfigError, bad.join(' '));
  }
});
