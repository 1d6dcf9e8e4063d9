import { AckPolicy, connect, RetentionPolicy, StorageType } from 'nats';
import type { JsMsg, NatsConnection, JetStreamClient } from 'nats';
import type { RawEvent } from './raw-event.js';
import { stderrLog } from './log.js';
import type { LogSink } from './log.js';

/**
 * NATS JetStream bus between receivers and `intake worker` processes.
 *
 * Delivery promise: `publish` resolves only when JetStream has acknowledged every message, i.e.
 * stored it in the file-backed stream; receivers acknowledge their senders after that. Workers
 * share one durable pull consumer, write a fetched batch to their outputs and only then ack it,
 * waiting for the server to confirm each ack; a worker that dies before acking gets its messages
 * redelivered to another worker after `ackWaitMs`. Redelivery is at-least-once; outputs are
 * idempotent on `event.id`, and publishes carry `Nats-Msg-Id` = event id so a retried publish is
 * deduplicated by the stream.
 *
 * The bus may go away at any time (restart, network): the connection reconnects for as long as it
 * takes, the consume loop waits with backoff and resumes, and each transition is logged once.
 */
export interface BusOptions {
  url: string;
  stream?: string;
  subject?: string;
  durable?: string;
  /** A message not acked within this time is redelivered. */
  ackWaitMs?: number;
}

interface ResolvedBusOptions {
  url: string;
  stream: string;
  subject: string;
  durable: string;
  ackWaitMs: number;
}

export interface BusConnectOptions {
  log?: LogSink;
  /** Who logs (e.g. "intake worker"). */
  who?: string;
  /** Gives up waiting for the first connection when this returns true (shutdown). */
  cancelled?: () => boolean;
  /** Backoff bounds for the first connection and for consume errors. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class NatsBus {
  private readonly js: JetStreamClient;
  private up = true;
  private failing = false;
  private readonly log: LogSink;
  private readonly who: string;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;

  private constructor(private readonly nc: NatsConnection, private readonly options: ResolvedBusOptions, conn: BusConnectOptions) {
    this.js = nc.jetstream();
    this.log = conn.log ?? stderrLog;
    this.who = conn.who ?? 'intake';
    this.minBackoffMs = conn.minBackoffMs ?? 250;
    this.maxBackoffMs = conn.maxBackoffMs ?? 10_000;
    void this.watchStatus();
  }

  /**
   * Connects, retrying with backoff (logged) while the bus is unreachable, until connected or
   * `cancelled()`; then makes sure the stream and the consumer exist. Rejects only when cancelled.
   */
  static async connect(options: BusOptions, conn: BusConnectOptions = {}): Promise<NatsBus> {
    const resolved: ResolvedBusOptions = {
      url: options.url,
      stream: options.stream ?? 'INTAKE_RAW',
      subject: options.subject ?? 'intake.raw',
      durable: options.durable ?? 'intake-workers',
      ackWaitMs: options.ackWaitMs ?? 30_000,
    };
    const log = conn.log ?? stderrLog;
    const who = conn.who ?? 'intake';
    const server = resolved.url.replace(/^nats:\/\//, '');
    let delay = conn.minBackoffMs ?? 250;
    for (let attempt = 1; ; attempt++) {
      let nc: NatsConnection | undefined;
      try {
        nc = await connect({ servers: server, maxReconnectAttempts: -1, reconnectTimeWait: 500, timeout: 2_000 });
        const bus = new NatsBus(nc, resolved, conn);
        await bus.ensureStream();
        if (attempt > 1) log(`${who}: bus ${resolved.url} reached after ${attempt} attempts`);
        return bus;
      } catch (err) {
        await nc?.close().catch(() => undefined);
        if (conn.cancelled?.()) throw new Error(`bus ${resolved.url} unreachable: ${(err as Error).message}`);
        log(`${who}: bus ${resolved.url} unreachable (${(err as Error).message}); retrying in ${(delay / 1000).toFixed(1)} s`);
        const end = Date.now() + delay;
        while (Date.now() < end && !conn.cancelled?.()) await sleep(Math.min(100, delay));
        delay = Math.min(conn.maxBackoffMs ?? 10_000, delay * 2);
      }
    }
  }

  /** Whether the connection to the bus is up right now. */
  get connected(): boolean {
    return this.up && !this.nc.isClosed();
  }

  private async watchStatus(): Promise<void> {
    for await (const s of this.nc.status()) {
      if (s.type === 'disconnect' && this.up) {
        this.up = false;
        this.log(`${this.who}: bus ${this.options.url} disconnected; reconnecting`);
      } else if (s.type === 'reconnect') {
        this.up = true;
        this.log(`${this.who}: bus ${this.options.url} reconnected`);
      }
    }
  }

  private async ensureStream(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    const { stream, subject, durable, ackWaitMs } = this.options;
    try {
      await jsm.streams.info(stream);
    } catch {
      try {
        await jsm.streams.add({ name: stream, subjects: [subject], storage: StorageType.File, retention: RetentionPolicy.Workqueue });
      } catch (err) {
        // Another process created it meanwhile.
        await jsm.streams.info(stream).catch(() => { throw err; });
      }
    }
    try {
      await jsm.consumers.info(stream, durable);
    } catch {
      await jsm.consumers
        .add(stream, { durable_name: durable, ack_policy: AckPolicy.Explicit, ack_wait: ackWaitMs * 1_000_000, max_ack_pending: 20_000 })
        .catch(async (err) => { await jsm.consumers.info(stream, durable).catch(() => { throw err; }); });
    }
  }

  /** Resolves when JetStream has stored every event. */
  async publish(events: RawEvent[]): Promise<void> {
    await Promise.all(events.map((e) => this.js.publish(this.options.subject, Buffer.from(JSON.stringify(e)), { msgID: e.id })));
  }

  /**
   * Fetches batches until `shouldStop()` and hands them to `handler`; acks after it resolves
   * (confirmed acks), naks (redelivery) if it rejects. Malformed messages are terminated and
   * reported. Bus errors (disconnect, consumer gone after a bus restart without its data) are
   * logged once per outage and retried with backoff: this only returns when asked to stop.
   */
  async consume(
    handler: (events: RawEvent[]) => Promise<void>,
    options: { batch?: number; shouldStop: () => boolean; onMalformed?: (data: Uint8Array) => void },
  ): Promise<void> {
    let delay = this.minBackoffMs;
    while (!options.shouldStop()) {
      try {
        await this.consumeOnce(handler, options);
        delay = this.minBackoffMs;
      } catch (err) {
        if (!this.failing) this.log(`${this.who}: cannot consume from bus ${this.options.url} (${(err as Error).message}); retrying with backoff`);
        this.failing = true;
        const end = Date.now() + delay;
        while (Date.now() < end && !options.shouldStop()) await sleep(Math.min(100, delay));
        delay = Math.min(this.maxBackoffMs, delay * 2);
        // The bus may have come back without its state (new storage): recreate what is missing.
        if (this.connected) await this.ensureStream().catch(() => undefined);
      }
    }
  }

  /** One fetch-handle-ack round trip on a fresh consumer handle (survives consumer recreation). */
  private async consumeOnce(
    handler: (events: RawEvent[]) => Promise<void>,
    options: { batch?: number; shouldStop: () => boolean; onMalformed?: (data: Uint8Array) => void },
  ): Promise<void> {
    const consumer = await this.js.consumers.get(this.options.stream, this.options.durable);
    while (!options.shouldStop()) {
      const iter = await consumer.fetch({ max_messages: options.batch ?? 1000, expires: 1000 });
      const msgs: JsMsg[] = [];
      for await (const m of iter) msgs.push(m);
      if (!this.connected) throw new Error('disconnected');
      if (this.failing) {
        this.failing = false;
        this.log(`${this.who}: consuming again from bus ${this.options.url}`);
      }
      if (msgs.length === 0) continue;
      const events: RawEvent[] = [];
      const good: JsMsg[] = [];
      for (const m of msgs) {
        try {
          events.push(JSON.parse(Buffer.from(m.data).toString('utf8')) as RawEvent);
          good.push(m);
        } catch {
          options.onMalformed?.(m.data);
          m.term();
        }
      }
      try {
        await handler(events);
      } catch {
        for (const m of good) m.nak(1000);
        continue;
      }
      // An ack lost on the way is a redelivery later (outputs are idempotent), not a loss; waiting
      // for its confirmation keeps the worker from racing ahead of a bus that went away.
      await Promise.all(good.map((m) => m.ackAck({ timeout: 5_000 })));
    }
  }

  /** Drains if the bus answers within `timeoutMs`, else closes: never hangs on a dead bus. */
  async close(timeoutMs = 2_000): Promise<void> {
    if (this.nc.isClosed()) return;
    const drained = this.connected ? this.nc.drain().then(() => true, () => false) : Promise.resolve(false);
    const ok = await Promise.race([drained, sleep(timeoutMs).then(() => false)]);
    if (!ok) await this.nc.close().catch(() => undefined);
  }
}
