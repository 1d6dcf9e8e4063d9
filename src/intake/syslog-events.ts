import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import type { ReceiverContext } from './context.js';
import { INVALID_UTF8_WARNING } from './raw-event.js';
import type { RawEvent } from './raw-event.js';
import { intakeKeyOf, parseSyslog, syslogEnvelope } from './syslog-parse.js';

/**
 * Turns syslog frames into raw events. Frames without a known intake key are dropped and
 * counted (`intake_events_rejected_total{reason="unknown_key"}`): syslog cannot answer a sender.
 */
export function framesToEvents(ctx: ReceiverContext, frames: Buffer[], defaultKey: string | undefined, nowMs: number): RawEvent[] {
  const events: RawEvent[] = [];
  for (const frame of frames) {
    const message = parseSyslog(frame.toString('utf8'));
    const key = intakeKeyOf(message) ?? defaultKey;
    const format = key === undefined ? undefined : ctx.formatOf(key);
    if (format === undefined) {
      ctx.metrics.rejected.inc(key === undefined ? 'missing_key' : 'unknown_key');
      ctx.log.log('syslog-key', `syslog: dropped a frame with ${key === undefined ? 'no intake key (and no syslog_default_key)' : 'an unknown intake key'}`);
      continue;
    }
    ctx.metrics.received.inc(format);
    const event: RawEvent = { id: randomUUID(), key: key!, message: message.msg, receivedMs: nowMs, envelope: syslogEnvelope(message) };
    if (!isUtf8(frame)) event.warnings = [INVALID_UTF8_WARNING];
    events.push(event);
  }
  return events;
}
