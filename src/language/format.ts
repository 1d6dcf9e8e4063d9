/** Python string formatting: `str % args`, `str.format(...)` and `format(value, spec)`. */
import { getAttr, getItem } from './access.js';
import { fail } from './errors.js';
import {
  asInt,
  asNumber,
  checkLength,
  floatRepr,
  isPyDict,
  pyRepr,
  pyStr,
  setPercentFormat,
  strLen,
  typeName,
} from './runtime.js';
import { PyFloat, PyTuple } from '../core/values.js';

function pad(s: string, width: number, align: string, fill: string): string {
  const len = strLen(s);
  if (width <= len) return s;
  checkLength(width);
  const n = width - len;
  if (align === '<') return s + fill.repeat(n);
  if (align === '>') return fill.repeat(n) + s;
  if (align === '^') return fill.repeat(Math.floor(n / 2)) + s + fill.repeat(n - Math.floor(n / 2));
  // '=': padding after the sign
  const sign = /^[-+ ]/.test(s) ? s[0]! : '';
  return sign + fill.repeat(n) + s.slice(sign.length);
}

function groupThousands(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function fixed(x: number, prec: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  if (prec > 100) fail('precision too big');
  return Math.abs(x) < 1e21 ? x.toFixed(prec) : BigInt(Math.round(x)).toString() + (prec > 0 ? '.' + '0'.repeat(prec) : '');
}

function expo(x: number, prec: number, upper: boolean): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const [m, e] = x.toExponential(Math.min(prec, 100)).split('e') as [string, string];
  const n = Number(e);
  const s = `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  return upper ? s.toUpperCase() : s;
}

function general(x: number, prec: number, alt: boolean): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const p = prec === 0 ? 1 : prec;
  if (x === 0) return alt ? '0.' + '0'.repeat(p - 1) : '0';
  const exp = Number(x.toExponential(p - 1).split('e')[1]);
  let s = exp >= -4 && exp < p ? x.toFixed(Math.max(0, p - 1 - exp)) : expo(x, p - 1, false);
  if (!alt) s = s.replace(/\.?0+(?=e|$)/, (m) => (m.startsWith('.') || s.includes('.') ? '' : m));
  return s;
}

/** Python format(value, spec) for str, int and float values. */
export function formatSpec(value: unknown, spec: string): string {
  const m = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su.exec(spec);
  if (!m) fail(`Invalid format specifier '${spec}'`);
  let [, fill, align, sign, alt, zero, widthS, group, precS, type] = m;
  const width = widthS ? Number(widthS) : 0;
  const prec = precS === undefined ? -1 : Number(precS);
  if (zero && !align) {
    fill = '0';
    align = '=';
  }
  fill = fill ?? ' ';
  if (typeof value === 'string' || (!type && typeof value !== 'number' && typeof value !== 'bigint' && !(value instanceof PyFloat) && typeof value !== 'boolean')) {
    if (type && type !== 's') fail(`Unknown format code '${type}' for object of type '${typeName(value)}'`);
    let s = pyStr(value);
    if (prec >= 0) s = Array.from(s).slice(0, prec).join('');
    return pad(s, width, align ?? '<', fill);
  }
  const num = asNumber(value);
  if (num === null) fail(`unsupported format string passed to ${typeName(value)}.__format__`);
  const isInt = asInt(value) !== null;
  let t = type ?? (isInt ? 'd' : '');
  if (isInt && 'eEfFgG%'.includes(t) === false && !'bcdoxXn'.includes(t)) fail(`Unknown format code '${t}' for object of type 'int'`);
  if (!isInt && 'bcdoxX'.includes(t)) fail(`Unknown format code '${t}' for object of type 'float'`);
  const neg = num < 0 || Object.is(num, -0);
  const abs = Math.abs(num);
  let body: string;
  switch (t) {
    case 'd':
    case 'n':
      body = typeof value === 'bigint' ? (value < 0n ? -value : value).toString() : String(abs);
      break;
    case 'x':
    case 'X':
    case 'o':
    case 'b': {
      const radix = t === 'o' ? 8 : t === 'b' ? 2 : 16;
      body = (typeof value === 'bigint' ? (value < 0n ? -value : value) : abs).toString(radix);
      if (t === 'X') body = body.toUpperCase();
      if (alt) body = (t === 'o' ? '0o' : t === 'b' ? '0b' : t === 'x' ? '0x' : '0X') + body;
      break;
    }
    case 'c':
      body = String.fromCodePoint(num);
      break;
    case 'f':
    case 'F':
      body = fixed(abs, prec < 0 ? 6 : prec);
      break;
    case 'e':
    case 'E':
      body = expo(abs, prec < 0 ? 6 : prec, t === 'E');
      break;
    case 'g':
    case 'G':
      body = general(abs, prec < 0 ? 6 : prec, !!alt);
      if (t === 'G') body = body.toUpperCase();
      break;
    case '%':
      body = fixed(abs * 100, prec < 0 ? 6 : prec) + '%';
      break;
    default:
      // no type on a float: repr, or general with precision
      body = prec >= 0 ? general(abs, prec, false) : floatRepr(abs);
  }
  if (group) {
    const [i, f] = body.split('.') as [string, string | undefined];
    body = groupThousands(i, group) + (f !== undefined ? '.' + f : '');
  }
  const signStr = neg && !(num === 0 && isInt) ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
  return pad(signStr + body, width, align ?? '>', fill);
}

// ---------------------------------------------------------------- str % args

const PERCENT = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g;

export function percentFormat(fmt: string, args: unknown): string {
  const mapping = isPyDict(args) ? args : null;
  // Python treats any non-tuple with __getitem__ (list, dict, undefined) as a mapping: no arity check.
  const mappingLike = mapping !== null || args === undefined || (Array.isArray(args) && !(args instanceof PyTuple));
  const list: unknown[] = args instanceof PyTuple ? args : [args];
  let i = 0;
  let used = false;
  const next = (): unknown => {
    if (i >= list.length) fail('not enough arguments for format string');
    return list[i++];
  };
  const out = fmt.replace(PERCENT, (_m, key: string | undefined, flags: string, widthS: string | undefined, precS: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    used = true;
    const width = widthS === '*' ? Number(next()) : widthS ? Number(widthS) : 0;
    const prec = precS === '*' ? Number(next()) : precS !== undefined ? Number(precS) : -1;
    const v = key !== undefined ? (mapping ? getItem(mapping, key) : fail('format requires a mapping')) : mapping && !(args instanceof PyTuple) ? mapping : next();
    const left = flags.includes('-');
    const fill = flags.includes('0') && !left && !'sra'.includes(conv) ? '0' : ' ';
    let spec = '';
    let s: string;
    if (conv === 's' || conv === 'r' || conv === 'a') {
      s = conv === 's' ? pyStr(v) : pyRepr(v);
      if (prec >= 0) s = Array.from(s).slice(0, prec).join('');
      return pad(s, width, left ? '<' : '>', ' ');
    }
    const n = asNumber(v);
    if (n === null) fail(`%${conv} format: a real number is required, not ${typeName(v)}`);
    const c = conv === 'i' || conv === 'u' ? 'd' : conv;
    let val: unknown = v;
    if ('doxXc'.includes(c) && asInt(v) === null) {
      if (c !== 'd') fail(`%${conv} format: an integer is required, not ${typeName(v)}`);
      val = Math.trunc(n);
    }
    spec = `${flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : ''}${flags.includes('#') ? '#' : ''}${prec >= 0 && !'doxXc'.includes(c) ? '.' + prec : ''}${c}`;
    s = formatSpec(val, spec);
    return fill === '0' ? pad(s, width, '=', '0') : pad(s, width, left ? '<' : '>', ' ');
  });
  if (!mappingLike && i < list.length && (args instanceof PyTuple || !used)) fail('not all arguments converted during string formatting');
  checkLength(out.length);
  return out;
}

setPercentFormat(percentFormat);

// ---------------------------------------------------------------- str.format

export function strFormat(fmt: string, args: unknown[], kwargs: Record<string, unknown>): string {
  let auto = 0;
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      const end = fmt.indexOf('}', i);
      if (end < 0) fail("Single '{' encountered in format string");
      const field = fmt.slice(i + 1, end);
      i = end + 1;
      const m = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
      if (!m) fail(`bad format field '${field}'`);
      const [, name, chain, conv, spec] = m;
      let v: unknown;
      if (name === '') {
        if (auto >= args.length) fail(`Replacement index ${auto} out of range for positional args tuple`);
        v = args[auto++];
      } else if (/^\d+$/.test(name!)) {
        const n = Number(name);
        if (n >= args.length) fail(`Replacement index ${n} out of range for positional args tuple`);
        v = args[n];
      } else {
        if (!Object.hasOwn(kwargs, name!)) fail(`KeyError: '${name}'`);
        v = kwargs[name!];
      }
      for (const part of chain!.match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
        if (part[0] === '.') v = getAttr(v, part.slice(1));
        else {
          const k = part.slice(1, -1);
          v = getItem(v, /^\d+$/.test(k) ? Number(k) : k);
        }
        if (v === undefined) fail(`bad field ${field}`);
      }
      if (conv === 'r' || conv === 'a') v = pyRepr(v);
      else if (conv === 's') v = pyStr(v);
      out += formatSpec(v, spec ?? '');
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] !== '}') fail("Single '}' encountered in format string");
      out += '}';
      i += 2;
      continue;
    }
    out += c;
    i++;
  }
  checkLength(out.length);
  return out;
}
