/**
 * Time zones: fixed offsets and IANA zones through Intl. Offsets of an IANA zone are looked up
 * once per 15-minute bucket and cached, so per-event conversion rarely touches Intl.
 */
import { ABBREVIATIONS } from './abbreviations.js';
import { daysFromCivil } from './civil.js';

export type Zone =
  | { readonly kind: 'fixed'; readonly offset: number /* seconds east of UTC */ }
  | { readonly kind: 'iana'; readonly name: string; offsetAt(utcSeconds: number): number };

export const UTC: Zone = { kind: 'fixed', offset: 0 };

const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const UTC_NAMES = new Set(['utc', 'gmt', 'z', 'ut', 'etc/utc', 'etc/gmt', 'zulu', 'universal']);

const zones = new Map<string, Zone | null>();

/**
 * The zone named by `name`: `UTC`/`GMT`/`Z`, an offset (`+0100`, `+01:00`, `-05`, `UTC+01:00`), a
 * zone abbreviation (`PDT`, `CEST`: a fixed offset) or an IANA name. Empty/null means UTC.
 * Returns null for an unknown name.
 */
export function resolveZone(name: string | null | undefined): Zone | null {
  if (name === null || name === undefined || name === 'UTC') return UTC;
  const key = name.trim();
  if (key === '') return UTC;
  let zone = zones.get(key);
  if (zone === undefined) {
    zone = buildZone(key);
    if (zones.size > 1000) zones.clear(); // templated zones could otherwise grow the cache forever
    zones.set(key, zone);
  }
  return zone;
}

function buildZone(name: string): Zone | null {
  if (UTC_NAMES.has(name.toLowerCase())) return UTC;
  const m = OFFSET.exec(name);
  if (m) {
    const offset = offsetSeconds(m[1], Number(m[2]), m[3] === undefined ? 0 : Number(m[3]));
    return offset === null ? null : { kind: 'fixed', offset };
  }
  const abbreviation = ABBREVIATIONS.get(name.toUpperCase());
  if (abbreviation !== undefined) return { kind: 'fixed', offset: abbreviation * 60 };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
  } catch {
    return null;
  }
  return ianaZone(format.resolvedOptions().timeZone, format);
}

/** Offset in seconds for a sign and hour/minute parts; null when out of range (±24h). */
export function offsetSeconds(sign: string, hours: number, minutes: number): number | null {
  if (hours > 23 || minutes > 59) return null;
  const s = hours * 3600 + minutes * 60;
  return sign === '-' ? -s : s;
}

function ianaZone(name: string, format: Intl.DateTimeFormat): Zone {
  const cache = new Map<number, number>();
  const compute = (utcSeconds: number): number => {
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    for (const part of format.formatToParts(utcSeconds * 1000)) {
      switch (part.type) {
        case 'year': y = Number(part.value); break;
        case 'month': mo = Number(part.value); break;
        case 'day': d = Number(part.value); break;
        case 'hour': h = Number(part.value); break;
        case 'minute': mi = Number(part.value); break;
        case 'second': s = Number(part.value); break;
      }
    }
    const wall = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
    return wall - utcSeconds;
  };
  return {
    kind: 'iana',
    name,
    offsetAt(utcSeconds: number): number {
      // Transitions fall on quarter hours in every zone still in use; the bucket start decides.
      const bucket = Math.floor(utcSeconds / 900);
      let offset = cache.get(bucket);
      if (offset === undefined) {
        offset = compute(bucket * 900);
        if (cache.size > 10000) cache.clear();
        cache.set(bucket, offset);
      }
      return offset;
    },
  };
}

/**
 * Epoch seconds of a wall time (given as seconds "as if UTC") in a zone. Like Python's zoneinfo with
 * fold=0: an ambiguous time takes the earlier offset, a time in a gap the offset before the gap.
 */
export function wallToUtc(wall: number, zone: Zone): number {
  if (zone.kind === 'fixed') return wall - zone.offset;
  const before = zone.offsetAt(wall - 86400);
  const after = zone.offsetAt(wall + 86400);
  if (before === after) return wall - before;
  const first = wall - before;
  if (zone.offsetAt(first) === before) return first;
  const second = wall - after;
  if (zone.offsetAt(second) === after) return second;
  return first; // in the gap: keep the offset in force before the transition
}
