import type { Writable } from 'node:stream';

const WIDTH = 30;
const INTERVAL_MS = 200;

/** A one-line progress bar redrawn on a terminal stream, throttled. */
export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: Writable,
    private readonly totalBytes: number,
  ) {}

  update(bytes: number, events: number): void {
    const now = Date.now();
    if (now - this.lastDraw < INTERVAL_MS) return;
    this.lastDraw = now;
    const ratio = this.totalBytes > 0 ? Math.min(1, bytes / this.totalBytes) : 1;
    const filled = Math.round(ratio * WIDTH);
    const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
    this.stream.write(`\r[${bar}] ${(ratio * 100).toFixed(0).padStart(3)}% ${events} events`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
  }
}

/** Whether to show a progress bar: reading files, stderr is a terminal, not in CI. */
export function progressWanted(readingFiles: boolean, stream: { isTTY?: boolean }): boolean {
  return readingFiles && stream.isTTY === true && !process.env.CI;
}
