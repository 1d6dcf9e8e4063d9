import { civilFromDays, daysFromCivil, daysInMonth } from './civil.js';

/** An instant with microsecond precision (JS Date has only ms: do not use it for the fraction). */
export interface Instant {
  /** Epoch seconds, integer, may be negative. */
  seconds: number;
  /** 0..999999 */
  micros: number;
}

/** Wall-clock fields as read from a text, before any zone is applied. */
export interface DateFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micros: number;
}

/** Python's datetime range: anything outside cannot be represented by the reference either. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** True when the fields name an existing date and time (seconds 0..59; a leap second 60 is refused). */
export function validFields(f: DateFields): boolean {
  return (
    f.year >= MIN_YEAR && f.year <= MAX_YEAR &&
    f.month >= 1 && f.month <= 12 &&
    f.day >= 1 && f.day <= daysInMonth(f.year, f.month) &&
    f.hour >= 0 && f.hour <= 23 && f.minute >= 0 && f.minute <= 59 && f.second >= 0 && f.second <= 59
  );
}

/** Seconds since the epoch of the wall time in the fields, read as if it were UTC. */
export function wallSeconds(f: DateFields): number {
  return daysFromCivil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
}

const MIN_SECONDS = daysFromCivil(MIN_YEAR, 1, 1) * 86400;
const END_SECONDS = daysFromCivil(MAX_YEAR + 1, 1, 1) * 86400;

/** True when the instant falls in years 1..9999 (checked again after an offset is applied). */
export function inRange(i: Instant): boolean {
  return i.seconds >= MIN_SECONDS && i.seconds < END_SECONDS;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.ffffffZ` (exactly 6 digits when micros ≠ 0). */
export function formatIso(i: Instant): string {
  return formatWith(i, false);
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, 6 fraction digits always (`strftime('%Y-%m-%dT%H:%M:%S.%fZ')`). */
export function formatIsoMicros(i: Instant): string {
  return formatWith(i, true);
}

function formatWith(i: Instant, alwaysMicros: boolean): string {
  const days = Math.floor(i.seconds / 86400);
  const secOfDay = i.seconds - days * 86400;
  const [y, m, d] = civilFromDays(days);
  const hh = Math.floor(secOfDay / 3600);
  const mm = Math.floor((secOfDay % 3600) / 60);
  const ss = secOfDay % 60;
  const year = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  const base = year + '-' + pad2(m) + '-' + pad2(d) + 'T' + pad2(hh) + ':' + pad2(mm) + ':' + pad2(ss);
  if (i.micros === 0) return alwaysMicros ? base + '.000000Z' : base + 'Z';
  const f = String(i.micros);
  return base + '.' + (f.length === 6 ? f : '000000'.slice(f.length) + f) + 'Z';
}
