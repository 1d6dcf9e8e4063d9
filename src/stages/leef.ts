import { afterMarker, StageError, stringInput, type StageFactory } from './stage.js';
import { setOwnKey } from '../core/own-key.js';

const HEADER_KEYS = ['LEEFVersion', 'DeviceVendor', 'DeviceProduct', 'DeviceVersion', 'DeviceEventClassID'];
const HEX_DELIMITER = /^(?:0?x)([0-9a-f]{2,4})$/i;

/**
 * `leef.parse-leef` (parser-language 5.7): five header fields, then `key=value` attributes separated
 * by a tab (LEEF 1.0) or by the delimiter named in the sixth header field (LEEF 2.0: a character,
 * `xHH` or `0xHH`). Text before `LEEF:` is skipped.
 */
export const leefParse: StageFactory = {
  names: ['leef.parse-leef'],
  properties: [],
  defaultInput: 'message',
  compile() {
    return {
      run(input: unknown): unknown {
        const text = afterMarker(stringInput(input), 'LEEF:');
        const out: Record<string, string> = {};
        let pos = 0;
        for (const key of HEADER_KEYS) {
          const bar = text.indexOf('|', pos);
          if (bar === -1) throw new StageError(`LEEF header has fewer than ${HEADER_KEYS.length} fields`);
          out[key] = text.slice(pos, bar);
          pos = bar + 1;
        }
        let delimiter = '\t';
        if (out.LEEFVersion.startsWith('2')) {
          const bar = text.indexOf('|', pos);
          if (bar === -1) throw new StageError('LEEF 2.0 header has no delimiter field');
          delimiter = parseDelimiter(text.slice(pos, bar));
          pos = bar + 1;
        }
        parseAttributes(text.slice(pos), delimiter, out);
        return out;
      },
    };
  },
};

function parseDelimiter(field: string): string {
  if (field === '') return '\t';
  const hex = HEX_DELIMITER.exec(field);
  if (hex !== null) return String.fromCodePoint(parseInt(hex[1], 16));
  if (field.length === 1) return field;
  throw new StageError(`invalid LEEF 2.0 delimiter ${JSON.stringify(field)}`);
}

/** rsyslog writes a tab as `#011` (its escape of control characters): a tab delimiter still. */
const SYSLOG_TAB = '#011';
const TAB_OR_ESCAPED = /\t|#011/;

/** A piece without `=` belongs to the previous value (its delimiter was part of the value). */
function parseAttributes(text: string, delimiter: string, out: Record<string, string>): void {
  let key: string | null = null;
  let value = '';
  const pieces = delimiter === '\t' && text.includes(SYSLOG_TAB) ? text.split(TAB_OR_ESCAPED) : text.split(delimiter);
  for (const piece of pieces) {
    if (piece.trim() === '') continue;
    const eq = piece.indexOf('=');
    if (eq > 0) {
      if (key !== null) store(out, key, value);
      key = piece.slice(0, eq).trim();
      value = piece.slice(eq + 1);
    } else if (key !== null) {
      value += delimiter + piece;
    }
  }
  if (key !== null) store(out, key, value);
}

/** Values are trimmed, and one left empty gives no key (as in CEF). */
function store(out: Record<string, string>, key: string, value: string): void {
  if (key === '') return;
  const clean = value.trim();
  if (clean !== '') setOwnKey(out, key, clean);
}
