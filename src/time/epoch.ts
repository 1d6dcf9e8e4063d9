/**
 * Epoch values (numbers and digit strings), read as the reference does with Python floats.
 * An integer of N digits is scaled to 10 integer digits of seconds by a float multiplication
 * (`n * 10 ** (10 - N)`: 13 digits = ms, 16 = µs, 19 = ns, 18 = 10 ns, and a positive integer
 * of fewer than 10 digits is padded: `123456789` is 1234567890 s). A number with a fraction is
 * float seconds; a text with a fraction and more than 10 integer digits is its float scaled the
 * same way (`"20241026044641.024"` is `20241026044641.024 * 10 ** -4`). A negative integer's
 * length counts its minus sign (`-11644473600000` is `n * 10 ** -5`); one of 10 characters or
 * fewer is seconds. The microseconds are then rounded half to even from that float, as
 * `datetime.fromtimestamp` does, so `1637681708541881380` gives `.541882`.
 */
import { PyFloat } from '../core/values.js';
import { inRange, type Instant } from './instant.js';

const EPOCH_TEXT = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** Float literals of 10**k (k = -30..9), exactly as Python's `10 ** k` gives them. */
const POW10 = new Map<number, number>();
for (let k = -30; k <= 9; k++) POW10.set(k, Number(`1e${k}`));

/** An epoch given as text (`1599665193`, `1661022364.014`, `-1`); null when not such a number. */
export function epochFromText(text: string): Instant | null {
  const m = EPOCH_TEXT.exec(text);
  if (m === null) return null;
  const negative = m[1] === '-';
  if (m[3] === undefined) return epochFromInteger(negative, m[2]);
  const int = m[2].replace(/^0+(?=\d)/, '');
  if (int.length <= 10) return fromFloatSeconds(Number(text));
  // More integer digits: the float of the text, scaled by the same multiplication as an integer.
  const scale = POW10.get(10 - int.length);
  if (scale === undefined) return null;
  return fromFloatSeconds(Number(text) * scale);
}

/** An epoch given as a Python int or float (bigint for big ints, PyFloat for integral floats). */
export function epochFromNumber(value: number | bigint | PyFloat): Instant | null {
  if (typeof value === 'bigint') {
    const neg = value < 0n;
    return epochFromInteger(neg, (neg ? -value : value).toString());
  }
  const n = value instanceof PyFloat ? value.value : value;
  if (!Number.isFinite(n)) return null;
  const abs = Math.abs(n);
  if (Number.isInteger(n) && !(value instanceof PyFloat)) {
    return epochFromInteger(n < 0, abs < 1e21 ? String(abs) : BigInt(abs).toString());
  }
  if (abs < 1e10) return fromFloatSeconds(n);
  // A float with more than 10 integer digits: the decimal point goes after the 10th digit.
  const [int, frac = ''] = abs.toFixed(6).split('.');
  return epochFromDigits(n < 0, int, frac);
}

function epochFromInteger(negative: boolean, digits: string): Instant | null {
  const int = digits.replace(/^0+(?=\d)/, '');
  if (int === '0') return { seconds: 0, micros: 0 };
  // The length is that of the number's text: a minus sign counts as a digit.
  const length = negative ? int.length + 1 : int.length;
  if (negative && length <= 10) return fromFloatSeconds(-Number(int));
  const scale = POW10.get(10 - length);
  if (scale === undefined) return null; // more than 40 digits: no date
  const seconds = Number(int) * scale;
  return fromFloatSeconds(negative ? -seconds : seconds);
}

/** `datetime.fromtimestamp(x)`: microseconds rounded half to even from the float's fraction. */
function fromFloatSeconds(x: number): Instant | null {
  if (!Number.isFinite(x)) return null;
  let seconds = Math.trunc(x);
  let micros = roundHalfEven((x - seconds) * 1e6);
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
  const rounded = Math.sign(x) * Math.round(Math.abs(x));
  if (Math.abs(x - rounded) === 0.5) return 2 * Math.round(x / 2);
  return rounded;
}

/** Digits with the decimal point after the 10th integer digit; sub-microsecond digits round to nearest. */
function epochFromDigits(negative: boolean, intDigits: string, fracDigits: string): Instant | null {
  let int = intDigits;
  let frac = fracDigits;
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
