import { PyFloat } from '../core/values.js';

/** Options of prettyJson, mirroring Python's json.dumps(indent=..., ensure_ascii=...). */
export interface PrettyJsonOptions {
  indent?: number;
  /** Escape every non-ASCII character as \\uXXXX (Python's default). */
  asciiOnly?: boolean;
}

/** Python repr of a float: 6.0 keeps its ".0", exponents have at least two digits. */
function floatText(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : n < 0 ? '-Infinity' : 'NaN';
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

function stringText(s: string, asciiOnly: boolean): string {
  const json = JSON.stringify(s);
  if (!asciiOnly) return json;
  return json.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Indented JSON text keeping Python number shapes (PyFloat, bigint); key order preserved. */
export function prettyJson(value: unknown, options: PrettyJsonOptions = {}): string {
  const step = ' '.repeat(options.indent ?? 2);
  const ascii = options.asciiOnly ?? false;
  const render = (v: unknown, pad: string): string => {
    if (v === null || v === undefined) return 'null';
    if (v instanceof PyFloat) return floatText(v.value);
    switch (typeof v) {
      case 'number':
        return Number.isInteger(v) ? String(v) : floatText(v);
      case 'bigint':
        return v.toString();
      case 'boolean':
        return v ? 'true' : 'false';
      case 'string':
        return stringText(v, ascii);
    }
    const inner = pad + step;
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      return `[\n${v.map((x) => inner + render(x, inner)).join(',\n')}\n${pad}]`;
    }
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${inner}${stringText(k, ascii)}: ${render(x, inner)}`).join(',\n')}\n${pad}}`;
  };
  return render(value, '');
}
