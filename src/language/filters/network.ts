/** Catalog filters on network values: IP address validity (Python ipaddress rules), URLs, MACs. */
import { asInt } from '../runtime.js';
import { registerFilter } from './registry.js';

/** Dotted quad as Python's ipaddress accepts it: 4 decimal octets <= 255, no leading zeros. */
export function isIPv4(s: string): boolean {
  const len = s.length;
  if (len < 7 || len > 15) return false;
  let octets = 0;
  let p = 0;
  for (;;) {
    const start = p;
    let value = 0;
    while (p < len) {
      const c = s.charCodeAt(p);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      p++;
    }
    const digits = p - start;
    if (digits === 0 || digits > 3 || value > 255 || (digits > 1 && s.charCodeAt(start) === 48)) return false;
    octets++;
    if (p === len) return octets === 4;
    if (s.charCodeAt(p) !== 46 || octets === 4) return false;
    p++;
  }
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

export function isIPv6(s: string): boolean {
  if (s.includes('/')) return false;
  const pct = s.indexOf('%');
  let addr = s;
  if (pct >= 0) {
    const scope = s.slice(pct + 1);
    if (!scope || scope.includes('%')) return false;
    addr = s.slice(0, pct);
  }
  const parts = addr.split(':');
  if (parts.length < 3) return false;
  if (parts[parts.length - 1]!.includes('.')) {
    if (!isIPv4(parts.pop()!)) return false;
    parts.push('0', '0');
  }
  if (parts.length > 9) return false;
  let skip = -1;
  for (let i = 1; i < parts.length - 1; i++) {
    if (!parts[i]) {
      if (skip >= 0) return false;
      skip = i;
    }
  }
  let lo = 0;
  let hi = parts.length;
  if (skip >= 0) {
    let partsHi = skip;
    let partsLo = parts.length - skip - 1;
    if (!parts[0]) {
      partsHi--;
      if (partsHi) return false;
      lo = 1;
    }
    if (!parts[parts.length - 1]) {
      partsLo--;
      if (partsLo) return false;
      hi = parts.length - 1;
    }
    if (8 - (partsHi + partsLo) < 1) return false;
  } else if (parts.length !== 8 || !parts[0] || !parts[parts.length - 1]) return false;
  for (let i = lo; i < hi; i++) if (i !== skip && !HEXTET.test(parts[i]!)) return false;
  return true;
}

/** Python ipaddress.ip_address(value) succeeds. Ints are addresses too (bool is an int). */
export function isIpAddress(v: unknown, family: 0 | 4 | 6 = 0): boolean {
  if (typeof v === 'string') return (family !== 6 && isIPv4(v)) || (family !== 4 && isIPv6(v));
  const n = asInt(v);
  if (n === null) return false;
  const b = BigInt(n);
  // ip_address(int) is IPv4 below 2**32, IPv6 below 2**128
  const low = family === 6 ? 2n ** 32n : 0n;
  const high = family === 4 ? 2n ** 32n : 2n ** 128n;
  return b >= low && b < high;
}

registerFilter('is_ipaddress', (v) => isIpAddress(v));
registerFilter('is_ipv4', (v) => isIpAddress(v, 4));
registerFilter('is_ipv6', (v) => isIpAddress(v, 6));

/** Python urlparse(value) has both a scheme and a network location. */
registerFilter('is_url', (v) => {
  if (typeof v !== 'string') return false;
  const s = v.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/.exec(s);
  return m !== null && m[2]!.length > 0;
});

const MAC_FORMS = [/^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i, /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/i];

/** `aabb.ccdd.eeff`, `AA-BB-…`, `aa:bb:…` → `AA:BB:CC:DD:EE:FF`; anything else → None. */
registerFilter('to_mac_address', (v) => {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  let hex: string | null = null;
  const a = MAC_FORMS[0]!.exec(s);
  if (a) hex = [a[1], a[3], a[4], a[5], a[6], a[7]].join('');
  const b = MAC_FORMS[1]!.exec(s);
  if (b) hex = b[1]! + b[2] + b[3];
  if (hex === null) return null;
  return hex.toUpperCase().match(/../g)!.join(':');
});
