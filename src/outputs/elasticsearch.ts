import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { NormalizedEvent } from '../pipeline/types.js';
import type { Output } from './output.js';
import type { BulkClient } from './bulk-client.js';
import { createdMs, eventId, eventTimeMs } from './event-fields.js';
import { serializeEvent } from './serialize.js';

export interface ElasticsearchOutputOptions {
  client: BulkClient;
  /**
   * Index name prefix; the day (UTC) is appended: `<prefix>-YYYY.MM.DD`. The day comes from
   * @timestamp, else event.created (reception), else now: a redelivered event must land in the
   * same index as its first copy for `_id` to deduplicate it.
   */
  indexPrefix?: string;
  /** Items rejected for good (4xx other than 409/429) are appended here as NDJSON. */
  deadLetterPath: string;
  /** Attempts for retryable failures (429, 5xx, transport errors). Default 5. */
  maxAttempts?: number;
  /** First backoff delay; doubles each attempt, capped at 30 s. Default 250 ms. */
  backoffMs?: number;
  /** Events per bulk request. Default 1000. */
  maxBatch?: number;
}

export function dailyIndex(prefix: string, ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())}`;
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Elasticsearch/OpenSearch sink through the `_bulk` API. Each event is a `create` with `_id` =
 * `event.id`, so a retried or redelivered event is written once (409 = already there = success).
 * `write` resolves when every item is indexed or dead-lettered; it rejects if retryable failures
 * remain after the last attempt (the caller must not acknowledge those events).
 */
export class ElasticsearchOutput implements Output {
  readonly name = 'elasticsearch';
  private readonly prefix: string;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxBatch: number;
  deadLettered = 0;

  constructor(private readonly options: ElasticsearchOutputOptions) {
    this.prefix = options.indexPrefix ?? 'intake';
    this.maxAttempts = options.maxAttempts ?? 5;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxBatch = options.maxBatch ?? 1000;
  }

  async write(events: NormalizedEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += this.maxBatch) await this.writeChunk(events.slice(i, i + this.maxBatch));
  }

  private async writeChunk(events: NormalizedEvent[]): Promise<void> {
    const now = Date.now();
    let pending = events.map((event) => ({
      event,
      action: JSON.stringify({ create: { _index: dailyIndex(this.prefix, eventTimeMs(event) ?? createdMs(event) ?? now), _id: eventId(event) } }),
      source: serializeEvent(event),
    }));
    const dead: { index: string; status: number; error: unknown; event: string }[] = [];
    let lastError = '';
    for (let attempt = 1; pending.length > 0 && attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) await sleep(Math.min(30_000, this.backoffMs * 2 ** (attempt - 2)));
      let results;
      try {
        results = await this.options.client.bulk(pending.flatMap((p) => [p.action, p.source]));
      } catch (err) {
        lastError = (err as Error).message;
        continue;
      }
      if (results.length !== pending.length) throw new Error(`bulk answered ${results.length} items for ${pending.length}`);
      const retry: typeof pending = [];
      results.forEach((result, i) => {
        const item = pending[i]!;
        if (result.status < 300 || result.status === 409) return;
        if (isRetryable(result.status)) {
          retry.push(item);
          lastError = `status ${result.status}`;
        } else {
          dead.push({ index: (JSON.parse(item.action) as { create: { _index: string } }).create._index, status: result.status, error: result.error, event: item.source });
        }
      });
      pending = retry;
    }
    if (dead.length) await this.deadLetter(dead);
    if (pending.length) throw new Error(`elasticsearch: ${pending.length} events not indexed after ${this.maxAttempts} attempts (${lastError})`);
  }

  private async deadLetter(items: { index: string; status: number; error: unknown; event: string }[]): Promise<void> {
    await mkdir(dirname(this.options.deadLetterPath), { recursive: true });
    const text = items
      .map((d) => `{"index":${JSON.stringify(d.index)},"status":${d.status},"error":${JSON.stringify(d.error ?? null)},"event":${d.event}}\n`)
      .join('');
    const handle = await open(this.options.deadLetterPath, 'a');
    try {
      await handle.write(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    this.deadLettered += items.length;
  }

  async close(): Promise<void> {
    await this.options.client.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
