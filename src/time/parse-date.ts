import { PyFloat } from '../core/values.js';
import { parseCompact, parseFreeForm } from './autodetect.js';
import { civilFromDays } from './civil.js';
import { epochFromNumber, epochFromText } from './epoch.js';
import { inRange, validFields, wallSeconds, type Instant } from './instant.js';
import { parseIso, type ParsedDate } from './iso.js';
import { compileStrptime } from './strptime.js';
import { resolveZone, wallToUtc, type Zone } from './zones.js';

export interface ParseDateOptions {
  /** strptime format, `timestamp` for an epoch, empty/null to autodetect. */
  format?: string | null;
  /** Zone for texts without an offset and for epochs: IANA name, `UTC`, or `+0100`/`+01:00`. Default UTC. */
  timezone?: string | null;
  /** "Now" in epoch ms: the year of year-less dates. Default Date.now(). */
  nowMs?: number;
}

// No plus sign: `+0100` (a lone offset) is no epoch.
const EPOCH_SHAPE = /^-?\d+(?:\.\d+)?$/;

/**
 * date.parse / to_rfc3339 semantics (parser-language 5.11): numbers and digit strings are epochs,
 * other strings are read with `format` or autodetected. Returns null when unparsable, when the
 * zone is unknown or the format invalid.
 */
export function parseDate(value: unknown, opts: ParseDateOptions = {}): Instant | null {
  const zone = resolveZone(opts.timezone);
  if (zone === null) return null;
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat) return inZone(epochFromNumber(value), zone);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const format = opts.format;
  if (format === 'timestamp') return inZone(epochFromText(text), zone);
  if (format !== undefined && format !== null && format !== '') {
    let fields: ParsedDate | null;
    try {
      fields = compileStrptime(format).parse(text, nowYear(opts.nowMs));
    } catch {
      return null;
    }
    // A zone cannot apply to a date its format gave an offset: the reference fails there.
    if (fields !== null) return fields.offset !== null && hasZone(opts.timezone) ? null : toInstant(fields, zone);
    // A text the format does not fit is read as if no format were given.
  }
  const iso = parseIso(text);
  if (iso !== null) return toInstant(iso, zone);
  if (EPOCH_SHAPE.test(text)) return inZone(epochFromText(text), zone);
  const fields = parseCompact(text) ?? parseFreeForm(text, nowYear(opts.nowMs));
  return fields === null ? null : toInstant(fields, zone);
}

/**
 * An epoch gives a UTC wall time without an offset, which the zone then applies to like any
 * offset-less date: `1700000000` in `+0100` is one hour earlier than in UTC.
 */
function inZone(epoch: Instant | null, zone: Zone): Instant | null {
  if (epoch === null) return null;
  const instant = { seconds: wallToUtc(epoch.seconds, zone), micros: epoch.micros };
  return inRange(instant) ? instant : null;
}

function hasZone(timezone: string | null | undefined): boolean {
  return timezone !== undefined && timezone !== null && timezone !== '';
}

function nowYear(nowMs: number | undefined): number {
  return civilFromDays(Math.floor((nowMs ?? Date.now()) / 86400000))[0];
}

/** The instant of parsed fields: their own offset if any, else the wall time in `zone`. */
export function toInstant(f: ParsedDate, zone: Zone): Instant | null {
  if (!validFields(f)) return null;
  const wall = wallSeconds(f);
  const seconds = f.offset !== null ? wall - f.offset : wallToUtc(wall, zone);
  const instant = { seconds, micros: f.micros };
  return inRange(instant) ? instant : null;
}
