import { StageConfigError, StageError, type StageFactory } from './stage.js';
import { setOwnKey } from '../core/own-key.js';

/**
 * `kv.parse-kv` (parser-language 5.4): `key<value_sep>value` pairs separated by `item_sep`, both
 * regular expressions (a separator that does not compile is taken literally). A value runs to the
 * next item separator that is followed by `key<value_sep>`, so it may hold spaces and separators;
 * a value starting with `"` runs to the closing quote, which is removed.
 */
export const kvParse: StageFactory = {
  names: ['kv.parse-kv', 'kv.parseKV'],
  defaultInput: 'message',
  compile(properties) {
    const item = separator(properties.item_sep, '\\s', 'item_sep');
    const value = separator(properties.value_sep, '=', 'value_sep');
    // A key: characters that start neither an item nor a value separator.
    const key = `(?:(?!${item}|${value})[^])+`;
    const head = new RegExp(`(${key})(?:${value})`, 'y');
    const boundary = new RegExp(`(?:${item})(?=${key}(?:${value}))`, 'g');
    const itemAt = new RegExp(`(?:${item})`, 'y');
    return {
      run(input: unknown): unknown {
        if (typeof input !== 'string') throw new StageError(`expected a string, got ${input === null ? 'None' : typeof input}`);
        return splitPairs(input, head, boundary, itemAt);
      },
    };
  },
};

function separator(raw: unknown, fallback: string, name: string): string {
  if (raw === undefined || raw === null) return `(?:${fallback})`;
  if (typeof raw !== 'string' || raw === '') throw new StageConfigError(`${name} must be a non-empty string`);
  try {
    new RegExp(raw);
    if (new RegExp(raw).test('')) throw new StageConfigError(`${name} ${JSON.stringify(raw)} matches the empty string`);
    return `(?:${raw})`;
  } catch (err) {
    if (err instanceof StageConfigError) throw err;
    return `(?:${raw.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')})`; // not a regex: a literal separator
  }
}

function splitPairs(text: string, head: RegExp, boundary: RegExp, itemAt: RegExp): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < text.length) {
    head.lastIndex = pos;
    const m = head.exec(text);
    if (m === null) {
      pos = nextItem(text, pos, boundary); // text that is not a pair: skip it
      continue;
    }
    const key = m[1].trim();
    let start = head.lastIndex;
    let value: string;
    if (text.charCodeAt(start) === 34 /* " */) {
      const close = closingQuote(text, start + 1);
      if (close !== -1) {
        value = text.slice(start + 1, close);
        pos = close + 1;
        itemAt.lastIndex = pos;
        if (pos < text.length && !itemAt.test(text)) {
          // Text glued after the closing quote belongs to the value up to the next pair.
          const end = boundaryFrom(text, pos, boundary);
          value = text.slice(start, end.at);
          pos = end.next;
        } else if (pos < text.length) pos = itemAt.lastIndex;
        store(out, key, value);
        continue;
      }
    }
    const end = boundaryFrom(text, start, boundary);
    value = text.slice(start, end.at);
    pos = end.next;
    store(out, key, value);
  }
  return out;
}

function store(out: Record<string, string>, key: string, value: string): void {
  if (key === '') return;
  setOwnKey(out, key, value);
}

function closingQuote(text: string, from: number): number {
  let q = text.indexOf('"', from);
  while (q !== -1 && text.charCodeAt(q - 1) === 92 /* \ */) q = text.indexOf('"', q + 1);
  return q;
}

/** Where the value starting at `from` ends (`at`) and where the next pair starts (`next`). */
function boundaryFrom(text: string, from: number, boundary: RegExp): { at: number; next: number } {
  boundary.lastIndex = from;
  const b = boundary.exec(text);
  if (b === null) return { at: text.length, next: text.length };
  return { at: b.index, next: b.index + b[0].length };
}

function nextItem(text: string, pos: number, boundary: RegExp): number {
  return boundaryFrom(text, pos, boundary).next;
}
