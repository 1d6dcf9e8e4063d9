/**
 * Epoch values (numbers and digit strings). The unit follows the length of the integer part: the
 * value is scaled to 10 integer digits (13 digits = ms, 16 = µs, 19 = ns, 18 = 10 ns...) in
 * Python float arithmetic, then rounded half to even to the microsecond. A positive integer of
 * fewer than 10 digits is scaled up to 10 (`123456789` is 1234567890 s), as if every integer
 * were read as nanoseconds padded to 19 digits. A number with a fraction (`1.5`) is seconds.
 */
import { PyFloat } from '../core/values.js';
import { inRange, type Instant } from './instant.js';

const EPOCH_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** An epoch given as text (`1599665193`, `1661022364.014`, `-1`); null when not such a number. */
export function epochFromText(text: string): Instant | null {
  const m = EPOCH_TEXT.exec(text);
  if (m === null) return null;
  return epochFromDigits(m[1] === '-', m[2], m[3] ?? null);
}

/** An epoch given as a Python int or float (bigint for big ints, PyFloat for integral floats). */
export function epochFromNumber(value: number | bigint | PyFloat): Instant | null {
  if (typeof value === 'bigint') {
    const neg = value < 0n;
    return epochFromDigits(neg, (neg ? -value : value).toString(), null);
  }
  const isFloat = value instanceof PyFloat;
  const n = isFloat ? value.value : value;
  if (!Number.isFinite(n)) return null;
  const abs = Math.abs(n);
  const t = scaled(abs, integerDigits(abs), !isFloat && Number.isInteger(n) && n > 0);
  return fromTimestamp(n < 0 ? -t : t);
}

function integerDigits(abs: number): number {
  return abs < 1 ? 1 : abs < 1e21 ? String(Math.trunc(abs)).length : BigInt(Math.trunc(abs)).toString().length;
}

/**
 * The reference reads the epoch as a Python float and scales it to 10 integer digits
 * (`v / 10 ** (digits - 10)`): the float division rounds as Python's does (Fortinet/fortigate
 * eventtime 1741260033782633377 gives .782634, exact digits .782633). Only a positive integer
 * is scaled up (Imperva/imperva-waf `start=123456789` is 2009-02-13T23:31:30Z).
 */
function scaled(abs: number, digits: number, scalesUp: boolean): number {
  if (digits > 10 || (digits < 10 && scalesUp && abs >= 1)) return abs / 10 ** (digits - 10);
  return abs;
}

/** Python's `datetime.fromtimestamp(t, UTC)`: the fraction rounds half to even to the microsecond. */
function fromTimestamp(t: number): Instant | null {
  if (!Number.isFinite(t)) return null;
  let seconds = Math.trunc(t);
  let micros = roundHalfEven((t - seconds) * 1e6); // t - trunc(t) is exact in binary floating point
  if (micros >= 1_000_000) {
    micros -= 1_000_000;
    seconds += 1;
  } else if (micros < 0) {
    micros += 1_000_000;
    seconds -= 1;
  }
  const instant = { seconds, micros };
  return inRange(instant) ? instant : null;
}

function roundHalfEven(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x)); // C round(): halves away from zero
  return Math.abs(x - r) === 0.5 ? 2 * Math.sign(x) * Math.round(Math.abs(x) / 2) : r;
}

/** `fracDigits` is null for an integer (no decimal point), '' for `123.`. */
function epochFromDigits(negative: boolean, intDigits: string, fracDigits: string | null): Instant | null {
  const int = intDigits.replace(/^0+(?=\d)/, '');
  const abs = Number(fracDigits === null || fracDigits === '' ? int : `${int}.${fracDigits}`);
  const t = scaled(abs, int.length, fracDigits === null && !negative);
  return fromTimestamp(negative ? -t : t);
}
