/** Python `int(str, base)` and `float(str)` parsing rules. */
import { normInt } from './runtime.js';
import { PY_WS } from './methods-str.js';

const TRIM = new RegExp(`^[${PY_WS}]+|[${PY_WS}]+$`, 'g');
const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)?\.\d(?:_?\d)*|\d(?:_?\d)*\.?)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Unsigned forms whose value is exact as a double: decimal up to 15 digits, hex up to 13. */
const DECIMAL_FAST = /^[0-9]{1,15}$/;
const HEX_FAST = /^(?:0[xX])?[0-9a-fA-F]{1,13}$/;

/** Python int(text, base); null when Python raises ValueError. */
export function parseIntStr(text: string, base: number): number | bigint | null {
  // Fast paths for the everyday shapes (no sign, spaces or underscores); same value as below.
  if (base === 10 && DECIMAL_FAST.test(text)) return Number(text);
  if (base === 16 && HEX_FAST.test(text)) {
    const c = text.charCodeAt(1);
    return parseInt(c === 120 || c === 88 ? text.slice(2) : text, 16);
  }
  let s = text.replace(TRIM, '');
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const prefix = s.slice(0, 2).toLowerCase();
  const prefixBase = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 0;
  if (base === 0) {
    if (prefixBase) {
      base = prefixBase;
      s = s.slice(2);
      if (s.startsWith('_')) s = s.slice(1);
    } else {
      base = 10;
      if (/^0+[_0]*[1-9]/.test(s)) return null;
    }
  } else if (prefixBase && prefixBase === base) {
    s = s.slice(2);
    if (s.startsWith('_')) s = s.slice(1);
  }
  if (base < 2 || base > 36) return null;
  if (!s || s.startsWith('_') || s.endsWith('_') || s.includes('__')) return null;
  s = s.replace(/_/g, '').toLowerCase();
  const allowed = DIGITS.slice(0, base);
  let acc = 0n;
  const b = BigInt(base);
  for (const c of s) {
    const d = allowed.indexOf(c);
    if (d < 0) return null;
    acc = acc * b + BigInt(d);
  }
  return normInt(neg ? -acc : acc);
}

/** Python float(text); null when Python raises ValueError. */
export function parseFloatStr(text: string): number | null {
  const s = text.replace(TRIM, '');
  const sp = SPECIAL_RE.exec(s);
  if (sp) {
    if (sp[2]!.toLowerCase() === 'nan') return NaN;
    return sp[1] === '-' ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(s)) return null;
  return Number(s.replace(/_/g, ''));
}
