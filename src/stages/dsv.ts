import { StageConfigError, StageError, type StageFactory } from './stage.js';

/**
 * `dsv.parse-dsv` (parser-language 5.5): one CSV record (double-quote quoting, `""` for a quote)
 * mapped to `columnnames` by position; extra columns are ignored, missing ones hold None
 * (Python's csv.DictReader `restval`: a declared column compares `== None`). Line breaks inside
 * a quoted field are dropped.
 */
export const dsvParse: StageFactory = {
  names: ['dsv.parse-dsv'],
  properties: ['columnnames', 'delimiter'],
  defaultInput: 'message',
  compile(properties) {
    const names = columnNames(properties.columnnames);
    const delimiter = properties.delimiter ?? ',';
    if (typeof delimiter !== 'string' || delimiter.length !== 1) {
      throw new StageConfigError('delimiter must be a single character');
    }
    if (delimiter === '"') throw new StageConfigError('delimiter cannot be the quote character');
    return {
      run(input: unknown): unknown {
        if (typeof input !== 'string') throw new StageError(`expected a string, got ${input === null ? 'None' : typeof input}`);
        const fields = splitRecord(input, delimiter, names.length);
        const out: Record<string, string | null> = {};
        for (let i = 0; i < names.length; i++) {
          const value = i < fields.length ? fields[i] : null;
          if (names[i] === '__proto__') Object.defineProperty(out, names[i], { value, enumerable: true, writable: true, configurable: true });
          else out[names[i]] = value;
        }
        return out;
      },
    };
  },
};

function columnNames(raw: unknown): string[] {
  if (typeof raw === 'string' && raw.trim() !== '') return raw.split(',').map((n) => n.trim());
  if (Array.isArray(raw) && raw.length > 0) return raw.map((n) => String(n));
  throw new StageConfigError('columnnames is required: a list of column names');
}

/** The first `max` fields of the first record of `text`. */
function splitRecord(text: string, delimiter: string, max: number): string[] {
  const fields: string[] = [];
  const len = text.length;
  let pos = 0;
  while (fields.length < max) {
    let field = '';
    if (text[pos] === '"') {
      pos++;
      for (;;) {
        const q = text.indexOf('"', pos);
        if (q === -1) {
          field += joinLines(text.slice(pos)); // unterminated quote: the field runs to the end, as csv's lenient mode
          pos = len;
          break;
        }
        field += joinLines(text.slice(pos, q));
        pos = q + 1;
        if (text[pos] === '"') {
          field += '"';
          pos++;
        } else break;
      }
    }
    // Unquoted text, or text glued after a closing quote, runs to the delimiter or the record end.
    let end = pos;
    while (end < len && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
    field += text.slice(pos, end);
    fields.push(field);
    if (end >= len || text[end] !== delimiter) break;
    pos = end + 1;
  }
  return fields;
}

/**
 * A quoted field that spans lines loses its line breaks: the reference reads the record line by
 * line (csv.reader over `text.splitlines()`), which joins the pieces of a quoted field directly.
 */
function joinLines(piece: string): string {
  return piece.includes('\n') || piece.includes('\r') ? piece.replace(/\r\n|\n|\r/g, '') : piece;
}
