/**
 * Date autodetection for the shapes that are not plain ISO 8601 (parser-language 5.11): month
 * names (`Feb 28 2021 18:20:40`, `Fri Jun 23 15:56:46 2023`, `20-May-2024 09:08:10`), numeric
 * dates (`02/22/2023`, month first unless the first number exceeds 12), AM/PM, `UTC`/`GMT` with
 * an optional offset, compact `20160526192415Z`. The text is split into tokens by one sticky regex,
 * then the tokens are assigned to fields much as python-dateutil does.
 */
import { isWeekday, monthNumber } from './names.js';
import type { ParsedDate } from './iso.js';
import { offsetSeconds } from './zones.js';

const TOKEN = /\s+|(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?|(\d+)|([A-Za-z]+)|([+-])|([,/.:])/y;
const COMPACT = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:[.,](\d+))?(Z)?$/i;
const ZONE_WORDS = new Set(['utc', 'gmt', 'z', 'ut']);
const FILLER_WORDS = new Set(['t', 'at', 'on', 'of', 'the']);
const UNKNOWN_ZONE = /^[A-Z]{2,5}$/;

const enum Kind { Time, Num, Word, Sign, Sep }

interface Token {
  kind: Kind;
  text: string;
  hour?: number;
  minute?: number;
  second?: number;
  fraction?: string;
}

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (m === null) return null;
    if (m[1] !== undefined) {
      tokens.push({
        kind: Kind.Time, text: m[0], hour: Number(m[1]), minute: Number(m[2]),
        second: m[3] === undefined ? 0 : Number(m[3]), fraction: m[4],
      });
    } else if (m[5] !== undefined) tokens.push({ kind: Kind.Num, text: m[5] });
    else if (m[6] !== undefined) tokens.push({ kind: Kind.Word, text: m[6] });
    else if (m[7] !== undefined) tokens.push({ kind: Kind.Sign, text: m[7] });
    else if (m[8] !== undefined) tokens.push({ kind: Kind.Sep, text: m[8] });
  }
  return tokens;
}

function micros(fraction: string | undefined): number {
  return fraction === undefined ? 0 : Number((fraction + '00000').slice(0, 6)); // truncated, as dateutil
}

/** `YYYYMMDDhhmmss[.fff][Z]`, or null. */
export function parseCompact(text: string): ParsedDate | null {
  const m = COMPACT.exec(text);
  if (m === null) return null;
  return {
    year: Number(m[1]), month: Number(m[2]), day: Number(m[3]),
    hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6]), micros: micros(m[7]),
    offset: m[8] === undefined ? null : 0,
  };
}

/** Two-digit year placed within 50 years of now (dateutil's rule). */
function fullYear(yy: number, nowYear: number): number {
  let year = Math.floor(nowYear / 100) * 100 + yy;
  if (year >= nowYear + 50) year -= 100;
  else if (year < nowYear - 50) year += 100;
  return year;
}

/** The fields of a free-form date text, or null when no reading fits. No range checks. */
export function parseFreeForm(text: string, nowYear: number): ParsedDate | null {
  const tokens = tokenize(text);
  if (tokens === null) return null;
  const nums: string[] = [];
  let month = 0;
  let time: Token | null = null;
  let ampm = '';
  let offset: number | null = null;
  let offsetFromName = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    switch (tok.kind) {
      case Kind.Time:
        if (time !== null) return null;
        time = tok;
        break;
      case Kind.Num:
        nums.push(tok.text);
        break;
      case Kind.Sep:
        if (tok.text === ':') return null;
        break;
      case Kind.Word: {
        const w = tok.text.toLowerCase();
        const mo = monthNumber(w);
        if (mo !== 0) {
          if (month !== 0) return null;
          month = mo;
        } else if (w === 'am' || w === 'pm') {
          if (time === null || ampm !== '') return null;
          ampm = w;
        } else if (ZONE_WORDS.has(w)) {
          if (offset !== null) return null;
          offset = 0;
          offsetFromName = true;
        } else if (!isWeekday(w) && !FILLER_WORDS.has(w)) {
          // An unknown zone abbreviation after the time (CEST) is ignored: the date stays naive.
          if (time === null || !UNKNOWN_ZONE.test(tok.text)) return null;
        }
        break;
      }
      case Kind.Sign: {
        if (time === null && !offsetFromName) {
          if (tok.text === '-') break; // a date separator (20-May-2024)
          return null;
        }
        const read = readOffset(tokens, i);
        if (read === null || (offset !== null && !offsetFromName)) return null;
        offset = read.offset;
        offsetFromName = false;
        i = read.last;
        break;
      }
    }
  }
  const date = resolveDate(nums, month, nowYear);
  if (date === null) return null;
  let hour = time?.hour ?? 0;
  if (ampm !== '') {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  return {
    year: date[0], month: date[1], day: date[2], hour,
    minute: time?.minute ?? 0, second: time?.second ?? 0, micros: micros(time?.fraction), offset,
  };
}

/** Reads `±HH`, `±HHMM`, `±HH:MM` or `±HH:M` starting at the sign token at index i. */
function readOffset(tokens: Token[], i: number): { offset: number; last: number } | null {
  const sign = tokens[i].text;
  const next = tokens[i + 1];
  if (next === undefined) return null;
  if (next.kind === Kind.Time) {
    if (next.text.length > 5) return null;
    const o = offsetSeconds(sign, next.hour!, next.minute!);
    return o === null ? null : { offset: o, last: i + 1 };
  }
  if (next.kind !== Kind.Num) return null;
  const t = next.text;
  if (t.length === 4) {
    const o = offsetSeconds(sign, Number(t.slice(0, 2)), Number(t.slice(2)));
    return o === null ? null : { offset: o, last: i + 1 };
  }
  if (t.length > 2) return null;
  const colon = tokens[i + 2];
  const minutes = tokens[i + 3];
  if (colon?.kind === Kind.Sep && colon.text === ':' && minutes?.kind === Kind.Num && minutes.text.length <= 2) {
    const o = offsetSeconds(sign, Number(t), Number(minutes.text));
    return o === null ? null : { offset: o, last: i + 3 };
  }
  const o = offsetSeconds(sign, Number(t), 0);
  return o === null ? null : { offset: o, last: i + 1 };
}

function isYearLike(n: string): boolean {
  return n.length >= 3 || Number(n) > 31;
}

/** [year, month, day] from the numbers of the text and a month found by name (0 if none). */
function resolveDate(nums: string[], month: number, nowYear: number): [number, number, number] | null {
  const year = (n: string): number => (n.length <= 2 ? fullYear(Number(n), nowYear) : Number(n));
  if (month !== 0) {
    if (nums.length === 1) return isYearLike(nums[0]) ? null : [nowYear, month, Number(nums[0])];
    if (nums.length !== 2) return null;
    const [a, b] = nums;
    if (isYearLike(a)) return [year(a), month, Number(b)];
    return [year(b), month, Number(a)];
  }
  if (nums.length === 3) {
    const [a, b, c] = nums;
    if (isYearLike(a)) return [year(a), Number(b), Number(c)];
    if (Number(a) > 12) return [year(c), Number(b), Number(a)];
    return [year(c), Number(a), Number(b)];
  }
  if (nums.length === 2) {
    const [a, b] = nums;
    if (isYearLike(a) || isYearLike(b)) return null;
    return Number(a) > 12 ? [nowYear, Number(b), Number(a)] : [nowYear, Number(a), Number(b)];
  }
  return null;
}
