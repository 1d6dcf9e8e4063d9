/** Template text → tokens (Jinja2 default delimiters and whitespace control). */
import { decodePythonEscapes } from './escapes.js';
import { TemplateSyntaxError } from './errors.js';

export type TokenType =
  | 'data'
  | 'var_begin'
  | 'var_end'
  | 'block_begin'
  | 'block_end'
  | 'name'
  | 'string'
  | 'int'
  | 'float'
  | 'op'
  | 'eof';

export interface Token {
  type: TokenType;
  value: string;
  /** Parsed literal for int/float/string tokens. */
  literal?: unknown;
  line: number;
  column: number;
}

const OPEN = /\{\{|\{%|\{#/g;
const WS = /\s+/y;
const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const FLOAT = /(?:\d+_)*\d+(?:(?:\.(?:\d+_)*\d+)?e[+-]?(?:\d+_)*\d+|\.(?:\d+_)*\d+)/iy;
const INT = /0b(?:_?[01])+|0o(?:_?[0-7])+|0x(?:_?[\da-f])+|[1-9](?:_?\d)*|0(?:_?0)*/iy;
const STRING = /'([^'\\]*(?:\\[\s\S][^'\\]*)*)'|"([^"\\]*(?:\\[\s\S][^"\\]*)*)"/y;
const OPS = ['//', '**', '==', '!=', '<=', '>=', '+', '-', '/', '*', '%', '~', '[', ']', '(', ')', '{', '}', '<', '>', '=', '.', ':', '|', ',', ';'];
const RAW_BLOCK = /\{%([-+]?)\s*raw\s*([-]?)%\}/y;
const END_RAW = /\{%([-+]?)\s*endraw\s*(-?)%\}/g;

function parseIntLiteral(text: string): number | bigint {
  const t = text.replace(/_/g, '').toLowerCase();
  const b = BigInt(t);
  return b <= 9007199254740991n ? Number(b) : b;
}

export function tokenize(input: string): Token[] {
  // Jinja normalises newlines and drops one trailing newline (keep_trailing_newline off).
  const lines = input.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const src = lines.join('\n');
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;

  const advanceTo = (to: number): void => {
    for (let i = pos; i < to; i++) {
      if (src.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    pos = to;
  };
  const error = (msg: string): never => {
    throw new TemplateSyntaxError(msg, line, pos - lineStart + 1);
  };
  const push = (type: TokenType, value: string, literal?: unknown): void => {
    tokens.push({ type, value, literal, line, column: pos - lineStart + 1 });
  };
  let lstripNext = false;
  const pushData = (text: string): void => {
    if (lstripNext) text = text.replace(/^\s+/, '');
    lstripNext = false;
    if (text) tokens.push({ type: 'data', value: text, line, column: pos - lineStart + 1 });
  };

  while (pos < src.length) {
    OPEN.lastIndex = pos;
    const m = OPEN.exec(src);
    const start = m ? m.index : src.length;
    let data = src.slice(pos, start);
    if (!m) {
      pushData(data);
      advanceTo(src.length);
      break;
    }
    const kind = m[0];
    const hasMinus = src[start + 2] === '-';
    if (hasMinus) data = data.replace(/\s+$/, '');
    // raw block
    RAW_BLOCK.lastIndex = start;
    const raw = kind === '{%' ? RAW_BLOCK.exec(src) : null;
    if (raw) {
      if (raw[1] === '-') data = data.replace(/\s+$/, '');
      pushData(data);
      advanceTo(start);
      END_RAW.lastIndex = start + raw[0].length;
      const end = END_RAW.exec(src);
      if (!end) error('Missing end of raw directive');
      let body = src.slice(start + raw[0].length, end!.index);
      if (raw[2] === '-') body = body.replace(/^\s+/, '');
      if (end![1] === '-') body = body.replace(/\s+$/, '');
      lstripNext = false;
      pushData(body);
      advanceTo(end!.index + end![0].length);
      lstripNext = end![2] === '-';
      continue;
    }
    pushData(data);
    advanceTo(start);
    if (kind === '{#') {
      const close = src.indexOf('#}', start + 2);
      if (close < 0) error('Missing end of comment tag');
      lstripNext = src[close - 1] === '-' && close - 1 >= start + 2 + (hasMinus ? 1 : 0);
      advanceTo(close + 2);
      continue;
    }
    const isVar = kind === '{{';
    push(isVar ? 'var_begin' : 'block_begin', kind);
    advanceTo(start + 2 + (hasMinus || src[start + 2] === '+' ? 1 : 0));
    const endTok = isVar ? '}}' : '%}';
    let depth = 0;
    let closed = false;
    while (pos < src.length) {
      WS.lastIndex = pos;
      const ws = WS.exec(src);
      if (ws) advanceTo(pos + ws[0].length);
      if (pos >= src.length) break;
      if (depth === 0) {
        if (src.startsWith('-' + endTok, pos)) {
          push(isVar ? 'var_end' : 'block_end', endTok);
          advanceTo(pos + 3);
          lstripNext = true;
          closed = true;
          break;
        }
        if (src.startsWith(endTok, pos)) {
          push(isVar ? 'var_end' : 'block_end', endTok);
          advanceTo(pos + 2);
          closed = true;
          break;
        }
      }
      const c = src[pos]!;
      if (c === "'" || c === '"') {
        STRING.lastIndex = pos;
        const sm = STRING.exec(src);
        if (!sm) error('unexpected end of string');
        const decoded = decodePythonEscapes(sm![1] ?? sm![2]!);
        if (decoded === null) error('malformed string escape');
        push('string', sm![0], decoded);
        advanceTo(pos + sm![0].length);
        continue;
      }
      if (c >= '0' && c <= '9') {
        FLOAT.lastIndex = pos;
        const fm = FLOAT.exec(src);
        if (fm) {
          const v = Number(fm[0].replace(/_/g, ''));
          push('float', fm[0], v);
          advanceTo(pos + fm[0].length);
          continue;
        }
        INT.lastIndex = pos;
        const im = INT.exec(src);
        if (im) {
          push('int', im[0], parseIntLiteral(im[0]));
          advanceTo(pos + im[0].length);
          continue;
        }
      }
      NAME.lastIndex = pos;
      const nm = NAME.exec(src);
      if (nm) {
        push('name', nm[0]);
        advanceTo(pos + nm[0].length);
        continue;
      }
      const op = OPS.find((o) => src.startsWith(o, pos));
      if (!op) error(`unexpected char ${JSON.stringify(c)}`);
      if (op === '(' || op === '[' || op === '{') depth++;
      else if (op === ')' || op === ']' || op === '}') {
        if (depth === 0) error(`unexpected '${op}'`);
        depth--;
      }
      push('op', op!);
      advanceTo(pos + op!.length);
    }
    if (!closed) error(`unexpected end of template, expected '${endTok}'`);
  }
  tokens.push({ type: 'eof', value: '', line, column: pos - lineStart + 1 });
  return tokens;
}
