import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { request } from 'node:http';
import { DEFAULT_LIMITS } from '../../src/intake/limits.js';
import { httpRequest, KEY, READ, READ_KEY, startTestServer, waitFor } from './helpers.js';

const H = { 'X-SEKOIAIO-INTAKE-KEY': KEY };

/** `n` idle TCP connections from `from` (a loopback address), once all are established. */
async function idleConnections(port: number, from: string, n: number): Promise<Socket[]> {
  const sockets = await Promise.all(Array.from({ length: n }, () => new Promise<Socket>((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', localAddress: from }, () => resolve(s));
    s.on('error', reject);
  })));
  return sockets;
}

function postFrom(port: number, from: string, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, localAddress: from, method: 'POST', path, headers: { ...H, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('a request is bounded by its number of events: a million tiny items get 413 at once, nothing stored, others served', async () => {
  const t = await startTestServer();
  const port = t.server.http!.port;
  try {
    const huge = '[' + Array.from({ length: 1_000_000 }, () => '"a"').join(',') + ']';
    const start = Date.now();
    const [big, other] = await Promise.all([
      httpRequest(port, 'POST', '/jsons', huge, H),
      httpRequest(port, 'POST', '/jsons', '["{}"]', H),
    ]);
    assert.equal(big.status, 413, big.body);
    assert.match(JSON.parse(big.body).message, /10000 event limit/);
    assert.equal(other.status, 200);
    assert.ok(Date.now() - start < 5_000, `answered in ${Date.now() - start} ms`);
    assert.equal(t.server.store!.count(), 1);
    const exact = JSON.stringify(Array.from({ length: 10_000 }, () => 'x'));
    assert.equal((await httpRequest(port, 'POST', '/jsons', exact, H)).status, 200);
    const lines = Array.from({ length: 10_001 }, () => 'x').join('\n');
    assert.equal((await httpRequest(port, 'POST', '/plain/batch', lines, H)).status, 413);
    assert.ok(t.logged.some((l) => /413 to 127\.0\.0\.1 POST \/jsons: request over the 10000 event limit/.test(l)), t.logged.join('\n'));
  } finally {
    await t.stop();
  }
});

test("one client's idle connections cannot lock the others out (per-client cap; idle connections give way)", async () => {
  const t = await startTestServer({
    syslogTcp: { host: '127.0.0.1', port: 0 },
    syslogDefaultKey: KEY,
    limits: { ...DEFAULT_LIMITS, maxConnections: 30, maxConnectionsPerClient: 20 },
  });
  const open: Socket[] = [];
  try {
    for (const [name, port] of [['http', t.server.http!.port], ['syslog', t.server.syslogTcp!.port]] as const) {
      const hog = await idleConnections(port, '127.0.0.1', 25);
      open.push(...hog);
      await waitFor(`${name}: connections over the per-client cap closed`, () => hog.filter((s) => s.destroyed || s.readyState !== 'open').length === 5 || undefined, 5_000);
      open.push(...await idleConnections(port, '127.0.0.3', 10));
      await new Promise((r) => setTimeout(r, 1_200)); // the hog's connections are idle now
      if (name === 'http') {
        assert.equal(await postFrom(port, '127.0.0.2', '/plain', '{"action":"other"}'), 200);
      } else {
        const s = (await idleConnections(port, '127.0.0.2', 1))[0]!;
        open.push(s);
        s.write('<13>1 2024-01-01T00:00:00Z h app - - - {"action":"sys"}\n');
        await waitFor('syslog frame of the other client stored', () => t.server.store!.count() === 2 || undefined, 5_000);
        assert.equal(s.destroyed, false);
      }
      assert.ok(hog.some((s) => s.destroyed || s.readyState !== 'open'), 'an idle connection of the hog gave way');
    }
    assert.ok(t.logged.some((l) => /http: refused a connection from 127\.0\.0\.1: 20 connections open from it/.test(l)), t.logged.join('\n'));
    assert.ok(t.logged.some((l) => /syslog-tcp: refused a connection from 127\.0\.0\.1/.test(l)), t.logged.join('\n'));
  } finally {
    for (const s of open) s.destroy();
    await t.stop();
  }
});

test('reads of stored events and metrics need a read key, not an intake key; none configured: refused', async () => {
  const t = await startTestServer();
  const port = t.server.http!.port;
  try {
    assert.equal((await httpRequest(port, 'POST', '/plain', '{"action":"a"}', H)).status, 200);
    for (const path of ['/events?q=*', '/metrics']) {
      assert.equal((await httpRequest(port, 'GET', path)).status, 401, path);
      assert.equal((await httpRequest(port, 'GET', path, undefined, { authorization: `Bearer ${KEY}` })).status, 401, path);
      assert.equal((await httpRequest(port, 'GET', path, undefined, { 'x-intake-read-key': READ_KEY })).status, 200, path);
      assert.equal((await httpRequest(port, 'GET', path, undefined, READ)).status, 200, path);
    }
  } finally {
    await t.stop();
  }
  const closed = await startTestServer({ readKeys: [] });
  try {
    assert.equal((await httpRequest(closed.server.http!.port, 'GET', '/events', undefined, READ)).status, 403);
  } finally {
    await closed.stop();
  }
});

test('GET /events streams its answer and cuts it at the byte bound (trailer says so)', async () => {
  const t = await startTestServer({ limits: { ...DEFAULT_LIMITS, maxReadBytes: 2_000 } });
  const port = t.server.http!.port;
  try {
    const events = Array.from({ length: 100 }, (_, i) => `{"action":"e${i}","pad":"${'x'.repeat(50)}"}`);
    assert.equal((await httpRequest(port, 'POST', '/jsons', JSON.stringify(events), H)).status, 200);
    const answer = await new Promise<{ body: string; trailers: Record<string, string | undefined>; chunked: boolean }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/events?limit=1000', headers: READ }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ body, trailers: res.trailers, chunked: res.headers['transfer-encoding'] === 'chunked' }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.ok(answer.chunked, 'streamed, not built whole');
    assert.ok(answer.body.length <= 2_000 && answer.body.length > 1_000, String(answer.body.length));
    for (const line of answer.body.trim().split('\n')) JSON.parse(line);
    assert.equal(answer.trailers['x-intake-truncated'], 'true');
  } finally {
    await t.stop();
  }
});

test('the intake key is checked from the headers before the body is read', async () => {
  const t = await startTestServer();
  const port = t.server.http!.port;
  try {
    for (const headers of [`x-sekoiaio-intake-key: wrong\r\n`, '']) {
      const s = connect(port, '127.0.0.1');
      const answer = new Promise<string>((r) => {
        let data = '';
        s.on('data', (d) => {
          data += d;
          if (data.includes('\r\n\r\n')) r(data);
        });
      });
      // Headers announce 10 MB; not a byte of the body is sent.
      s.write(`POST /jsons HTTP/1.1\r\nhost: x\r\n${headers}content-length: 10000000\r\n\r\n`);
      assert.match(await answer, /^HTTP\/1.1 401/);
      s.destroy();
    }
    assert.ok(t.logged.some((l) => /401 to 127\.0\.0\.1 POST \/jsons: unknown intake key/.test(l)));
  } finally {
    await t.stop();
  }
});

test("JSON nested 100,000 levels deep is the client's error (400), not a 500", async () => {
  const t = await startTestServer();
  const port = t.server.http!.port;
  try {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const a = await httpRequest(port, 'POST', '/jsons', `[${deep}]`, H);
    assert.equal(a.status, 400, a.body);
    assert.match(JSON.parse(a.body).message, /nested too deeply/);
    const b = await httpRequest(port, 'POST', '/batch', `{"intake_key":"${KEY}","jsons":[${deep}]}`);
    assert.equal(b.status, 400, b.body);
    assert.equal(t.server.metrics.rejected.get('internal_error'), 0);
  } finally {
    await t.stop();
  }
});

test('invalid UTF-8 is stored with a parsing warning, not as a silent success', async () => {
  const t = await startTestServer();
  const port = t.server.http!.port;
  try {
    const bad = Buffer.concat([Buffer.from('{"action":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const batch = Buffer.concat([Buffer.from('{"action":"fine"}\n'), bad]);
    const a = await httpRequest(port, 'POST', '/plain/batch', batch, H);
    assert.equal(a.status, 200);
    const [fineId, badId] = JSON.parse(a.body).event_ids;
    const get = (id: string) => JSON.parse(t.server.store!.search({ query: `id:${id}` })[0]!);
    assert.deepEqual(get(badId).sekoiaio.intake.parsing_warnings, ['message was not valid UTF-8: invalid bytes replaced by U+FFFD']);
    assert.equal(get(badId).message, '{"action":"caf\uFFFD"}');
    assert.equal(get(fineId).sekoiaio.intake.parsing_warnings, undefined);
  } finally {
    await t.stop();
  }
});
