/**
 * Python literal parser (ast.literal_eval subset, rule 4.2): strings with escapes and implicit
 * concatenation, True/False/None, ints (0x/0o/0b, `_`, sign), floats, lists, tuples (stored as
 * lists), dicts, nesting, trailing commas. `true`/`false`/`null` are not literals.
 */
import { FrequentError } from '../core/errors.js';
import { decodePythonEscapes } from './escapes.js';
import { floatRepr, normInt } from './runtime.js';
import { dictSet } from './access.js';
import { PyFloat, pyFloat } from '../core/values.js';

/** `bareTuple`: the text is items separated by top-level commas (`{...}, {...}`), no brackets. */
export type LiteralResult = { ok: true; value: unknown; bareTuple?: boolean } | { ok: false };

const FAIL: LiteralResult = Object.freeze({ ok: false });
const MAX_DEPTH = 100;
/** How a literal can start; a letter only as True/False/None or a string prefix before its quote. */
const FIRST_CHAR = /^(?:[-+.\d'"[({]|True|False|None|[rRuUbBfF]{1,2}['"])/;
const NUMBER = /(?:0[xX](?:_?[\da-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+)|(?:\d(?:_?\d)*)?\.?(?:\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?/y;
const IDENT_CHAR = /[\p{L}\p{N}_]/u;
const EMPTY_DICT_FIRST = /^\{\s*\}/;
const STRING_START = /([rRuUbBfF]{0,2})('''|"""|'|")/y;

/** Not a literal: frequent (plain text values), so without a stack. */
class Fail extends FrequentError {}
const fail = (): never => {
  throw new Fail('not a Python literal');
};

class LiteralParser {
  private i = 0;
  bareTuple = false;
  constructor(private readonly s: string) {}

  parse(): unknown {
    this.ws();
    let v = this.value(0);
    this.ws();
    if (this.s[this.i] === ',') {
      const items = [v];
      while (this.s[this.i] === ',') {
        this.i++;
        this.ws();
        if (this.i >= this.s.length) break;
        items.push(this.value(0));
        this.ws();
      }
      v = items;
      this.bareTuple = true;
    }
    if (this.i !== this.s.length) fail();
    return v;
  }

  private ws(): void {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') this.i++;
      else if (c === '\\' && s[this.i + 1] === '\n') this.i += 2;
      else if (c === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else return;
    }
  }

  private value(depth: number): unknown {
    if (depth > MAX_DEPTH) fail();
    const s = this.s;
    const c = s[this.i];
    if (c === '[') return this.seq(']', depth);
    if (c === '(') {
      this.i++;
      this.ws();
      if (s[this.i] === ')') {
        this.i++;
        return [];
      }
      const first = this.value(depth + 1);
      this.ws();
      if (s[this.i] === ')') {
        this.i++;
        return first; // parenthesised expression, not a tuple
      }
      if (s[this.i] !== ',') fail();
      const items = [first];
      while (s[this.i] === ',') {
        this.i++;
        this.ws();
        if (s[this.i] === ')') break;
        items.push(this.value(depth + 1));
        this.ws();
      }
      if (s[this.i] !== ')') fail();
      this.i++;
      return items;
    }
    if (c === '{') return this.dict(depth);
    if (c === '-' || c === '+') {
      this.i++;
      this.ws();
      const n = this.number();
      if (c === '+') return n;
      if (n instanceof PyFloat) return pyFloat(-n.value);
      if (typeof n === 'bigint') return normInt(-n);
      return n === 0 ? 0 : -(n as number);
    }
    if (c !== undefined && ((c >= '0' && c <= '9') || c === '.')) return this.number();
    for (const [word, v] of [
      ['True', true],
      ['False', false],
      ['None', null],
    ] as const) {
      if (s.startsWith(word, this.i) && !IDENT_CHAR.test(s[this.i + word.length] ?? '')) {
        this.i += word.length;
        return v;
      }
    }
    return this.strings();
  }

  private seq(close: string, depth: number): unknown[] {
    this.i++;
    const items: unknown[] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === close) {
        this.i++;
        return items;
      }
      items.push(this.value(depth + 1));
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) fail();
    }
  }

  private dict(depth: number): Record<string, unknown> {
    this.i++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const key = this.value(depth + 1);
      this.ws();
      if (this.s[this.i] !== ':') fail(); // sets are not stored
      this.i++;
      this.ws();
      const v = this.value(depth + 1);
      if (Array.isArray(key) || (typeof key === 'object' && key !== null && !(key instanceof PyFloat))) fail();
      dictSet(out, keyString(key), v);
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') fail();
    }
  }

  private number(): number | bigint | PyFloat {
    const s = this.s;
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(s);
    const text = m ? m[0] : '';
    if (!text || text === '.' || !/\d/.test(text)) fail();
    const end = this.i + text.length;
    if (IDENT_CHAR.test(s[end] ?? '') || s[end] === '.') fail();
    this.i = end;
    const clean = text.replace(/_/g, '');
    if (/^0[xXoObB]/.test(clean)) return normInt(BigInt(clean.toLowerCase()));
    if (/[.eE]/.test(clean)) return pyFloat(Number(clean));
    if (/^0+\d/.test(clean) && /[1-9]/.test(clean)) fail(); // 0777 is not valid Python 3
    return normInt(BigInt(clean));
  }

  private strings(): string {
    let out = '';
    let any = false;
    for (;;) {
      STRING_START.lastIndex = this.i;
      const m = STRING_START.exec(this.s);
      if (!m) break;
      const prefix = m[1]!.toLowerCase();
      if (prefix.includes('b') || prefix.includes('f') || (prefix.length === 2 && prefix !== 'ur' && prefix !== 'ru' && prefix !== 'rr') || prefix === 'ur' || prefix === 'ru') fail();
      const raw = prefix.includes('r');
      const quote = m[2]!;
      let j = this.i + m[0].length;
      const start = j;
      for (;;) {
        if (j >= this.s.length) fail();
        const c = this.s[j]!;
        if (c === '\\') {
          j += 2;
          continue;
        }
        if (quote.length === 1 && c === '\n') fail();
        if (this.s.startsWith(quote, j)) break;
        j++;
      }
      const body = this.s.slice(start, j);
      const decoded = raw ? body : decodePythonEscapes(body);
      if (decoded === null) fail();
      out += decoded;
      any = true;
      this.i = j + quote.length;
      this.ws();
    }
    if (!any) fail();
    return out;
  }
}

function keyString(k: unknown): string {
  if (typeof k === 'string') return k;
  if (k === null) return 'None';
  if (typeof k === 'boolean') return k ? 'True' : 'False';
  if (k instanceof PyFloat) return floatRepr(k.value);
  if (typeof k === 'number') return Number.isInteger(k) ? String(k) : floatRepr(k);
  return String(k);
}

export function parsePythonLiteral(text: string): LiteralResult {
  const s = text.trim();
  if (!s || !FIRST_CHAR.test(s)) return FAIL;
  // A dict with an entry has a colon: without one, a text opening a brace is a literal only when
  // that dict is empty. Rejects Windows GUIDs (`{5477...-...}`) without a throw in the parser.
  if (s.charCodeAt(0) === 0x7b && !s.includes(':') && !s.includes('#') && !EMPTY_DICT_FIRST.test(s)) return FAIL;
  try {
    const parser = new LiteralParser(s);
    const value = parser.parse();
    return parser.bareTuple ? { ok: true, value, bareTuple: true } : { ok: true, value };
  } catch (e) {
    if (e instanceof Fail) return FAIL;
    throw e;
  }
}
