import { setOwnKey } from '../core/own-key.js';

/** The regexes of one kv.parse-kv configuration, compiled once per format. */
export interface KvSyntax {
  /** Sticky: `key<value_sep>` at the current position; group 1 is the key. */
  head: RegExp;
  /** Global: where an unquoted value ends (an item separator before the next pair or section). */
  boundary: RegExp;
  /** Sticky: the boundary at the current position. */
  boundaryAt: RegExp;
  /** Sticky: an item separator at the current position. */
  itemAt: RegExp;
  /** Sticky, sections only: `name<item_sep>` after `[`; group 1 is the name. */
  sectionName: RegExp | null;
}

/** `item` and `value` are regex sources already wrapped in `(?:...)`. */
export function compileKvSyntax(options: { item: string; value: string; groups: boolean }): KvSyntax {
  const { item, value, groups } = options;
  // A key: characters that start neither an item nor a value separator (nor a section bracket).
  const key = groups ? `(?:(?!${item}|${value}|[[\\]])[^])+` : `(?:(?!${item}|${value})[^])+`;
  const next = groups ? `${key}(?:${value})|[[\\]]` : `${key}(?:${value})`;
  // Only a whitespace separator lets a value run over separators to the next pair.
  const spaced = new RegExp(`^${item}$`).test(' ');
  return {
    head: new RegExp(`(${key})(?:${value})`, 'y'),
    boundary: spaced ? new RegExp(`(?:${item})(?=${next})`, 'g') : new RegExp(`(?:${item})`, 'g'),
    boundaryAt: spaced ? new RegExp(`(?:${item})(?=${next})`, 'y') : new RegExp(`(?:${item})`, 'y'),
    itemAt: new RegExp(`(?:${item})`, 'y'),
    sectionName: groups ? new RegExp(`(${key})(?:${item})`, 'y') : null,
  };
}

/** The pairs of `text`; with sections, `[name ...]` nests its pairs under `name`. */
export function splitPairs(text: string, syntax: KvSyntax): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  new Splitter(text, syntax).level(out, 0);
  return out;
}

const OPEN = 91; // [
const CLOSE = 93; // ]
const QUOTE = 34; // "
const APOSTROPHE = 39; // '
/** Sections nest at most this deep; deeper brackets are read as text. */
const MAX_DEPTH = 32;

class Splitter {
  private pos = 0;

  constructor(private readonly text: string, private readonly syntax: KvSyntax) {}

  /** Reads pairs into `out` up to the `]` closing this level (consumed) or the end of the text. */
  level(out: Record<string, unknown>, depth: number): void {
    const { text, syntax } = this;
    const sections = syntax.sectionName !== null;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (sections && c === CLOSE) {
        this.pos++;
        if (depth > 0) return;
        continue; // a stray `]` at the top level
      }
      if (sections && c === OPEN && depth < MAX_DEPTH) {
        this.pos++;
        this.section(out, depth + 1);
        continue;
      }
      syntax.itemAt.lastIndex = this.pos;
      if (syntax.itemAt.test(text)) {
        this.pos = syntax.itemAt.lastIndex;
        continue;
      }
      syntax.head.lastIndex = this.pos;
      const m = syntax.head.exec(text);
      if (m === null) {
        this.pos = this.boundaryFrom(this.pos).next; // text that is not a pair: skip it
        continue;
      }
      this.pos = syntax.head.lastIndex;
      const key = m[1].trim();
      const value = this.value();
      if (key !== '') setOwnKey(out, key, value);
    }
  }

  /** After `[`: `name ...]` nests under name; `k=v ...]` (no name) adds to the enclosing level. */
  private section(out: Record<string, unknown>, depth: number): void {
    const { text, syntax } = this;
    syntax.head.lastIndex = this.pos;
    if (syntax.head.test(text)) {
      this.level(out, depth);
      return;
    }
    const name = syntax.sectionName!;
    name.lastIndex = this.pos;
    const m = name.exec(text);
    if (m === null) {
      this.level(out, depth);
      return;
    }
    this.pos = name.lastIndex;
    const key = m[1].trim();
    const existing = Object.prototype.hasOwnProperty.call(out, key) ? out[key] : undefined;
    const inner = typeof existing === 'object' && existing !== null && !Array.isArray(existing)
      ? existing as Record<string, unknown>
      : {};
    this.level(inner, depth);
    if (key !== '') setOwnKey(out, key, inner);
  }

  /**
   * The value starting at `pos`; leaves `pos` after it and its item separator. A quoted value is
   * one only when its closing quote ends the item (the next pair, a section bracket or the end
   * follows); otherwise the quote is text like any other. The text between quotes is trimmed.
   */
  private value(): string {
    const { text } = this;
    const start = this.pos;
    const quote = text.charCodeAt(start);
    if (quote === QUOTE || quote === APOSTROPHE) {
      const close = closingQuote(text, start + 1, quote === QUOTE ? '"' : "'");
      if (close !== -1) {
        const after = close + 1;
        if (isBlank(text, after)) {
          this.pos = text.length;
          return text.slice(start + 1, close).trim();
        }
        const { boundaryAt } = this.syntax;
        boundaryAt.lastIndex = after;
        if (boundaryAt.test(text)) {
          this.pos = boundaryAt.lastIndex;
          return text.slice(start + 1, close).trim();
        }
        if (this.syntax.sectionName !== null && text.charCodeAt(after) === CLOSE) {
          this.pos = after;
          return text.slice(start + 1, close).trim();
        }
      }
    }
    const end = this.boundaryFrom(start);
    this.pos = end.next;
    return outerQuotesOff(text.slice(start, end.at)).trim();
  }

  /** Where the value starting at `from` ends (`at`) and where the next item starts (`next`). */
  private boundaryFrom(from: number): { at: number; next: number } {
    const { boundary } = this.syntax;
    boundary.lastIndex = from;
    const b = boundary.exec(this.text);
    if (b === null) return { at: this.text.length, next: this.text.length };
    return { at: b.index, next: b.index + b[0].length };
  }
}

/**
 * An unquoted value that still starts and ends with the same quote (`""a=b""`, the closing quote
 * not ending the item) loses that one outer pair; a value with blanks after its quote keeps it.
 */
function outerQuotesOff(value: string): string {
  const q = value.charCodeAt(0);
  if (value.length >= 2 && (q === QUOTE || q === APOSTROPHE) && value.charCodeAt(value.length - 1) === q) return value.slice(1, -1);
  return value;
}

function isBlank(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) > 32) return false;
  return true;
}

function closingQuote(text: string, from: number, quote: string): number {
  let q = text.indexOf(quote, from);
  while (q !== -1 && text.charCodeAt(q - 1) === 92 /* \ */) q = text.indexOf(quote, q + 1);
  return q;
}
