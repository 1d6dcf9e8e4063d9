/**
 * Chaos check of the bus deployment: `intake serve --bus` + two `intake worker` + `nats-server`.
 *
 *   npm run chaos                                   (build, then a 60 s run)
 *   node dist/bench/chaos.js [--seconds 60] [--interval 5] [--http-clients 2] [--rate 100]
 *
 * HTTP clients (each `--rate` events/s, in requests of 10) and one syslog TCP client (same rate)
 * send at a steady pace while every `--interval` seconds one process is killed with SIGKILL and
 * restarted after a short pause, in turn: serve, worker 1, worker 2, nats-server. HTTP clients
 * never retry: an event is acknowledged when its request got 200. At the end (senders stopped,
 * the pipeline given time to drain) it checks that every acknowledged event is in the store
 * exactly once (no event id missing, no message stored twice) and prints the figures: events
 * sent, acknowledged, stored, duplicates, and the longest stall (longest time without any 200).
 * Syslog has no acknowledgement: its frames in flight when serve is killed may be lost; the
 * figures show how many, and that none is stored twice. Exit status 1 when an acknowledged event
 * is missing or duplicated.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SqliteStore } from '../src/outputs/sqlite-store.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    interval: { type: 'string', default: '5' },
    'http-clients': { type: 'string', default: '2' },
    rate: { type: 'string', default: '100' },
    format: { type: 'string', default: 'rubycat-proveit' },
  },
});
const seconds = Number(values.seconds);
const intervalMs = Number(values.interval) * 1000;
const httpClients = Number(values['http-clients']);
const rate = Number(values.rate);
const KEY = 'chaos-key';
const BATCH = 10;

const here = dirname(fileURLToPath(import.meta.url));
const main = join(here, '..', 'src', 'cli', 'main.js');
const natsBin = ['/usr/sbin/nats-server', '/usr/bin/nats-server'].find((p) => spawnSync('test', ['-x', p]).status === 0)
  ?? (spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).stdout.trim() || undefined);
if (!natsBin) {
  process.stderr.write('chaos: nats-server is not installed (apt-get install -y nats-server)\n');
  process.exit(2);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), 'intake-chaos-'));
const [natsPort, httpPort, syslogPort] = [await freePort(), await freePort(), await freePort()];
const bus = `nats://127.0.0.1:${natsPort}`;
const db = join(dir, 'intake.db');

interface Proc { name: string; args: () => [string, string[]]; child?: ChildProcess; log: string }
const procs: Proc[] = [
  { name: 'serve', log: '', args: () => [process.execPath, [main, 'serve', '--http', `127.0.0.1:${httpPort}`, '--syslog-tcp', `127.0.0.1:${syslogPort}`,
    '--bus', bus, '--store', 'none', '--intake', `${KEY}=${values.format}`, '--syslog-default-key', KEY]] },
  { name: 'worker 1', log: '', args: () => [process.execPath, [main, 'worker', '--bus', bus, '--store', `sqlite:${db}`, '--intake', `${KEY}=${values.format}`, '--max-batch', '500']] },
  { name: 'worker 2', log: '', args: () => [process.execPath, [main, 'worker', '--bus', bus, '--store', `sqlite:${db}`, '--intake', `${KEY}=${values.format}`, '--max-batch', '500']] },
  { name: 'nats-server', log: '', args: () => [natsBin, ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', join(dir, 'js')]] },
];

function start(p: Proc): void {
  const [cmd, args] = p.args();
  const child = spawn(cmd, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (d: Buffer) => { p.log = (p.log + d.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  p.child = child;
}

async function kill(p: Proc): Promise<void> {
  const child = p.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

async function waitHttp(timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await new Promise<boolean>((r) => {
      const req = request({ host: '127.0.0.1', port: httpPort, path: '/healthz', timeout: 1000 }, (res) => { res.resume(); r(res.statusCode === 200); });
      req.on('error', () => r(false));
      req.on('timeout', () => { req.destroy(); r(false); });
      req.end();
    });
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`serve not healthy within ${timeoutMs} ms:\n${procs[0]!.log}`);
}

// --- start everything
start(procs[3]!);
await sleep(500);
for (const p of procs.slice(0, 3)) start(p);
await waitHttp(60_000);

// --- senders
let stopping = false;
let sentHttp = 0;
let sentSyslog = 0;
const acked = new Map<string, string>(); // event id -> tag
let lastAckMs = Date.now();
let longestStallMs = 0;
const noteAck = () => {
  const now = Date.now();
  longestStallMs = Math.max(longestStallMs, now - lastAckMs);
  lastAckMs = now;
};

function post(body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: httpPort, method: 'POST', path: '/jsons', timeout: 15_000,
      headers: { 'content-type': 'application/json', 'x-sekoiaio-intake-key': KEY, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.on('timeout', () => req.destroy());
    req.end(body);
  });
}

async function httpSender(n: number): Promise<void> {
  const periodMs = (1000 * BATCH) / rate;
  for (let i = 0, next = Date.now(); !stopping; i++) {
    const tags = Array.from({ length: BATCH }, (_, j) => `chaos h${n}-${i}-${j}`);
    sentHttp += tags.length;
    const a = await post(JSON.stringify(tags));
    if (a.status === 200) {
      const ids = (JSON.parse(a.body) as { event_ids: string[] }).event_ids;
      ids.forEach((id, j) => acked.set(id, tags[j]!));
      noteAck();
    }
    next += periodMs;
    await sleep(Math.max(0, next - Date.now()));
  }
}

async function syslogSender(): Promise<void> {
  const periodMs = 1000 / rate;
  let socket: Socket | undefined;
  for (let i = 0, next = Date.now(); !stopping; i++) {
    if (!socket || socket.destroyed) {
      socket = await new Promise<Socket | undefined>((r) => {
        const s = connect(syslogPort, '127.0.0.1', () => r(s));
        s.on('error', () => r(undefined));
      });
      if (!socket) { await sleep(100); next = Date.now(); continue; }
      socket.on('error', () => socket?.destroy());
    }
    socket.write(`<13>1 ${new Date().toISOString()} chaos app - - - chaos s-${i}\n`);
    sentSyslog++;
    next += periodMs;
    await sleep(Math.max(0, next - Date.now()));
  }
  socket?.end();
}

const startMs = Date.now();
const senders = [...Array.from({ length: httpClients }, (_, n) => httpSender(n)), syslogSender()];

// --- chaos: kill -9 and restart in turn
const kills: string[] = [];
for (let turn = 0; Date.now() - startMs + intervalMs <= seconds * 1000; turn++) {
  await sleep(intervalMs);
  const p = procs[turn % procs.length]!;
  await kill(p);
  kills.push(p.name);
  await sleep(500 + Math.floor(Math.random() * 1000));
  start(p);
}
await sleep(Math.max(0, seconds * 1000 - (Date.now() - startMs)));
stopping = true;
await Promise.all(senders);
noteAck();

// --- drain: wait until every acknowledged event is stored (or 60 s)
const storedRows = (): { id: string; message: string }[] => {
  try {
    const s = new SqliteStore({ path: db, readonly: true });
    try {
      return s.search({ limit: 10_000_000 }).map((j) => {
        const e = JSON.parse(j) as { event?: { id?: string }; message?: string };
        return { id: e.event?.id ?? '', message: e.message ?? '' };
      });
    } finally {
      void s.close();
    }
  } catch {
    return [];
  }
};
let rows = storedRows();
for (const end = Date.now() + 60_000; Date.now() < end; ) {
  const ids = new Set(rows.map((r) => r.id));
  if ([...acked.keys()].every((id) => ids.has(id))) break;
  await sleep(1000);
  rows = storedRows();
}
await sleep(2000); // let redeliveries, if any, land too
rows = storedRows();
for (const p of procs) await kill(p);

const byMessage = new Map<string, number>();
for (const r of rows) byMessage.set(r.message, (byMessage.get(r.message) ?? 0) + 1);
const duplicates = [...byMessage.values()].reduce((n, c) => n + (c - 1), 0);
const storedIds = new Set(rows.map((r) => r.id));
const missing = [...acked.keys()].filter((id) => !storedIds.has(id));
const ackedStored = [...acked.keys()].length - missing.length;
const syslogStored = rows.filter((r) => / s-\d+$/.test(r.message)).length;
const httpStored = rows.filter((r) => /^chaos h/.test(r.message)).length;

const figures = {
  seconds,
  kills: kills.length,
  killed: kills,
  http: { sent: sentHttp, acknowledged: acked.size, stored: httpStored, acknowledged_stored: ackedStored, acknowledged_missing: missing.length },
  syslog: { sent: sentSyslog, stored: syslogStored, lost: sentSyslog - syslogStored },
  duplicates,
  longest_stall_s: Math.round(longestStallMs / 100) / 10,
};
process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
process.stdout.write(
  `chaos: ${kills.length} kill -9 in ${seconds} s; http sent ${sentHttp}, acknowledged ${acked.size}, stored ${httpStored} ` +
  `(acknowledged missing ${missing.length}); syslog sent ${sentSyslog}, stored ${syslogStored}; duplicates ${duplicates}; ` +
  `longest stall ${figures.longest_stall_s} s\n`,
);
const ok = missing.length === 0 && duplicates === 0;
if (!ok) for (const p of procs) process.stderr.write(`--- ${p.name} (last lines)\n${p.log.split('\n').slice(-15).join('\n')}\n`);
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
