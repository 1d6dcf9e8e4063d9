import { AckPolicy, connect, RetentionPolicy, StorageType } from 'nats';
import type { JsMsg, NatsConnection, JetStreamClient } from 'nats';
import type { RawEvent } from './raw-event.js';

/**
 * NATS JetStream bus between receivers and `intake worker` processes.
 *
 * Delivery promise: `publish` resolves only when JetStream has acknowledged every message, i.e.
 * stored it in the file-backed stream; receivers acknowledge their senders after that. Workers
 * share one durable pull consumer, write a fetched batch to their outputs and only then ack it;
 * a worker that dies before acking gets its messages redelivered to another worker after
 * `ackWaitMs`. Redelivery is at-least-once; outputs are idempotent on `event.id`, and publishes
 * carry `Nats-Msg-Id` = event id so a retried publish is deduplicated by the stream.
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

export class NatsBus {
  private readonly js: JetStreamClient;

  private constructor(private readonly nc: NatsConnection, private readonly options: ResolvedBusOptions) {
    this.js = nc.jetstream();
  }

  static async connect(options: BusOptions): Promise<NatsBus> {
    const resolved: ResolvedBusOptions = {
      url: options.url,
      stream: options.stream ?? 'INTAKE_RAW',
      subject: options.subject ?? 'intake.raw',
      durable: options.durable ?? 'intake-workers',
      ackWaitMs: options.ackWaitMs ?? 30_000,
    };
    const server = resolved.url.replace(/^nats:\/\//, '');
    const nc = await connect({ servers: server, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
    const bus = new NatsBus(nc, resolved);
    await bus.ensureStream();
    return bus;
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
   * Fetches batches until `shouldStop()` and hands them to `handler`; acks after it resolves,
   * naks (redelivery) if it rejects. Malformed messages are terminated and reported.
   */
  async consume(
    handler: (events: RawEvent[]) => Promise<void>,
    options: { batch?: number; shouldStop: () => boolean; onMalformed?: (data: Uint8Array) => void },
  ): Promise<void> {
    const consumer = await this.js.consumers.get(this.options.stream, this.options.durable);
    while (!options.shouldStop()) {
      const iter = await consumer.fetch({ max_messages: options.batch ?? 1000, expires: 1000 });
      const msgs: JsMsg[] = [];
      for await (const m of iter) msgs.push(m);
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
      for (const m of good) m.ack();
      await this.nc.flush();
    }
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => this.nc.close());
  }
}
