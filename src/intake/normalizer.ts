import type { Format, NormalizedEvent } from '../pipeline/types.js';
import type { Output } from '../outputs/output.js';
import type { Metrics } from './metrics.js';
import type { RawEvent } from './raw-event.js';

/** Intake key → loaded format. */
export type IntakeFormats = Map<string, Format>;

/** Stored when a key no longer maps to a format (e.g. a worker with an older config): nothing is lost. */
function failureEvent(raw: RawEvent, error: string): NormalizedEvent {
  return {
    message: raw.message,
    event: { id: raw.id, created: new Date(raw.receivedMs).toISOString() },
    sekoiaio: { intake: { parsing_status: 'failure', parsing_error: error, ...(raw.warnings?.length ? { parsing_warnings: raw.warnings } : {}) } },
  };
}

function addWarnings(event: NormalizedEvent, warnings: string[]): void {
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(event.sekoiaio)) event.sekoiaio = {};
  const sekoiaio = event.sekoiaio as Record<string, unknown>;
  if (!isObj(sekoiaio.intake)) sekoiaio.intake = {};
  const intake = sekoiaio.intake as Record<string, unknown>;
  const existing = Array.isArray(intake.parsing_warnings) ? (intake.parsing_warnings as unknown[]) : [];
  intake.parsing_warnings = [...warnings, ...existing];
}

/** Normalizes raw events with their intake's format and writes them to every output. */
export class Normalizer {
  constructor(
    private readonly formats: IntakeFormats,
    private readonly outputs: Output[],
    private readonly metrics: Metrics,
  ) {}

  normalize(raw: RawEvent): NormalizedEvent {
    const format = this.formats.get(raw.key);
    if (!format) {
      this.metrics.failed.inc('unknown');
      return failureEvent(raw, 'unknown intake key');
    }
    const input = raw.envelope ? { ...raw.envelope, message: raw.message } : { message: raw.message };
    let event: NormalizedEvent;
    try {
      event = format.normalize(input, { nowMs: raw.receivedMs, eventId: raw.id });
    } catch (err) {
      // normalize() is specified never to throw; if it does anyway the event is still kept.
      this.metrics.failed.inc(format.slug);
      return failureEvent(raw, `engine error: ${(err as Error).message}`);
    }
    // The reception time travels with the event: outputs that partition by day use it when the
    // event has no @timestamp, and it is the same on every redelivery.
    const ev = event.event;
    if (ev !== null && typeof ev === 'object' && !Array.isArray(ev)) {
      const fields = ev as Record<string, unknown>;
      if (fields.created === undefined) fields.created = new Date(raw.receivedMs).toISOString();
    } else if (ev === undefined) event.event = { id: raw.id, created: new Date(raw.receivedMs).toISOString() };
    if (raw.warnings?.length) addWarnings(event, raw.warnings);
    const intake = (event.sekoiaio as { intake?: { parsing_status?: unknown } } | undefined)?.intake;
    if (intake?.parsing_status === 'failure') this.metrics.failed.inc(format.slug);
    else this.metrics.normalized.inc(format.slug);
    return event;
  }

  /** Resolves once every output holds the events durably. */
  async process(raws: RawEvent[]): Promise<void> {
    const events = raws.map((raw) => this.normalize(raw));
    await Promise.all(this.outputs.map((o) => o.write(events)));
  }
}
