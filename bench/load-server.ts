/**
 * Load test of `intake serve` on loopback: sustained events/s with durable acknowledgement.
 *
 *   node --import tsx bench/load-server.ts   (or node dist/bench/load-server.js after npm run build)
 *      [--seconds 10] [--format SLUG] [--batch 100] [--clients 8]
 *                                           [--connections 4] [--synchronous full|normal]
 *
 * Starts the server as a child process (real SQLite store in a temp dir, one built-in format),
 * then runs two phases, each bounded in time:
 *  - HTTP: `--clients` concurrent senders POST /batch of `--batch` events; a 200 means durable.
 *    Reports events/s and client-side p50/p99 acknowledgement latency per request.
 *  - syslog TCP: `--connections` senders stream octet-counted RFC 5424 frames; since syslog has no
 *    acknowledgement, throughput counts only events committed to the store (polled via /metrics),
 *    and p99 is read from the server's intake_ack_latency_seconds histogram (per read chunk).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findBuiltinFormat, loadFormat } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const seconds = Number(args.get('seconds') ?? 10);
const batch = Number(args.get('batch') ?? 100);
const clients = Number(args.get('clients') ?? 8);
const connections = Number(args.get('connections') ?? 4);
const slug = args.get('format') ?? 'rubycat-proveit';
const synchronous = args.get('synchronous') ?? 'full';
const KEY = 'bench-key';

const formatDir = findBuiltinFormat(slug);
if (!formatDir) throw new Error(`no built-in format ${slug}`);
const samples = loadFormat(formatDir).loadTests().map((c) => c.input.message);
if (!samples.length) throw new Error(`format ${slug} has no test samples to send`);

const dir = mkdtempSync(join(tmpdir(), 'intake-bench-'));
// From the sources (tsx) or from dist/ after `npm run build`.
const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
const serveUrl = pathToFileURL(join(root, fromSource ? 'src/cli/serve.ts' : 'src/cli/serve.js')).href;
const child = spawn(process.execPath, [...(fromSource ? ['--import', 'tsx'] : []), '--input-type=module', '-e',
  `const m = await import(${JSON.stringify(serveUrl)}); process.exitCode = await m.runServe(process.argv.slice(1));`, '--',
  '--http', '127.0.0.1:0', '--syslog-tcp', '127.0.0.1:0', '--store', `sqlite:${join(dir, 'intake.db')}`,
  '--synchronous', synchronous, '--intake', `${KEY}=${formatDir}`, '--read-key', 'bench-read-key'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });

let out = '';
const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
  child.stdout!.on('data', (d: Buffer) => {
    out += d;
    const m = /intake ready http=127\.0\.0\.1:(\d+) syslog-tcp=127\.0\.0\.1:(\d+)/.exec(out);
    if (m) resolve(m);
  });
  child.on('exit', () => reject(new Error(`server exited:\n${out}`)));
});
const httpPort = Number(ready[1]);
const tcpPort = Number(ready[2]);

function post(body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: httpPort, method: 'POST', path: '/batch', agent: keepAlive, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const keepAlive = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: clients });

function get(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: httpPort, path, headers: { authorization: 'Bearer bench-read-key' } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve(text));
    }).on('error', reject).end();
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// Phase 1: HTTP batch.
const body = JSON.stringify({ intake_key: KEY, jsons: Array.from({ length: batch }, (_, i) => samples[i % samples.length]) });
const latencies: number[] = [];
let httpEvents = 0;
let refused = 0;
const httpEnd = Date.now() + seconds * 1000;
const httpStart = Date.now();
await Promise.all(Array.from({ length: clients }, async () => {
  while (Date.now() < httpEnd) {
    const t0 = performance.now();
    const status = await post(body);
    if (status === 200) {
      latencies.push(performance.now() - t0);
      httpEvents += batch;
    } else {
      refused++;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}));
const httpSecs = (Date.now() - httpStart) / 1000;
latencies.sort((a, b) => a - b);

// Phase 2: syslog TCP, octet-counted; throughput = events durable in the store.
const storedCount = async () => {
  const m = await get('/metrics');
  let n = 0;
  for (const line of m.split('\n')) if (/^intake_events_(normalized|failed)_total/.test(line)) n += Number(line.split(' ').pop());
  return n;
};
const before = await storedCount();
const frames = samples.map((s) => {
  const f = `<134>1 2024-01-01T00:00:00Z bench app - - [SEKOIA@53288 intake_key="${KEY}"] ${s}`;
  return Buffer.from(`${Buffer.byteLength(f)} ${f}`);
});
let sentFrames = 0;
const tcpStart = Date.now();
const tcpEnd = tcpStart + seconds * 1000;
await Promise.all(Array.from({ length: connections }, () => new Promise<void>((resolve, reject) => {
  const sock = connect(tcpPort, '127.0.0.1');
  sock.on('error', reject);
  let i = 0;
  const pump = () => {
    while (Date.now() < tcpEnd) {
      const chunk = Buffer.concat(Array.from({ length: 50 }, () => frames[i++ % frames.length]!));
      sentFrames += 50;
      if (!sock.write(chunk)) return void sock.once('drain', pump);
    }
    sock.end(() => resolve());
  };
  sock.on('connect', pump);
})));
let durable = 0;
for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
  durable = (await storedCount()) - before;
  if (durable >= sentFrames) break;
}
const tcpSecs = (Date.now() - tcpStart) / 1000;
const metrics = await get('/metrics');
const buckets = [...metrics.matchAll(/^intake_ack_latency_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)].map((m) => [m[1] === '+Inf' ? Infinity : Number(m[1]), Number(m[2])] as const);
const total = buckets.at(-1)?.[1] ?? 0;
const p99Bucket = buckets.find(([, c]) => c >= total * 0.99)?.[0];

child.kill('SIGTERM');
await new Promise((r) => child.on('exit', r));
rmSync(dir, { recursive: true, force: true });

console.log(JSON.stringify({
  format: slug,
  synchronous,
  http_batch: {
    batch, clients, seconds: Number(httpSecs.toFixed(2)),
    events_per_s: Math.round(httpEvents / httpSecs),
    requests: latencies.length, refused_503: refused,
    ack_latency_ms: { p50: Number(pct(latencies, 50).toFixed(2)), p99: Number(pct(latencies, 99).toFixed(2)) },
  },
  syslog_tcp: {
    connections, sent: sentFrames, durable, seconds: Number(tcpSecs.toFixed(2)),
    events_per_s: Math.round(durable / tcpSecs),
    server_ack_latency_p99_le_s: p99Bucket,
  },
}, null, 2));
