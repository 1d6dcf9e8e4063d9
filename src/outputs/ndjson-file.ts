import { open, readdir, rename, unlink, mkdir, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { NormalizedEvent } from '../pipeline/types.js';
import type { Output } from './output.js';
import { serializeEvent } from './serialize.js';
import { eventId } from './event-fields.js';
import { RecentIds } from './recent-ids.js';

export interface NdjsonFileOptions {
  path: string;
  /** Rotate when the current file would exceed this size. Default 100 MiB. */
  maxBytes?: number;
  /** Rotated files kept (oldest deleted). Default 10. */
  maxFiles?: number;
  /**
   * Ids of the last events written that are remembered (read back from the files' tails at open)
   * so a redelivered event is not written twice. Must exceed what the bus can redeliver at once.
   * Default 100,000.
   */
  dedupWindow?: number;
}

/** Bytes read back from the end of the files at open to rebuild the recent-id window. */
const TAIL_BYTES = 64 * 1024 * 1024;

/**
 * Appends one JSON line per event. `write` resolves after fdatasync, so lines it reported are on disk.
 * Rotated files are named `<name>.<sequence>` with a zero-padded, increasing sequence number.
 * Idempotent on `event.id` within a window of recent events, across restarts: a line cut short by
 * a crash is removed at open (it was never reported written), and the ids of the last lines are
 * read back, so events redelivered after a crash are not appended again.
 */
export class NdjsonFileOutput implements Output {
  readonly name = 'ndjson';
  private handle: FileHandle | undefined;
  private size = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private readonly recent: RecentIds;
  private recovered = false;

  constructor(private readonly options: NdjsonFileOptions) {
    this.maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
    this.maxFiles = options.maxFiles ?? 10;
    this.recent = new RecentIds(options.dedupWindow ?? 100_000);
  }

  write(events: NormalizedEvent[]): Promise<void> {
    if (events.length === 0) return this.chain;
    // Writes are serialized so lines of concurrent batches never interleave and rotation is atomic.
    const next = this.chain.then(() => this.append(events));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async append(events: NormalizedEvent[]): Promise<void> {
    if (!this.handle) await this.openCurrent();
    const ids: string[] = [];
    let text = '';
    for (const e of events) {
      const id = eventId(e);
      if (id !== undefined) {
        if (this.recent.has(id) || ids.includes(id)) continue;
        ids.push(id);
      }
      text += serializeEvent(e) + '\n';
    }
    if (text === '') return;
    const data = Buffer.from(text, 'utf8');
    if (this.size > 0 && this.size + data.length > this.maxBytes) await this.rotate();
    await this.handle!.write(data);
    await this.handle!.datasync();
    this.size += data.length;
    for (const id of ids) this.recent.add(id);
  }

  private async openCurrent(): Promise<void> {
    await mkdir(dirname(this.options.path), { recursive: true });
    if (!this.recovered) {
      this.recovered = true;
      await this.recover();
    }
    this.handle = await open(this.options.path, 'a');
    this.size = (await this.handle.stat()).size;
  }

  /** Drops a trailing partial line and reads the recent ids back from the newest files. */
  private async recover(): Promise<void> {
    const files = [...(await this.rotated()).slice(-1), this.options.path];
    const texts: string[] = [];
    for (const file of files) {
      const size = await stat(file).then((s) => s.size, () => -1);
      if (size <= 0) continue;
      const handle = await open(file, 'r+');
      try {
        const start = Math.max(0, size - TAIL_BYTES);
        const buf = Buffer.alloc(size - start);
        await handle.read(buf, 0, buf.length, start);
        let end = buf.length;
        if (file === this.options.path && buf[end - 1] !== 0x0a) {
          end = buf.lastIndexOf(0x0a) + 1;
          await handle.truncate(start + end);
          await handle.datasync();
        }
        let text = buf.subarray(0, end).toString('utf8');
        if (start > 0) text = text.slice(text.indexOf('\n') + 1);
        texts.push(text);
      } finally {
        await handle.close();
      }
    }
    const lines = texts.join('').split('\n');
    for (const line of lines.slice(-this.recent.capacity - 1)) {
      if (!line) continue;
      try {
        const id = eventId(JSON.parse(line) as NormalizedEvent);
        if (id !== undefined) this.recent.add(id);
      } catch {
        // A line that is not JSON (edited by hand) carries no id to remember.
      }
    }
  }

  private async rotated(): Promise<string[]> {
    const dir = dirname(this.options.path);
    const prefix = basename(this.options.path) + '.';
    const names = (await readdir(dir)).filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)));
    return names.sort().map((n) => join(dir, n));
  }

  private async rotate(): Promise<void> {
    await this.handle!.close();
    this.handle = undefined;
    const existing = await this.rotated();
    const last = existing.length ? Number(existing[existing.length - 1]!.slice(this.options.path.length + 1)) : 0;
    await rename(this.options.path, `${this.options.path}.${String(last + 1).padStart(6, '0')}`);
    const all = await this.rotated();
    for (const old of all.slice(0, Math.max(0, all.length - this.maxFiles))) await unlink(old);
    await this.openCurrent();
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle?.close();
    this.handle = undefined;
  }
}
