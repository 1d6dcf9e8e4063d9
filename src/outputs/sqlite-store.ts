import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NormalizedEvent } from '../pipeline/types.js';
import type { Output } from './output.js';
import { eventId, eventTimeMs, stringField } from './event-fields.js';
import { parseQuery, queryToSql } from './query.js';
import { serializeEvent } from './serialize.js';

/**
 * Embedded store: one row per event, normalized JSON plus indexed columns.
 *
 * Durability: WAL journal. With `synchronous=FULL` (default) every commit is fsynced before
 * `write` resolves, so an acknowledged event survives kill -9 *and* power loss. With `NORMAL`
 * a commit is in the WAL file (OS page cache) when `write` resolves: that survives kill -9 of
 * the process, but the last commits may be lost if the machine itself crashes.
 * Writes are idempotent on `event.id` (redelivered bus messages are stored once).
 */
export interface SqliteStoreOptions {
  path: string;
  synchronous?: 'full' | 'normal';
  /** Delete events received longer ago than this (ms). */
  maxAgeMs?: number;
  /** Delete the oldest events while the live data exceeds this many bytes. */
  maxBytes?: number;
  readonly?: boolean;
}

export interface SearchRequest {
  query?: string;
  sinceMs?: number;
  untilMs?: number;
  limit?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ts INTEGER NOT NULL,
  received INTEGER NOT NULL,
  format TEXT,
  action TEXT,
  status TEXT,
  json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts);
CREATE INDEX IF NOT EXISTS events_received ON events (received);
CREATE INDEX IF NOT EXISTS events_format ON events (format, ts);
CREATE INDEX IF NOT EXISTS events_action ON events (action, ts);
CREATE INDEX IF NOT EXISTS events_status ON events (status, ts);
`;

/** How long setting up a store shared with other processes waits for them, at most. */
const SETUP_WAIT_MS = 10_000;

/** Runs `step`, again after a short pause while SQLite reports the database busy. */
export function retryWhileBusy<T>(step: () => T, maxWaitMs = SETUP_WAIT_MS): T {
  const deadline = Date.now() + maxWaitMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
    try {
      return step();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if ((code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') || Date.now() + delay > deadline) throw err;
      Atomics.wait(pause, 0, 0, delay); // a synchronous sleep: the constructor is synchronous
    }
  }
}

export class SqliteStore implements Output {
  readonly name = 'sqlite';
  private readonly db: Database.Database;
  private readonly insertMany: ((events: NormalizedEvent[], now: number) => number) | undefined;

  constructor(private readonly options: SqliteStoreOptions) {
    if (!options.readonly) mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    // Several worker processes may share one file: wait for the write lock instead of failing.
    this.db.pragma('busy_timeout = 10000');
    if (options.readonly) return;
    // Switching to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once (without its
    // busy handler) when another process is opening the same file: that step is retried.
    retryWhileBusy(() => this.db.pragma('journal_mode = WAL'));
    this.db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
    retryWhileBusy(() => this.db.exec(SCHEMA));
    const insert = this.db.prepare(
      'INSERT INTO events (id, ts, received, format, action, status, json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING',
    );
    this.insertMany = this.db.transaction((events: NormalizedEvent[], now: number) => {
      let inserted = 0;
      for (const event of events) {
        const id = eventId(event);
        if (!id) throw new Error('event without event.id cannot be stored');
        inserted += insert.run(
          id,
          eventTimeMs(event) ?? now,
          now,
          stringField(event, 'sekoiaio.intake.dialect'),
          stringField(event, 'event.action'),
          stringField(event, 'sekoiaio.intake.parsing_status'),
          serializeEvent(event),
        ).changes;
      }
      return inserted;
    });
  }

  /** Group commit: the whole batch in one transaction. Returns how many rows were new. */
  writeSync(events: NormalizedEvent[], nowMs: number = Date.now()): number {
    if (!this.insertMany) throw new Error('store opened read-only');
    return events.length === 0 ? 0 : this.insertMany(events, nowMs);
  }

  async write(events: NormalizedEvent[]): Promise<void> {
    this.writeSync(events);
  }

  /** Stored JSON texts (newest first) matching the query and time range. */
  search(request: SearchRequest): string[] {
    const { sql, params } = this.searchSql(request);
    return this.db.prepare(sql).pluck().all(...params) as string[];
  }

  /**
   * The same rows, one at a time, read through a connection of their own (opened here, closed by
   * `close()` or at the end): writes of this store go on while a client takes its time reading.
   * Query errors are thrown at once, before any row.
   */
  iterate(request: SearchRequest): IterableIterator<string> & { close(): void } {
    const { sql, params } = this.searchSql(request);
    const reader = new Database(this.options.path, { readonly: true, fileMustExist: true });
    reader.pragma('busy_timeout = 10000');
    let inner: IterableIterator<string>;
    try {
      inner = reader.prepare(sql).pluck().iterate(...params) as IterableIterator<string>;
    } catch (err) {
      reader.close();
      throw err;
    }
    const close = () => {
      if (!reader.open) return;
      inner.return?.();
      reader.close();
    };
    const it = {
      next: () => {
        const r = reader.open ? inner.next() : { done: true as const, value: undefined };
        if (r.done) close();
        return r;
      },
      [Symbol.iterator]() { return it; },
      close,
    };
    return it as IterableIterator<string> & { close(): void };
  }

  /** Earliest and latest event time (ms) of the matching events, and how many there are. */
  timeRange(request: SearchRequest): { minMs: number | null; maxMs: number | null; count: number } {
    const { sql, params } = this.whereSql(request);
    const row = this.db.prepare(`SELECT min(ts) AS minMs, max(ts) AS maxMs, count(*) AS count FROM events ${sql}`).get(...params);
    return row as { minMs: number | null; maxMs: number | null; count: number };
  }

  /** How many matching events fall in each bucket [originMs + i*bucketMs, +bucketMs), by bucket index. */
  countByTime(request: SearchRequest, originMs: number, bucketMs: number): { bucket: number; count: number }[] {
    const { sql, params } = this.whereSql(request);
    // Bound numbers are REAL in SQLite: the quotient is cast to a whole bucket number.
    const rows = this.db
      .prepare(`SELECT CAST((ts - ?) / ? AS INTEGER) AS bucket, count(*) AS count FROM events ${sql} GROUP BY bucket ORDER BY bucket`)
      .all(Math.floor(originMs), Math.max(1, Math.floor(bucketMs)), ...params);
    return rows as { bucket: number; count: number }[];
  }

  private searchSql(request: SearchRequest): { sql: string; params: unknown[] } {
    const { sql: where, params } = this.whereSql(request);
    params.push(request.limit ?? 100);
    return { sql: `SELECT json FROM events ${where} ORDER BY ts DESC, seq DESC LIMIT ?`, params };
  }

  private whereSql(request: SearchRequest): { sql: string; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (request.sinceMs !== undefined) { where.push('ts >= ?'); params.push(Math.floor(request.sinceMs)); }
    if (request.untilMs !== undefined) { where.push('ts < ?'); params.push(Math.ceil(request.untilMs)); }
    const node = request.query ? parseQuery(request.query) : null;
    if (node) {
      const frag = queryToSql(node);
      where.push(`(${frag.sql})`);
      params.push(...frag.params);
    }
    return { sql: where.length ? 'WHERE ' + where.join(' AND ') : '', params };
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  }

  ids(): string[] {
    return this.db.prepare('SELECT id FROM events ORDER BY seq').pluck().all() as string[];
  }

  /** Bytes on disk (database + WAL). */
  sizeBytes(): number {
    let total = 0;
    for (const file of [this.options.path, this.options.path + '-wal']) {
      try { total += statSync(file).size; } catch { /* absent */ }
    }
    return total;
  }

  private liveBytes(): number {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const free = this.db.pragma('freelist_count', { simple: true }) as number;
    const size = this.db.pragma('page_size', { simple: true }) as number;
    return (pages - free) * size;
  }

  /** Applies retention; returns the number of events deleted. */
  prune(nowMs: number = Date.now()): number {
    let deleted = 0;
    if (this.options.maxAgeMs !== undefined) {
      deleted += this.db.prepare('DELETE FROM events WHERE received < ?').run(nowMs - this.options.maxAgeMs).changes;
    }
    if (this.options.maxBytes !== undefined) {
      const chunk = this.db.prepare('DELETE FROM events WHERE seq IN (SELECT seq FROM events ORDER BY seq LIMIT ?)');
      for (let live = this.liveBytes(); live > this.options.maxBytes; live = this.liveBytes()) {
        // Delete the share of rows proportional to the excess, so the loop neither overshoots nor crawls.
        const rows = this.count();
        const n = chunk.run(Math.min(10_000, Math.max(1, Math.ceil((rows * (live - this.options.maxBytes)) / live)))).changes;
        if (n === 0) break;
        deleted += n;
      }
    }
    return deleted;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
