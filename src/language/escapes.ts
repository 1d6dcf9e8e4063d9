/** Python string-literal escape decoding (`unicode_escape` rules, as Jinja and ast use). */

const SIMPLE: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

/** Decode escapes; returns null on a malformed escape (`\x4`, `\N{...}`). Unknown escapes stay verbatim. */
export function decodePythonEscapes(body: string): string | null {
  if (!body.includes('\\')) return body;
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const n = body[i + 1];
    if (n === undefined) return null;
    if (Object.hasOwn(SIMPLE, n)) {
      out += SIMPLE[n];
      i += 2;
      continue;
    }
    if (n >= '0' && n <= '7') {
      let j = i + 1;
      while (j < i + 4 && j < body.length && body[j]! >= '0' && body[j]! <= '7') j++;
      out += String.fromCodePoint(parseInt(body.slice(i + 1, j), 8));
      i = j;
      continue;
    }
    const hexLen = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (hex.length !== hexLen || !/^[0-9a-fA-F]+$/.test(hex)) return null;
      const cp = parseInt(hex, 16);
      if (cp > 0x10ffff) return null;
      out += String.fromCodePoint(cp);
      i += 2 + hexLen;
      continue;
    }
    if (n === 'N') return null;
    out += '\\' + n;
    i += 2;
  }
  return out;
}
