/** Jinja numeric filters with Python conversion rules. */
import { arg, intArg } from '../args.js';
import { fail } from '../errors.js';
import { parseFloatStr, parseIntStr } from '../numbers.js';
import { asInt, asNumber, normInt, undefinedError, typeName } from '../runtime.js';
import { PyFloat, pyFloat } from '../../core/values.js';
import { registerStrictFilter } from './registry.js';


/** Python int(float): truncation; inf raises, nan → ValueError (null). */
function truncFloat(x: number): number | bigint | null {
  if (Number.isNaN(x)) return null;
  if (!Number.isFinite(x)) fail('cannot convert float infinity to integer');
  const t = Math.trunc(x);
  return Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : normInt(BigInt(t));
}

/** Python float(value) for the int/float filters; null on TypeError/ValueError. */
function toFloat(v: unknown): number | null {
  if (v === undefined) undefinedError();
  if (typeof v === 'string') return parseFloatStr(v);
  return asNumber(v);
}

registerStrictFilter('int', (v, a, k) => {
  const dflt = arg(a, k, 0, 'default', 0);
  const base = arg(a, k, 1, 'base', 10);
  if (v === undefined) undefinedError();
  if (typeof v === 'string') {
    const r = parseIntStr(v, intArg(base, 'base'));
    if (r !== null) return r;
  } else {
    const i = asInt(v);
    if (i !== null) return typeof v === 'boolean' ? (v ? 1 : 0) : i;
    if (v instanceof PyFloat || typeof v === 'number') {
      const r = truncFloat(asNumber(v)!);
      if (r !== null) return r;
    }
  }
  const x = toFloat(v);
  if (x === null || !Number.isFinite(x)) return dflt;
  const r = truncFloat(x);
  return r === null ? dflt : r;
});

registerStrictFilter('float', (v, a, k) => {
  const x = toFloat(v);
  return x === null ? arg(a, k, 0, 'default', pyFloat(0)) : pyFloat(x);
});

registerStrictFilter('abs', (v) => {
  const i = asInt(v);
  if (i !== null) return typeof i === 'bigint' ? normInt(i < 0n ? -i : i) : Math.abs(i);
  if (v instanceof PyFloat || typeof v === 'number') return pyFloat(Math.abs(asNumber(v)!));
  if (v === undefined) undefinedError();
  fail(`bad operand type for abs(): '${typeName(v)}'`);
});

/** Python round(x, n) for floats: correctly rounded, ties to even. */
function roundHalfEven(x: number, n: number): number {
  if (!Number.isFinite(x)) return x;
  const s = x.toFixed(Math.min(100, n + 25));
  const r = Number(x.toFixed(Math.min(100, n)));
  // exact tie detection on the decimal expansion of the double
  const [, frac = ''] = s.split('.');
  const rest = frac.slice(n);
  if (/^50*$/.test(rest)) {
    const scaled = Math.abs(Number(s.slice(0, s.length - rest.length).replace('.', '')));
    const down = Math.trunc(scaled);
    const even = down % 2 === 0 ? down : down + 1;
    const val = even / 10 ** n;
    return x < 0 ? -val : val;
  }
  return r;
}

registerStrictFilter('round', (v, a, k) => {
  const precision = intArg(arg(a, k, 0, 'precision', 0), 'precision');
  const method = arg(a, k, 1, 'method', 'common');
  if (method !== 'common' && method !== 'ceil' && method !== 'floor') fail('method must be common, ceil or floor');
  const x = asNumber(v);
  if (x === null) {
    if (v === undefined) undefinedError();
    fail(`type ${typeName(v)} doesn't define __round__ method`);
  }
  if (method === 'common') {
    const i = asInt(v);
    if (i !== null) return i; // round(int, n) keeps the int (bool → int)
    return pyFloat(roundHalfEven(x, precision));
  }
  const m = 10 ** precision;
  return pyFloat((method === 'ceil' ? Math.ceil(x * m) : Math.floor(x * m)) / m);
});
