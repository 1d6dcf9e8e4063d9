/** Python 3.13's `str(ipaddress.ip_address(text))`: the canonical text of an address `isIP` accepted. */
import { isIPv6 } from 'node:net';

/** The 8 hextets of a valid IPv6 address without scope (a trailing dotted quad gives the last two). */
function hextets(text: string): number[] {
  let body = text;
  const lastColon = body.lastIndexOf(':');
  if (body.indexOf('.', lastColon) !== -1) {
    const [a, b, c, d] = body.slice(lastColon + 1).split('.').map(Number) as [number, number, number, number];
    body = `${body.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const gap = body.indexOf('::');
  if (gap === -1) return parse(body);
  const head = parse(body.slice(0, gap));
  const rest = parse(body.slice(gap + 2));
  return [...head, ...new Array<number>(8 - head.length - rest.length).fill(0), ...rest];
}

/** RFC 5952 as Python writes it: lower-case, no leading zeros, the first longest run of 2+ zero groups as `::`. */
function compress(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** An IPv4-mapped address (`::ffff:a.b.c.d`) keeps its dotted quad, as Python 3.13 writes it. */
function mappedText(groups: number[]): string | undefined {
  for (let i = 0; i < 5; i++) if (groups[i] !== 0) return undefined;
  if (groups[5] !== 0xffff) return undefined;
  const [hi, lo] = [groups[6]!, groups[7]!];
  return `::ffff:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

export function canonicalIp(text: string): string {
  if (!isIPv6(text)) return text; // IPv4: isIP refuses leading zeros, so valid text is canonical
  const percent = text.indexOf('%');
  const address = percent === -1 ? text : text.slice(0, percent);
  const scope = percent === -1 ? '' : text.slice(percent);
  const groups = hextets(address);
  return (mappedText(groups) ?? compress(groups)) + scope;
}
