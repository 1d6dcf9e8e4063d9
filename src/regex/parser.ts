import type { AssertKind, Node, ParsedPattern } from './ast.js';
import {
  ANY, DIGIT, HSPACE, NOT_NEWLINE, POSIX, SPACE, WORD, caseFold, caseVariants, complement, normalize,
  type Ranges,
} from './charset.js';
import { RegexSyntaxError } from './errors.js';

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  x: boolean;
}

const KNOWN_FLAGS = 'aiLmsux';
const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses a Python `re`/`regex`-module pattern into a flag-free syntax tree. */
export function parsePattern(pattern: string, ignoreCase = false): ParsedPattern {
  return new Parser(pattern, ignoreCase).parse();
}

class Parser {
  private pos = 0;
  private flags: Flags;
  private groupCount = 0;
  private readonly groupNames: Array<string | null> = [null];
  private readonly numberByName = new Map<string, number>();
  /** Groups whose closing parenthesis has been read (backreferences may only target them). */
  private readonly closed = new Set<number>();

  constructor(private readonly src: string, ignoreCase: boolean) {
    this.flags = { i: ignoreCase, s: false, m: false, x: false, ...globalFlags(src) };
    if (ignoreCase) this.flags.i = true;
  }

  parse(): ParsedPattern {
    const root = this.parseAlt();
    if (this.pos < this.src.length) this.fail(this.src[this.pos] === ')' ? 'unbalanced parenthesis' : 'unexpected character');
    return { root, groupCount: this.groupCount, groupNames: this.groupNames };
  }

  private fail(message: string, at = this.pos): never {
    throw new RegexSyntaxError(`${message} in pattern ${JSON.stringify(this.src)}`, this.src, at);
  }

  private parseAlt(): Node {
    const branches: Node[] = [this.parseSeq()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.parseSeq());
    }
    return branches.length === 1 ? branches[0]! : { type: 'alt', branches };
  }

  private parseSeq(): Node {
    const items: Node[] = [];
    for (;;) {
      this.skipVerbose();
      const c = this.src[this.pos];
      if (c === undefined || c === '|' || c === ')') break;
      const atom = this.parseAtom();
      if (atom === null) continue;
      items.push(this.parseQuantifiers(atom));
    }
    return items.length === 1 ? items[0]! : { type: 'seq', items };
  }

  private skipVerbose(): void {
    if (!this.flags.x) return;
    for (;;) {
      const c = this.src[this.pos];
      if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else if (c !== undefined && ' \t\n\r\f\v'.includes(c)) this.pos++;
      else return;
    }
  }

  private parseQuantifiers(atom: Node): Node {
    let node = atom;
    let quantified = false;
    for (;;) {
      this.skipVerbose();
      const start = this.pos;
      const bounds = this.readQuantifier();
      if (bounds === null) return node;
      if (quantified) this.fail('multiple repeat', start);
      if (node.type === 'assert') this.fail('nothing to repeat', start);
      let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy';
      if (this.src[this.pos] === '?') {
        mode = 'lazy';
        this.pos++;
      } else if (this.src[this.pos] === '+') {
        mode = 'possessive';
        this.pos++;
      }
      node = { type: 'quant', body: node, min: bounds[0], max: bounds[1], mode };
      quantified = true;
    }
  }

  private readQuantifier(): [number, number] | null {
    const c = this.src[this.pos];
    if (c === '*') return this.pos++, [0, Infinity];
    if (c === '+') return this.pos++, [1, Infinity];
    if (c === '?') return this.pos++, [0, 1];
    if (c !== '{') return null;
    const m = /^\{(\d*)(,?)(\d*)\}/.exec(this.src.slice(this.pos, this.pos + 24));
    if (!m || (m[1] === '' && m[2] === '')) return null; // a literal brace, as in Python
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === '' ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (max < min) this.fail('min repeat greater than max repeat');
    this.pos += m[0].length;
    return [min, max];
  }

  private parseAtom(): Node | null {
    const c = this.src[this.pos]!;
    switch (c) {
      case '(':
        return this.parseGroup();
      case '[':
        return this.parseClass();
      case '.':
        this.pos++;
        return { type: 'class', ranges: this.flags.s ? ANY : NOT_NEWLINE, negated: false };
      case '^':
        this.pos++;
        return { type: 'assert', kind: this.flags.m ? 'lineStart' : 'start' };
      case '$':
        this.pos++;
        return { type: 'assert', kind: this.flags.m ? 'lineEnd' : 'endOptNl' };
      case '*':
      case '+':
      case '?':
        return this.fail('nothing to repeat');
      case '{': {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(this.src.slice(this.pos, this.pos + 24));
        if (m && (m[1] !== '' || m[2] !== '')) return this.fail('nothing to repeat');
        this.pos++;
        return this.literal(0x7b);
      }
      case '\\':
        return this.parseEscape();
      default:
        return this.parseLiteralChar();
    }
  }

  private parseLiteralChar(): Node {
    const code = this.src.codePointAt(this.pos)!;
    if (code > 0xffff) {
      this.pos += 2;
      return this.astral(code);
    }
    this.pos++;
    return this.literal(code);
  }

  private astral(code: number): Node {
    const s = String.fromCodePoint(code);
    return { type: 'group', atomic: false, body: { type: 'seq', items: [this.literal(s.charCodeAt(0)), this.literal(s.charCodeAt(1))] } };
  }

  private literal(unit: number): Node {
    if (this.flags.i && caseVariants(unit).length > 0) {
      return { type: 'class', ranges: caseFold([[unit, unit]]), negated: false };
    }
    return { type: 'char', unit };
  }

  private parseGroup(): Node | null {
    const open = this.pos;
    this.pos++;
    if (this.src[this.pos] !== '?') return this.capture(null, open);
    this.pos++;
    const c = this.src[this.pos];
    const rest = this.src.slice(this.pos);
    if (c === ':') return this.pos++, this.groupBody({ type: 'group', atomic: false }, open);
    if (c === '>') return this.pos++, this.groupBody({ type: 'group', atomic: true }, open);
    if (c === '=' || c === '!') {
      this.pos++;
      return this.groupBody({ type: 'look', behind: false, negate: c === '!' }, open);
    }
    if (rest.startsWith('<=') || rest.startsWith('<!')) {
      this.pos += 2;
      return this.groupBody({ type: 'look', behind: true, negate: rest[1] === '!' }, open);
    }
    if (c === '#') {
      const close = this.src.indexOf(')', this.pos);
      if (close < 0) this.fail('missing ), unterminated comment', open);
      this.pos = close + 1;
      return null;
    }
    const named = /^P?<([^>]*)>/.exec(rest);
    if (named) {
      this.pos += named[0].length;
      return this.capture(this.checkName(named[1]!, open), open);
    }
    const ref = /^P=([^)]*)\)/.exec(rest);
    if (ref) {
      this.pos += ref[0].length;
      return this.backrefByName(ref[1]!, open);
    }
    const flags = /^([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
    if (flags) return this.inlineFlags(flags[1]!, flags[2], flags[3] === ':', open, flags[0].length);
    if (c === '(') this.fail('conditional groups (?(...)...) have no JavaScript equivalent', open);
    if (c === '|') this.fail('branch reset groups (?|...) have no JavaScript equivalent', open);
    if (c === 'R' || c === '&' || /^P>|^\d/.test(rest)) this.fail('recursive patterns have no JavaScript equivalent', open);
    return this.fail('unknown extension ?' + (c ?? ''), open);
  }

  private inlineFlags(on: string, off: string | undefined, scoped: boolean, open: number, length: number): Node | null {
    for (const f of on + (off ?? '')) {
      if (!KNOWN_FLAGS.includes(f)) this.fail(`unknown flag ${f}`, open);
      if (f === 'L') this.fail('the LOCALE flag (?L) is not supported', open);
    }
    this.pos += length;
    if (!scoped) {
      if (off !== undefined) this.fail('missing :', open);
      return null; // global flags were applied up front (see globalFlags)
    }
    const saved = this.flags;
    this.flags = { ...saved };
    for (const f of on) if (f in this.flags) this.flags[f as keyof Flags] = true;
    for (const f of off ?? '') if (f in this.flags) this.flags[f as keyof Flags] = false;
    try {
      return this.groupBody({ type: 'group', atomic: false }, open);
    } finally {
      this.flags = saved;
    }
  }

  private checkName(name: string, at: number): string {
    if (!GROUP_NAME.test(name)) this.fail(`bad character in group name ${JSON.stringify(name)}`, at);
    return name;
  }

  private capture(name: string | null, open: number): Node {
    let number: number;
    if (name !== null && this.numberByName.has(name)) number = this.numberByName.get(name)!;
    else {
      number = ++this.groupCount;
      this.groupNames[number] = name;
      if (name !== null) this.numberByName.set(name, number);
    }
    const node = this.groupBody({ type: 'capture', name, number }, open);
    this.closed.add(number);
    return node;
  }

  private groupBody<T extends object>(head: T, open: number): Node {
    const saved = this.flags;
    this.flags = { ...saved };
    const body = this.parseAlt();
    this.flags = saved;
    if (this.src[this.pos] !== ')') this.fail('missing ), unterminated subpattern', open);
    this.pos++;
    return { ...head, body } as unknown as Node;
  }

  private backrefByName(name: string, at: number): Node {
    const number = this.numberByName.get(name);
    if (number === undefined) this.fail(`unknown group name ${JSON.stringify(name)}`, at);
    return this.backref(number, at);
  }

  private backref(number: number, at: number): Node {
    if (number > this.groupCount) this.fail(`invalid group reference ${number}`, at);
    if (!this.closed.has(number)) this.fail('cannot refer to an open group', at);
    return { type: 'backref', number };
  }

  private parseEscape(): Node {
    const at = this.pos;
    const c = this.src[this.pos + 1];
    if (c === undefined) this.fail('bad escape (end of pattern)', at);
    this.pos += 2;
    const assert: Record<string, AssertKind> = { A: 'start', Z: 'end', z: 'end', b: 'word', B: 'nonword' };
    if (c in assert) return { type: 'assert', kind: assert[c]! };
    const cls = classEscape(c);
    if (cls) return { type: 'class', ranges: cls, negated: false };
    if (c === 'g') {
      const m = /^<([^>]+)>/.exec(this.src.slice(this.pos));
      if (!m) this.fail('missing group name after \\g', at);
      this.pos += m[0].length;
      return /^\d+$/.test(m[1]!) ? this.backref(Number(m[1]), at) : this.backrefByName(m[1]!, at);
    }
    if (c >= '1' && c <= '9') {
      const oct = /^[0-7]{2}/.exec(this.src.slice(this.pos));
      if (c <= '7' && oct) {
        this.pos += 2;
        return this.octal(c + oct[0], at);
      }
      const digits = /^\d?/.exec(this.src.slice(this.pos))![0];
      this.pos += digits.length;
      return this.backref(Number(c + digits), at);
    }
    this.pos = at;
    return this.literal(this.readCharEscape(false));
  }

  private octal(digits: string, at: number): Node {
    const v = parseInt(digits, 8);
    if (v > 0o377) this.fail(`octal escape value \\${digits} outside of range 0-0o377`, at);
    return this.literal(v);
  }

  /** Reads an escape that denotes one character (at `\`); returns its code unit. */
  private readCharEscape(inClass: boolean): number {
    const at = this.pos;
    const c = this.src[this.pos + 1]!;
    this.pos += 2;
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11, a: 7 };
    if (c in simple) return simple[c]!;
    if (inClass && c === 'b') return 8;
    if (c === 'x' || c === 'u' || c === 'U') {
      const len = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = this.src.slice(this.pos, this.pos + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) this.fail(`incomplete escape \\${c}${hex}`, at);
      this.pos += len;
      const v = parseInt(hex, 16);
      if (v > 0x10ffff) this.fail(`bad escape \\${c}${hex}`, at);
      if (v > 0xffff) this.fail('characters outside the Basic Multilingual Plane are only supported as literal text', at);
      return v;
    }
    if (c >= '0' && c <= '7') {
      const m = /^[0-7]{0,2}/.exec(this.src.slice(this.pos))![0];
      if (c !== '0' && !inClass && m.length < 2) this.fail('bad escape', at);
      this.pos += m.length;
      const v = parseInt(c + m, 8);
      if (v > 0o377) this.fail(`octal escape value outside of range 0-0o377`, at);
      return v;
    }
    if (c === 'N' || c === 'p' || c === 'P') this.fail(`\\${c} escapes (Unicode names/properties) are not supported`, at);
    if (/[A-Za-z0-9]/.test(c)) this.fail(`bad escape \\${c}`, at);
    const code = this.src.codePointAt(at + 1)!;
    if (code > 0xffff) this.fail('characters outside the Basic Multilingual Plane are not supported after a backslash', at);
    return code;
  }

  private parseClass(): Node {
    const open = this.pos;
    this.pos++;
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const ranges: Array<readonly [number, number]> = [];
    let first = true;
    for (;;) {
      if (this.pos >= this.src.length) this.fail('unterminated character set', open);
      if (this.src[this.pos] === ']' && !first) break;
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.pos));
      if (posix) {
        const set = POSIX[posix[2]!];
        if (!set) this.fail(`unknown POSIX class [:${posix[2]}:]`, this.pos);
        ranges.push(...(posix[1] ? complement(set) : set));
        this.pos += posix[0].length;
        continue;
      }
      const lo = this.classAtom();
      if (typeof lo !== 'number') {
        ranges.push(...lo);
        continue;
      }
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        const dash = this.pos;
        this.pos++;
        const hi = this.classAtom();
        if (typeof hi !== 'number' || hi < lo) this.fail('bad character range', dash);
        ranges.push([lo, hi]);
      } else ranges.push([lo, lo]);
    }
    this.pos++;
    const set = this.flags.i ? caseFold(ranges) : normalize(ranges);
    return { type: 'class', ranges: set, negated };
  }

  /** One class member: a code unit, or a set for `\d`-like escapes. */
  private classAtom(): number | Ranges {
    const c = this.src[this.pos]!;
    if (c !== '\\') {
      const code = this.src.codePointAt(this.pos)!;
      if (code > 0xffff) this.fail('characters outside the Basic Multilingual Plane are not supported in a character set');
      this.pos++;
      return code;
    }
    const e = this.src[this.pos + 1];
    if (e === undefined) this.fail('bad escape (end of pattern)');
    const cls = classEscape(e);
    if (cls) {
      this.pos += 2;
      return cls;
    }
    return this.readCharEscape(true);
  }
}

function classEscape(c: string): Ranges | null {
  switch (c) {
    case 'd': return DIGIT;
    case 'D': return complement(DIGIT);
    case 'w': return WORD;
    case 'W': return complement(WORD);
    case 's': return SPACE;
    case 'S': return complement(SPACE);
    case 'h': return HSPACE;
    default: return null;
  }
}

/**
 * Flags written as `(?flags)` apply to the whole pattern wherever they stand, as in the
 * `regex` module's version-0 behaviour (Python's `re` only accepts them at the start).
 */
function globalFlags(src: string): Partial<Flags> {
  const out: Partial<Flags> = {};
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') {
      inClass = true;
      if (src[i + 1] === '^') i++;
      if (src[i + 1] === ']') i++;
    } else if (c === '(' && src[i + 1] === '?') {
      const m = /^\(\?([a-zA-Z]+)\)/.exec(src.slice(i));
      if (m) for (const f of m[1]!) if (f === 'i' || f === 's' || f === 'm' || f === 'x') out[f] = true;
    }
  }
  return out;
}
