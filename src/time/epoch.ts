/**
 * Epoch values (numbers and digit strings). The unit follows the length of the integer part: the
 * decimal point goes after the 10th digit (13 digits = ms, 16 = µs, 19 = ns, 18 = 10 ns...), and
 * a positive integer of fewer than 10 digits is padded with zeros to 10 (`123456789` is
 * 1234567890 s), as if every integer were read as nanoseconds padded to 19 digits. An integer
 * with a fraction (`1.5`) is seconds. Sub-microsecond digits round to nearest.
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
  const n = value instanceof PyFloat ? value.value : value;
  if (!Number.isFinite(n)) return null;
  const abs = Math.abs(n);
  if (Number.isInteger(n)) {
    return epochFromDigits(n < 0, abs < 1e21 ? String(abs) : BigInt(abs).toString(), null);
  }
  if (abs < 1e10) return fromFloatSeconds(n);
  // A non-integral float with more than 10 integer digits: same decimal-point rule as text.
  const [int, frac = ''] = abs.toFixed(6).split('.');
  return epochFromDigits(n < 0, int, frac);
}

function fromFloatSeconds(n: number): Instant | null {
  let seconds = Math.floor(n);
  let micros = Math.round((n - seconds) * 1e6); // n - floor(n) is exact in binary floating point
  if (micros === 1_000_000) {
    seconds += 1;
    micros = 0;
  }
  const instant = { seconds, micros };
  return inRange(instant) ? instant : null;
}

/** `fracDigits` is null for an integer (no decimal point), '' for `123.`. */
function epochFromDigits(negative: boolean, intDigits: string, fracDigits: string | null): Instant | null {
  const short = fracDigits === null && intDigits.length < 10 && !negative && /[1-9]/.test(intDigits);
  let int = (short ? intDigits.padEnd(10, '0') : intDigits).replace(/^0+(?=\d)/, '');
  let frac = fracDigits ?? '';
  if (int.length > 10) {
    frac = int.slice(10) + frac;
    int = int.slice(0, 10);
  }
  let seconds = Number(int);
  let micros = Number((frac + '000000').slice(0, 6));
  if (frac.length > 6 && frac.charCodeAt(6) >= 53 /* '5' */) micros += 1;
  if (micros === 1_000_000) {
    seconds += 1;
    micros = 0;
  }
  if (negative && (seconds !== 0 || micros !== 0)) {
    seconds = -seconds;
    if (micros !== 0) {
      seconds -= 1;
      micros = 1_000_000 - micros;
    }
  }
  const instant = { seconds, micros };
  return inRange(instant) ? instant : null;
}
