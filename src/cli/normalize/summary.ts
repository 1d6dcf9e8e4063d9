import type { BatchResult } from '../../runtime/batch.js';

/** Running totals of a normalize run, printed on stderr at the end. */
export class RunStats {
  events = 0;
  normalized = 0;
  failed = 0;
  readonly perFormat: Record<string, number> = {};
  private readonly started = process.hrtime.bigint();

  add(result: BatchResult): void {
    this.normalized += result.normalized;
    this.failed += result.failed;
    this.events += result.normalized + result.failed;
    for (const [slug, n] of Object.entries(result.perFormat)) this.perFormat[slug] = (this.perFormat[slug] ?? 0) + n;
  }

  /** "N events in, N normalized, N failed, R events/s (T s)" and, for auto, the count per format. */
  summary(): string {
    const seconds = Number(process.hrtime.bigint() - this.started) / 1e9;
    const rate = seconds > 0 ? Math.round(this.events / seconds) : this.events;
    let text = `intake normalize: ${this.events} events in, ${this.normalized} normalized, ${this.failed} failed, ${rate} events/s (${seconds.toFixed(2)} s)`;
    const formats = Object.entries(this.perFormat).sort(([a], [b]) => (a < b ? -1 : 1));
    if (formats.length > 0) text += `\n  per format: ${formats.map(([slug, n]) => `${slug} ${n}`).join(', ')}`;
    return text;
  }
}
