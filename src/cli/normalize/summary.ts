import { NOTED_FAILURES, type BatchResult, type FailureNote } from '../../runtime/batch.js';

/** Running totals of a normalize run, printed on stderr at the end. */
export class RunStats {
  events = 0;
  normalized = 0;
  failed = 0;
  readonly perFormat: Record<string, number> = {};
  /** The run's first failures, in input order. */
  readonly failures: FailureNote[] = [];
  private readonly started = process.hrtime.bigint();

  add(result: BatchResult): void {
    this.normalized += result.normalized;
    this.failed += result.failed;
    this.events += result.normalized + result.failed;
    for (const note of result.failures) if (this.failures.length < NOTED_FAILURES) this.failures.push(note);
    for (const [slug, n] of Object.entries(result.perFormat)) this.perFormat[slug] = (this.perFormat[slug] ?? 0) + n;
  }

  /** "N events in, N normalized, N failed, R events/s (T s)" and, for auto, the count per format. */
  summary(): string {
    const seconds = Number(process.hrtime.bigint() - this.started) / 1e9;
    const rate = seconds > 0 ? Math.round(this.events / seconds) : this.events;
    let text = `intake normalize: ${this.events} events in, ${this.normalized} normalized, ${this.failed} failed, ${rate} events/s (${seconds.toFixed(2)} s)`;
    const formats = Object.entries(this.perFormat).sort(([a], [b]) => (a < b ? -1 : 1));
    if (formats.length > 0) text += `\n  per format: ${formats.map(([slug, n]) => `${slug} ${n}`).join(', ')}`;
    if (this.failures.length > 0) {
      text += `\n  ${this.failed > this.failures.length ? `first ${this.failures.length} of ${this.failed}` : 'failed'}:`;
      for (const note of this.failures) text += `\n    ${note.file !== undefined ? `${note.file}:${note.line}: ` : ''}${note.error}`;
    }
    return text;
  }
}
