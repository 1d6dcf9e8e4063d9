import { afterMarker, StageError, stringInput, type StageFactory } from './stage.js';
import { setOwnKey } from '../core/own-key.js';

const HEADER_KEYS = ['CEFVersion', 'DeviceVendor', 'DeviceProduct', 'DeviceVersion', 'DeviceEventClassID', 'Name', 'Severity'];

/** An extension key (`src`, `cs1Label`, `ad.user`) at the start or after a space, and its `=`. */
const EXTENSION_KEY = /(?:^|\s)([\w.\-[\]@]+)=/g;
const HEADER_ESCAPE = /\\([|\\])/g;

/**
 * `cef.parse-cef` (parser-language 5.6): the seven header fields, then one key per extension pair,
 * then each labelled custom extension (`cs1=v cs1Label=name`) once more under its label (`name: v`).
 * Anything before `CEF:` is skipped and the prefix itself is optional.
 */
export const cefParse: StageFactory = {
  names: ['cef.parse-cef'],
  properties: [],
  defaultInput: 'message',
  compile() {
    return {
      run(input: unknown): unknown {
        const text = afterMarker(stringInput(input), 'CEF:');
        const out: Record<string, string> = {};
        let pos = 0;
        for (const key of HEADER_KEYS) {
          const bar = unescapedBar(text, pos);
          if (bar === -1) throw new StageError(`CEF header has fewer than ${HEADER_KEYS.length} fields`);
          const field = text.slice(pos, bar);
          const value = (field.includes('\\') ? field.replace(HEADER_ESCAPE, '$1') : field).trim();
          // An empty header field gives no key, as an empty extension value does.
          if (value !== '') out[key] = value;
          pos = bar + 1;
        }
        parseExtension(text.slice(pos), out);
        applyLabels(out);
        return out;
      },
    };
  },
};

function unescapedBar(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 124 /* | */) return i;
  }
  return -1;
}

function parseExtension(ext: string, out: Record<string, string>): void {
  EXTENSION_KEY.lastIndex = 0;
  let key: string | null = null;
  let valueStart = 0;
  for (let m = EXTENSION_KEY.exec(ext); m !== null; m = EXTENSION_KEY.exec(ext)) {
    if (key !== null) store(out, key, ext.slice(valueStart, m.index));
    key = m[1];
    valueStart = EXTENSION_KEY.lastIndex;
  }
  if (key !== null) store(out, key, ext.slice(valueStart));
}

/**
 * Values are taken as written (no unescaping: `\\=` stays, Windows paths keep their `\\n`), the first
 * of duplicate keys wins, a value quoted whole (`"..."` or `'...'`, up to spaces) loses its quotes,
 * surrounding whitespace is removed, a backslash left dangling at the end is dropped, and a value
 * left empty gives no key.
 */
function store(out: Record<string, string>, key: string, raw: string): void {
  if (Object.prototype.hasOwnProperty.call(out, key)) return;
  const value = dropDanglingEscape(unquote(trimSpaces(raw)).trim());
  if (value !== '') setOwnKey(out, key, value);
}

/** A value ending in an odd run of backslashes: the last one escapes the separator, and goes. */
function dropDanglingEscape(text: string): string {
  let run = 0;
  while (run < text.length && text.charCodeAt(text.length - 1 - run) === 92 /* \ */) run++;
  return run % 2 === 1 ? text.slice(0, -1).trimEnd() : text;
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}

function unquote(text: string): string {
  const q = text.charCodeAt(0);
  if ((q === 34 || q === 39) && text.length >= 2 && text.charCodeAt(text.length - 1) === q) return text.slice(1, -1);
  return text;
}

const LABEL = 'Label';

/** `<base>Label=<name>` next to `<base>=<value>` adds `<name>: <value>` (cs, cn, cfp, c6a, flexString...). */
function applyLabels(out: Record<string, string>): void {
  for (const key of Object.keys(out)) {
    if (key.length <= LABEL.length || !key.endsWith(LABEL)) continue;
    const base = key.slice(0, -LABEL.length);
    const name = out[key];
    if (name === '' || !Object.prototype.hasOwnProperty.call(out, base)) continue;
    setOwnKey(out, name, out[base]);
  }
}
