/** Operator log: one line per event on stderr, ISO time first. */
export type LogSink = (line: string) => void;

export const stderrLog: LogSink = (line) => {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
};

/**
 * At most one line per `kind` every `intervalMs`; lines suppressed meanwhile are counted and the
 * count is told on the next line of that kind, so a flood of refusals cannot flood the log.
 */
export class RateLimitedLog {
  private readonly last = new Map<string, { at: number; suppressed: number }>();

  constructor(private readonly sink: LogSink = stderrLog, private readonly intervalMs = 10_000) {}

  log(kind: string, line: string, nowMs: number = Date.now()): void {
    const entry = this.last.get(kind);
    if (entry && nowMs - entry.at < this.intervalMs) {
      entry.suppressed++;
      return;
    }
    const more = entry && entry.suppressed > 0 ? ` (+${entry.suppressed} similar since last line)` : '';
    this.last.set(kind, { at: nowMs, suppressed: 0 });
    this.sink(line + more);
  }
}
