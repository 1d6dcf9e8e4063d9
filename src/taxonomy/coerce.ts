/** Type coercion of one declared field's value (normalized-event section 6). */
import { isIP } from 'node:net';
import { PyFloat } from '../core/values.js';
import { normalizeDateString } from '../time/index.js';
import { Kind } from './field-types.js';
import { canonicalIp } from './ip-text.js';
import { parseNumericText } from './numeric-text.js';
import { pyCompactJson, pyScalarText } from './python-format.js';

/** Returned when a value cannot be coerced: the caller drops the field. */
export const DROP: unique symbol = Symbol('drop');
export type Coerced = unknown | typeof DROP;

type ScalarCoercer = (value: unknown) => Coerced;

function keyword(value: unknown): Coerced {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value instanceof PyFloat) {
    return pyScalarText(value);
  }
  if (value === null) return DROP; // a None field value is no value (a None list element: coerceValue)
  if (typeof value === 'object') return pyCompactJson(value);
  return DROP;
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** A number field holds signed 64-bit integers: a larger one saturates at the bound. */
function saturate(value: number | bigint | PyFloat): number | bigint | PyFloat {
  if (typeof value !== 'bigint') return value;
  return value > LONG_MAX ? LONG_MAX : value < LONG_MIN ? LONG_MIN : value;
}

function number(value: unknown): Coerced {
  if (typeof value === 'number' || value instanceof PyFloat) return value;
  if (typeof value === 'bigint') return saturate(value);
  if (typeof value === 'string') {
    const n = parseNumericText(value);
    return n === undefined ? DROP : saturate(n);
  }
  // Python's bool is an int; write it as one so that numeric mappings accept it.
  if (typeof value === 'boolean') return value ? 1 : 0;
  return DROP;
}

function boolean(value: unknown): Coerced {
  if (typeof value === 'boolean') return value;
  // Any other text is false ("100" and a country name give false: docs/catalog-rules/taxonomy.md).
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    return lower === 'true' || lower === '1';
  }
  if (typeof value === 'number' || value instanceof PyFloat) {
    const n = typeof value === 'number' ? value : value.value;
    return n === 1 ? true : n === 0 ? false : DROP;
  }
  return DROP;
}

function date(value: unknown): Coerced {
  if (typeof value === 'string') return normalizeDateString(value) ?? DROP;
  // Epoch numbers stay as written (spec 6.1, custom date fields).
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat) return value;
  return DROP;
}

/** Python's `ipaddress` canonical text (`0000:0AB::1` becomes `0:ab::1`). */
function ip(value: unknown): Coerced {
  if (typeof value !== 'string') return DROP;
  // Surrounding blanks go (" 1.2.3.4" gives 1.2.3.4).
  let text = value;
  let version = isIP(text);
  if (version === 0 && text !== (text = text.trim())) version = isIP(text);
  if (version === 4) return text;
  return version === 6 ? canonicalIp(text) : DROP;
}

const COERCERS: Record<number, ScalarCoercer> = {
  [Kind.Keyword]: keyword,
  [Kind.Number]: number,
  [Kind.Boolean]: boolean,
  [Kind.Date]: date,
  [Kind.Ip]: ip,
};

/**
 * Coerces `value` to `kind`. A list is coerced element by element; an element that cannot be
 * coerced is removed from the list. Values that cannot be coerced go silently, as the
 * reference drops them: the catalog's tests expect no warning (`server.ip: "5.6.7.8 ]"` or an
 * empty number are simply absent; evidence in docs/catalog-rules/taxonomy.md).
 */
export function coerceValue(kind: Kind, value: unknown): Coerced {
  const coerce = COERCERS[kind];
  if (coerce === undefined) return value; // Verbatim and Container
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      // A nested list is one keyword value (JSON text) but no number, date or IP.
      // None in a keyword list is JSON's text, as objects are; a None field value is no value.
      const result = Array.isArray(item) ? (kind === Kind.Keyword ? pyCompactJson(item) : DROP) : item === null && kind === Kind.Keyword ? 'null' : coerce(item);
      if (result !== DROP) out.push(result);
    }
    return out;
  }
  return coerce(value);
}
