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

test('intake.yml is checked against its schema: a misspelt key is an error naming it and the nearest known key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'intake-cfg-'));
  const file = join(dir, 'intake.yml');
  const problems = (yaml: string) => {
    writeFileSync(file, yaml);
    try {
      resolveConfig(['--config', file], '/cwd');
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      return (err as Error).message.split('\n').map((l) => l.slice(file.length + 2));
    }
    return [];
  };
  try {
    assert.deepEqual(problems('limitz: { max_body: 1MB }\n'), ['limitz: unknown key (known: listeners, intakes, store, outputs, bus, read_keys, limits; did you mean limits?)']);
    assert.match(problems('limits: { max_bdy: 1MB }\n')[0]!, /^limits\.max_bdy: unknown key .*did you mean max_body\?\)$/);
    assert.deepEqual(problems('limits: { max_queue: lots, idle_timeout: forever, max_body: huge }\n'), [
      'limits.max_queue: expected an integer >= 1, got "lots"',
      'limits.idle_timeout: expected a duration like 30s, 5m, 7d, got "forever"',
      'limits.max_body: expected a size like 256KB, 16MB, got "huge"',
    ]);
    assert.deepEqual(problems('outputs:\n  - { type: ndjson, pth: x }\n'), [
      'outputs[0].pth: unknown key (known: type, path, max_size, max_files; did you mean path?)',
      'outputs[0].path: required',
    ]);
    assert.deepEqual(problems('outputs:\n  - { type: kafka }\n'), ['outputs[0].type: expected ndjson, elasticsearch, opensearch, got "kafka"']);
    assert.deepEqual(problems('store: { path: x.db, synchronous: sometimes }\n'), ['store.synchronous: expected full or normal, got "sometimes"']);
    assert.deepEqual(problems('store: { pth: x.db }\nbus: 3\n'), [
      'store.pth: unknown key (known: path, synchronous, max_age, max_size; did you mean path?)',
      'store.path: required',
      'bus: expected nats://HOST:PORT or a mapping { url, stream, subject, durable }',
    ]);
    assert.deepEqual(problems('listeners: { tls: { cert: c.pem, key: } }\nintakes: [{ key: k, format: "" }]\n'), ['listeners.tls.key: required', 'intakes[0].format: expected a string']);
    assert.deepEqual(problems('read_keys: [r1]\nlimits: { max_events: 500, keep_alive_timeout: 2s, max_connections_per_client: 8, max_read: 1MB }\n'), []);
    const c = resolveConfig(['--config', file, '--read-key', 'r2'], '/cwd');
    assert.deepEqual(c.readKeys, ['r1', 'r2']);
    assert.equal(c.limits.maxEventsPerRequest, 500);
    assert.equal(c.limits.keepAliveTimeoutMs, 2_000);
    assert.equal(c.limits.maxConnectionsPerClient, 8);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve/worker flags are parsed like the other commands: unknown option, missing value, bad number', () => {
  const message = (argv: string[]) => {
    try {
      resolveConfig(argv, '/cwd');
      return '';
    } catch (err) {
      assert.ok(err instanceof ConfigError, String(err));
      return (err as Error).message;
    }
  };
  assert.equal(message(['--bogus']), "Unknown option '--bogus'");
  assert.equal(message(['--http']), "Option '--http <value>' argument missing");
  assert.equal(message(['--max-queue', 'many']), '--max-queue: expected a positive integer, got "many"');
  assert.match(message(['stray']), /^Unexpected argument 'stray'/);
  assert.equal(resolveConfig(['--max-events=20', '--intake', 'a=x', '--intake', 'b=y'], '/cwd').limits.maxEventsPerRequest, 20);
});
