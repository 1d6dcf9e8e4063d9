import { open, readdir, rename, unlink, mkdir } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { NormalizedEvent } from '../pipeline/types.js';
import type { Output } from './output.js';
import { serializeEvent } from './serialize.js';

export interface NdjsonFileOptions {
  path: string;
  /** Rotate when the current file would exceed this size. Default 100 MiB. */
  maxBytes?: number;
  /** Rotated files kept (oldest deleted). Default 10. */
  maxFiles?: number;
}

/**
 * Appends one JSON line per event. `write` resolves after fdatasync, so lines it reported are on disk.
 * Rotated files are named `<name>.<sequence>` with a zero-padded, increasing sequence number.
 */
export class NdjsonFileOutput implements Output {
  readonly name = 'ndjson';
  private handle: FileHandle | undefined;
  private size = 0;
  private chain: Promise<void> = Promise.resolve();
  private readonly maxBytes: number;
  private readonly maxFiles: number;

  constructor(private readonly options: NdjsonFileOptions) {
    this.maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
    this.maxFiles = options.maxFiles ?? 10;
  }

  write(events: NormalizedEvent[]): Promise<void> {
    if (events.length === 0) return this.chain;
    const text = events.map((e) => serializeEvent(e) + '\n').join('');
    // Writes are serialized so lines of concurrent batches never interleave and rotation is atomic.
    const next = this.chain.then(() => this.append(Buffer.from(text, 'utf8')));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async append(data: Buffer): Promise<void> {
    if (!this.handle) await this.openCurrent();
    if (this.size > 0 && this.size + data.length > this.maxBytes) await this.rotate();
    await this.handle!.write(data);
    await this.handle!.datasync();
    this.size += data.length;
  }

  private async openCurrent(): Promise<void> {
    await mkdir(dirname(this.options.path), { recursive: true });
    this.handle = await open(this.options.path, 'a');
    this.size = (await this.handle.stat()).size;
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
