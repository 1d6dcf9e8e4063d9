/**
 * Hand-written parser for the ISO 8601 shapes that make up most dates: `YYYY-MM-DD` (or
 * `YYYY/MM/DD`), optionally followed by `T` or space, `HH:MM[:SS[.f…]]` (`.` or `,`, any number of
 * digits, truncated to microseconds) and an optional zone `Z`, `±HH`, `±HHMM`, `±HH:MM` or the
 * truncated `±HH:M` (read as minutes), possibly after spaces.
 */
import type { DateFields } from './instant.js';

export interface ParsedDate extends DateFields {
  /** Seconds east of UTC given by the text, or null when the text has no zone. */
  offset: number | null;
}

const enum C { Space = 32, Plus = 43, Comma = 44, Minus = 45, Dot = 46, Slash = 47, Zero = 48, Colon = 58, UpperT = 84, UpperZ = 90, LowerT = 116, LowerZ = 122 }

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - C.Zero;
  return d >= 0 && d <= 9 ? d : -1;
}

/** Two digits at i as a number, or -1. */
function two(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** The fields of an ISO-shaped text, or null when the text has another shape. No range checks. */
export function parseIso(text: string): ParsedDate | null {
  const len = text.length;
  if (len < 10) return null;
  const y1 = two(text, 0);
  const y2 = two(text, 2);
  const sep = text.charCodeAt(4);
  if (y1 < 0 || y2 < 0 || (sep !== C.Minus && sep !== C.Slash) || text.charCodeAt(7) !== sep) return null;
  const month = two(text, 5);
  const day = two(text, 8);
  if (month < 0 || day < 0) return null;
  const result: ParsedDate = { year: y1 * 100 + y2, month, day, hour: 0, minute: 0, second: 0, micros: 0, offset: null };
  if (len === 10) return result;
  const t = text.charCodeAt(10);
  if (t !== C.UpperT && t !== C.LowerT && t !== C.Space) return null;
  const hour = two(text, 11);
  const minute = two(text, 14);
  if (hour < 0 || minute < 0 || text.charCodeAt(13) !== C.Colon) return null;
  result.hour = hour;
  result.minute = minute;
  let i = 16;
  if (text.charCodeAt(i) === C.Colon) {
    const second = two(text, i + 1);
    if (second < 0) return null;
    result.second = second;
    i += 3;
    const f = text.charCodeAt(i);
    if (f === C.Dot || f === C.Comma) {
      i++;
      let micros = 0;
      let n = 0;
      for (let d = digit(text, i); d >= 0; d = digit(text, ++i)) {
        if (n < 6) micros = micros * 10 + d;
        n++;
      }
      if (n === 0) return null;
      for (; n < 6; n++) micros *= 10;
      result.micros = micros;
    }
  }
  while (text.charCodeAt(i) === C.Space) i++;
  if (i === len) return result;
  const z = text.charCodeAt(i);
  if (z === C.UpperZ || z === C.LowerZ) {
    result.offset = 0;
    return i + 1 === len ? result : null;
  }
  if (z !== C.Plus && z !== C.Minus) return null;
  const oh = two(text, i + 1);
  if (oh < 0) return null;
  i += 3;
  let om = 0;
  if (i < len) {
    if (text.charCodeAt(i) === C.Colon) i++;
    const rest = len - i;
    if (rest === 2) om = two(text, i);
    else if (rest === 1) om = digit(text, i);
    else return null;
    if (om < 0) return null;
  }
  if (oh > 23 || om > 59) return null;
  const offset = oh * 3600 + om * 60;
  result.offset = z === C.Minus ? -offset : offset;
  return result;
}
