import type { RawEvent } from './raw-event.js';

export class SaturatedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('pipeline saturated');
    this.name = 'SaturatedError';
  }
}

export interface IngestQueueOptions {
  /** Events accepted but not yet durable; beyond this, `submit` refuses (backpressure). */
  maxQueuedEvents: number;
  /** Largest group handed to the handler at once. */
  maxBatch: number;
}

interface Pending {
  events: RawEvent[];
  resolve: () => void;
  reject: (err: Error) => void;
}

/**
 * Group commit: everything submitted while the handler is busy is handed to it as one batch
 * (one store transaction, one bus round-trip), and each submitter's promise resolves only after
 * the handler has made its events durable. Memory is bounded by `maxQueuedEvents`.
 */
export class IngestQueue {
  private queue: Pending[] = [];
  private queued = 0;
  private inFlight = 0;
  private running = false;

  constructor(
    private readonly handler: (events: RawEvent[]) => Promise<void>,
    private readonly options: IngestQueueOptions,
  ) {}

  /** Events waiting or being made durable. */
  get depth(): number {
    return this.queued + this.inFlight;
  }

  /** Whether `count` more events would be refused right now. */
  wouldRefuse(count: number): boolean {
    return this.depth > 0 && this.depth + count > this.options.maxQueuedEvents;
  }

  /** Resolves when the events are durable; throws SaturatedError at once when over the limit. */
  submit(events: RawEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    // A single oversized submission is still admitted into an empty queue so it can progress.
    if (this.wouldRefuse(events.length)) return Promise.reject(new SaturatedError(1));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.queued += events.length;
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const group: Pending[] = [];
      let count = 0;
      while (this.queue.length > 0 && (count === 0 || count + this.queue[0]!.events.length <= this.options.maxBatch)) {
        const p = this.queue.shift()!;
        group.push(p);
        count += p.events.length;
      }
      this.queued -= count;
      this.inFlight = count;
      const events = group.length === 1 ? group[0]!.events : group.flatMap((p) => p.events);
      try {
        await this.handler(events);
        for (const p of group) p.resolve();
      } catch (err) {
        for (const p of group) p.reject(err as Error);
      }
      this.inFlight = 0;
      // Let receivers run between groups so new submissions join the next one.
      await new Promise((r) => setImmediate(r));
    }
    this.running = false;
  }

  /** Resolves when everything submitted so far has been handled. */
  async idle(): Promise<void> {
    while (this.running) await new Promise((r) => setTimeout(r, 5));
  }
}
