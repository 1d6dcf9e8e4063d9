import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:net';
import type { Socket as UdpSocket } from 'node:dgram';
import type { Output } from '../outputs/output.js';
import type { SqliteStore } from '../outputs/sqlite-store.js';
import type { IntakeConfig } from './config.js';
import type { ReceiverContext } from './context.js';
import { createHttpSource } from './http.js';
import { IngestQueue } from './ingest-queue.js';
import { Metrics } from './metrics.js';
import { NatsBus } from './nats-bus.js';
import { Normalizer } from './normalizer.js';
import type { IntakeFormats } from './normalizer.js';
import type { RawEvent } from './raw-event.js';
import { openOutputs } from './outputs-from-config.js';
import { healthReport, trackedOutput } from './health.js';
import { RateLimitedLog, stderrLog } from './log.js';
import type { LogSink } from './log.js';
import type { OutputHealth } from './health.js';
import { createSyslogTcpSource } from './syslog-tcp.js';
import { createSyslogUdpSource } from './syslog-udp.js';
import { WebCatalog } from './web/catalog.js';

export interface RunningServer {
  http?: AddressInfo;
  syslogTcp?: AddressInfo;
  syslogUdp?: AddressInfo;
  syslogTls?: AddressInfo;
  metrics: Metrics;
  store?: SqliteStore;
  queue: IngestQueue;
  /** Stops listening, lets accepted events become durable, closes outputs. */
  close(): Promise<void>;
}

const RETENTION_INTERVAL_MS = 60_000;

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function bindUdp(socket: UdpSocket, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve(socket.address());
    });
  });
}

/**
 * Starts every configured receiver. Without a bus, events are normalized here and written to the
 * store and outputs (group commit) before they are acknowledged; with a bus, raw events are
 * acknowledged once JetStream has stored them and `intake worker` processes do the rest.
 * `extraOutputs` (library use) are written to like the configured ones and closed with the server.
 */
export interface StartOptions {
  /** While waiting for the bus at start: give up when this returns true (shutdown asked). */
  cancelled?: () => boolean;
  /** Where refusals and drops are logged (default stderr). */
  log?: LogSink;
}

export async function startServer(config: IntakeConfig, formats: IntakeFormats, extraOutputs: Output[] = [], options: StartOptions = {}): Promise<RunningServer> {
  const metrics = new Metrics();
  let outputs: Output[] = [];
  let store: SqliteStore | undefined;
  let bus: NatsBus | undefined;
  let handler: (events: RawEvent[]) => Promise<void>;
  const healths: OutputHealth[] = [];
  let storeHealth: OutputHealth | undefined;
  if (config.bus) {
    bus = await NatsBus.connect(config.bus, { who: 'intake serve', cancelled: options.cancelled });
    handler = (events) => bus!.publish(events);
  } else {
    ({ outputs, store } = openOutputs(config));
    outputs.push(...extraOutputs);
    const tracked = outputs.map(trackedOutput);
    tracked.forEach((t, i) => (outputs[i] === store ? (storeHealth = t.health) : healths.push(t.health)));
    const normalizer = new Normalizer(formats, tracked.map((t) => t.output), metrics);
    handler = (events) => normalizer.process(events);
  }
  const queue = new IngestQueue(handler, { maxQueuedEvents: config.limits.maxQueuedEvents, maxBatch: config.limits.maxBatch });
  metrics.gauges = { queueDepth: () => queue.depth, storeBytes: () => store?.sizeBytes() ?? 0 };
  const ctx: ReceiverContext = {
    formatOf: (key) => formats.get(key)?.slug,
    queue,
    metrics,
    limits: config.limits,
    store,
    readKeys: config.readKeys ?? [],
    web: new WebCatalog(formats, config.formatsDirs),
    log: new RateLimitedLog(options.log ?? stderrLog),
    health: () => healthReport(queue.depth, bus && config.bus ? { url: config.bus.url, connected: bus.connected } : undefined, storeHealth, healths),
  };
  const tls = config.tls ? { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } : undefined;
  // Each listener: stop accepting (first), then drop connections still open (after the queue drained).
  const closers: { stop: () => Promise<void>; kill: () => void }[] = [];
  const running: RunningServer = { metrics, store, queue, close: async () => {} };
  try {
    if (config.http) {
      const server = createHttpSource(ctx, { host: config.http.host, port: config.http.port, tls });
      running.http = await listen(server, config.http.host, config.http.port);
      closers.push({ stop: () => new Promise((r) => server.close(() => r())), kill: () => server.closeAllConnections() });
    }
    for (const [which, addr, useTls] of [['syslogTcp', config.syslogTcp, false], ['syslogTls', config.syslogTls, true]] as const) {
      if (!addr) continue;
      const server = createSyslogTcpSource(ctx, { tls: useTls ? tls : undefined, defaultKey: config.syslogDefaultKey });
      running[which] = await listen(server, addr.host, addr.port);
      closers.push({ stop: () => new Promise((r) => server.close(() => r())), kill: () => server.closeAll() });
    }
    if (config.syslogUdp) {
      const socket = createSyslogUdpSource(ctx, { defaultKey: config.syslogDefaultKey });
      running.syslogUdp = await bindUdp(socket, config.syslogUdp.host, config.syslogUdp.port);
      closers.push({ stop: () => new Promise((r) => socket.close(() => r())), kill: () => {} });
    }
  } catch (err) {
    for (const c of closers) { c.kill(); await c.stop(); }
    await bus?.close();
    for (const o of outputs) await o.close();
    throw err;
  }
  const retention = store && (config.store?.maxAgeMs !== undefined || config.store?.maxBytes !== undefined)
    ? setInterval(() => store!.prune(), RETENTION_INTERVAL_MS).unref()
    : undefined;
  if (retention) store!.prune();
  running.close = async () => {
    if (retention) clearInterval(retention);
    const stopped = Promise.all(closers.map((c) => c.stop()));
    await queue.idle();
    for (const c of closers) c.kill();
    await stopped;
    await bus?.close();
    for (const o of outputs) await o.close();
  };
  return running;
}
