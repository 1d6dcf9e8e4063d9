import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { createSocket } from 'node:dgram';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../src/intake/limits.js';
import { GateOutput, KEY, startTestServer, waitFor } from './helpers.js';

const frame5424 = (msg: string, key = KEY) => `<134>1 2024-05-01T10:00:00Z web01 app 1 - [SEKOIA@53288 intake_key="${key}"] ${msg}`;

function send(port: number, data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => s.end(data));
    s.on('close', () => resolve());
    s.on('error', reject);
  });
}

test('TCP: LF-delimited and octet-counted RFC 5424 frames arrive with their syslog envelope', async () => {
  const t = await startTestServer({ http: undefined, syslogTcp: { host: '127.0.0.1', port: 0 } });
  try {
    const a = frame5424('{"action":"lf"}');
    const b = frame5424('{"action":"octet\\nwith newline"}');
    await send(t.server.syslogTcp!.port, `${a}\n${Buffer.byteLength(b)} ${b}<13>Feb  5 17:32:18 h sshd[1]: no key here\n`);
    const store = t.server.store!;
    await waitFor('2 events', () => store.count() === 2);
    const events = store.search({}).map((r) => JSON.parse(r)).sort((x, y) => x.event.action.localeCompare(y.event.action));
    assert.deepEqual(events.map((e) => e.event.action), ['lf', 'octet\nwith newline']);
    assert.equal(events[0].log.hostname, 'web01');
    assert.equal(events[0].log.syslog.appname, 'app');
    assert.equal(events[0].message, '{"action":"lf"}');
    assert.match(t.server.metrics.render(), /intake_events_rejected_total\{reason="missing_key"\} 1/);
  } finally {
    await t.stop();
  }
});

test('TCP: a flood of malformed/oversized frames closes only that connection', async () => {
  const t = await startTestServer({ http: undefined, syslogTcp: { host: '127.0.0.1', port: 0 }, limits: { ...DEFAULT_LIMITS, maxFrameBytes: 1024 } });
  const port = t.server.syslogTcp!.port;
  try {
    const good = connect(port, '127.0.0.1');
    await new Promise((r) => good.on('connect', r));
    const floods = Array.from({ length: 5 }, () => send(port, Buffer.concat([Buffer.from('<1>garbage\n'.repeat(200)), Buffer.alloc(5000, 0x41)])).catch(() => undefined));
    for (let i = 0; i < 50; i++) good.write(frame5424(`{"action":"good${i}"}`) + '\n');
    await Promise.all(floods);
    await waitFor('50 good events', () => t.server.store!.count() === 50);
    good.end();
    assert.match(t.server.metrics.render(), /intake_events_rejected_total\{reason="bad_frame"\} 5/);
  } finally {
    await t.stop();
  }
});

test('TCP: backpressure pauses reading while the pipeline is saturated, nothing is dropped', async () => {
  const gate = new GateOutput();
  const t = await startTestServer({ http: undefined, syslogTcp: { host: '127.0.0.1', port: 0 }, limits: { ...DEFAULT_LIMITS, maxQueuedEvents: 5 } }, [gate]);
  try {
    const total = 5000;
    const lines = Array.from({ length: total }, (_, i) => frame5424(`{"action":"bp${i}"}`) + '\n').join('');
    const sending = send(t.server.syslogTcp!.port, lines);
    await waitFor('queue holds events', () => t.server.queue.depth > 0);
    await new Promise((r) => setTimeout(r, 200));
    // Only the first chunk read is in the pipeline; the rest waits in the sender and kernel buffers.
    const held = t.server.queue.depth;
    assert.ok(held > 0 && held < total / 2, `held ${held}`);
    gate.open();
    await sending;
    await waitFor('all stored', () => t.server.store!.count() === total);
  } finally {
    gate.open();
    await t.stop();
  }
});

test('TCP: idle connections are closed', async () => {
  const t = await startTestServer({ http: undefined, syslogTcp: { host: '127.0.0.1', port: 0 }, limits: { ...DEFAULT_LIMITS, idleTimeoutMs: 200 } });
  try {
    const s = connect(t.server.syslogTcp!.port, '127.0.0.1');
    const start = Date.now();
    await new Promise((r) => s.on('close', r));
    assert.ok(Date.now() - start < 3000);
  } finally {
    await t.stop();
  }
});

test('UDP: datagrams are received (best effort)', async () => {
  const t = await startTestServer({ http: undefined, syslogUdp: { host: '127.0.0.1', port: 0 } });
  try {
    const sock = createSocket('udp4');
    for (let i = 0; i < 10; i++) sock.send(frame5424(`{"action":"udp${i}"}`), t.server.syslogUdp!.port, '127.0.0.1');
    sock.send(frame5424('{"action":"x"}', 'unknown'), t.server.syslogUdp!.port, '127.0.0.1');
    await waitFor('10 events', () => t.server.store!.count() === 10);
    sock.close();
    await waitFor('unknown key counted', () => /reason="unknown_key"\} 1/.test(t.server.metrics.render()));
  } finally {
    await t.stop();
  }
});

test('TLS: syslog over TLS and HTTPS with a configured certificate', async () => {
  const dir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'intake-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=localhost', '-days', '1'], { stdio: 'ignore' });
  const t = await startTestServer({
    http: { host: '127.0.0.1', port: 0 },
    syslogTls: { host: '127.0.0.1', port: 0 },
    tls: { certFile: join(dir, 'cert.pem'), keyFile: join(dir, 'key.pem') },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const s = tlsConnect({ port: t.server.syslogTls!.port, host: '127.0.0.1', rejectUnauthorized: false }, () => s.end(frame5424('{"action":"tls"}') + '\n'));
      s.on('close', () => resolve());
      s.on('error', reject);
    });
    const https = await import('node:https');
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request({ host: '127.0.0.1', port: t.server.http!.port, method: 'POST', path: '/plain', rejectUnauthorized: false, headers: { 'x-sekoiaio-intake-key': KEY } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end('{"action":"https"}');
    });
    assert.equal(status, 200);
    await waitFor('2 events', () => t.server.store!.count() === 2);
  } finally {
    await t.stop();
    (await import('node:fs')).rmSync(dir, { recursive: true, force: true });
  }
});
