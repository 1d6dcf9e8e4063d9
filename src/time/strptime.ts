/**
 * Python `strptime` subset: a format is compiled once to an anchored case-insensitive regex plus the
 * list of directives its groups hold; whitespace in the format matches any run of whitespace and
 * the whole text must be consumed (Python's "unconverted data remains").
 */
import { civilFromDays, daysFromCivil } from './civil.js';
import { MONTHS_ABBR, MONTHS_FULL, WEEKDAYS_ABBR, WEEKDAYS_FULL, monthNumber } from './names.js';
import type { ParsedDate } from './iso.js';
import { offsetSeconds } from './zones.js';

/** Group regexes, as Python's `_strptime.TimeRE` defines them. */
const DIRECTIVES: Record<string, string> = {
  d: '3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]',
  e: '3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]',
  f: '\\d{1,6}',
  H: '2[0-3]|[0-1]\\d|\\d',
  I: '1[0-2]|0[1-9]|[1-9]',
  j: '36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]',
  m: '1[0-2]|0[1-9]|[1-9]',
  M: '[0-5]\\d|\\d',
  S: '6[0-1]|[0-5]\\d|\\d',
  y: '\\d\\d',
  Y: '\\d\\d\\d\\d',
  z: '[+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z',
  Z: 'utc|gmt',
  p: 'am|pm',
  b: alternatives(MONTHS_ABBR),
  B: alternatives(MONTHS_FULL),
  a: alternatives(WEEKDAYS_ABBR),
  A: alternatives(WEEKDAYS_FULL),
};

/** Directives that expand to other directives. */
const EXPANSIONS: Record<string, string> = { T: '%H:%M:%S', R: '%H:%M', D: '%m/%d/%y', F: '%Y-%m-%d' };

function alternatives(words: string[]): string {
  return [...words].sort((a, b) => b.length - a.length).join('|');
}

export interface CompiledFormat {
  /** The wall-clock fields and offset read from text, or null when the text does not match. */
  parse(text: string, nowYear: number): ParsedDate | null;
}

export class FormatError extends Error {}

const cache = new Map<string, CompiledFormat>();

/** Compiles (once, cached) a strptime format; throws FormatError for an unknown directive. */
export function compileStrptime(format: string): CompiledFormat {
  let compiled = cache.get(format);
  if (compiled === undefined) {
    compiled = build(format);
    if (cache.size > 1000) cache.clear();
    cache.set(format, compiled);
  }
  return compiled;
}

function build(rawFormat: string): CompiledFormat {
  const format = rawFormat.replace(/%([TRDF])/g, (_, d: string) => EXPANSIONS[d]);
  const slots: string[] = [];
  let source = '^';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '%') {
      const d = format[++i];
      if (d === '%') {
        source += '%';
      } else if (d !== undefined && DIRECTIVES[d] !== undefined) {
        source += `(${DIRECTIVES[d]})`;
        slots.push(d);
      } else {
        throw new FormatError(`unsupported strptime directive %${d ?? ''} in ${JSON.stringify(rawFormat)}`);
      }
    } else if (/\s/.test(c)) {
      while (i + 1 < format.length && /\s/.test(format[i + 1])) i++;
      source += '\\s+';
    } else {
      source += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
  }
  const regex = new RegExp(source, 'i');
  return {
    parse(text: string, nowYear: number): ParsedDate | null {
      const m = regex.exec(text);
      if (m === null || m[0].length !== text.length) return null;
      return assemble(slots, m, nowYear);
    },
  };
}

function assemble(slots: string[], m: RegExpExecArray, nowYear: number): ParsedDate | null {
  let year = nowYear, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0;
  let hour12 = -1, pm: boolean | null = null, dayOfYear = 0, hasMonthOrDay = false;
  let offset: number | null = null;
  for (let k = 0; k < slots.length; k++) {
    const v = m[k + 1];
    switch (slots[k]) {
      case 'Y': year = Number(v); break;
      case 'y': { const n = Number(v); year = n < 69 ? 2000 + n : 1900 + n; break; }
      case 'm': month = Number(v); hasMonthOrDay = true; break;
      case 'b': case 'B': month = monthNumber(v.toLowerCase()); hasMonthOrDay = true; break;
      case 'd': case 'e': day = Number(v); hasMonthOrDay = true; break;
      case 'j': dayOfYear = Number(v); break;
      case 'H': hour = Number(v); break;
      case 'I': hour12 = Number(v); break;
      case 'p': pm = v.toLowerCase() === 'pm'; break;
      case 'M': minute = Number(v); break;
      case 'S': second = Number(v); break;
      case 'f': micros = Number(v.padEnd(6, '0')); break;
      case 'z': offset = parseZ(v); break;
      case 'Z': offset = 0; break;
      // %a/%A are read but, as in Python, not checked against the date.
    }
  }
  if (hour12 >= 0) hour = (hour12 % 12) + (pm ? 12 : 0);
  if (dayOfYear > 0 && !hasMonthOrDay) {
    const [y, mo, d] = civilFromDays(daysFromCivil(year, 1, 1) + dayOfYear - 1);
    if (y !== year) return null;
    month = mo;
    day = d;
  }
  return { year, month, day, hour, minute, second, micros, offset };
}

function parseZ(v: string): number {
  if (v === 'Z' || v === 'z') return 0;
  const digits = v.slice(1).replace(/:/g, '');
  return offsetSeconds(v[0], Number(digits.slice(0, 2)), Number(digits.slice(2, 4))) ?? 0;
}
