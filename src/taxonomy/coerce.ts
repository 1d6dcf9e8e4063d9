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

const TARGET: Record<number, string> = {
  [Kind.Number]: 'a number',
  [Kind.Boolean]: 'a boolean',
  [Kind.Date]: 'a date',
  [Kind.Ip]: 'an IP address',
};

function keyword(value: unknown): Coerced {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value instanceof PyFloat) {
    return pyScalarText(value);
  }
  if (value === null) return null; // only inside lists: admission already removed top-level nulls
  if (typeof value === 'object') return pyCompactJson(value);
  return DROP;
}

function number(value: unknown): Coerced {
  if (typeof value === 'number' || typeof value === 'bigint' || value instanceof PyFloat) return value;
  if (typeof value === 'string') return parseNumericText(value) ?? DROP;
  // Python's bool is an int; write it as one so that numeric mappings accept it.
  if (typeof value === 'boolean') return value ? 1 : 0;
  return DROP;
}

function boolean(value: unknown): Coerced {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
    return DROP;
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
  const version = isIP(value);
  if (version === 4) return value;
  return version === 6 ? canonicalIp(value) : DROP;
}

const COERCERS: Record<number, ScalarCoercer> = {
  [Kind.Keyword]: keyword,
  [Kind.Number]: number,
  [Kind.Boolean]: boolean,
  [Kind.Date]: date,
  [Kind.Ip]: ip,
};

function preview(value: unknown): string {
  const text = pyCompactJson(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * Coerces `value` of the field at `path` (name segments) to `kind`. A list is coerced element by element;
 * an element that cannot be coerced is removed from the list. Warnings go to `warnings`.
 */
export function coerceValue(kind: Kind, value: unknown, path: readonly string[], warnings: string[]): Coerced {
  const coerce = COERCERS[kind];
  if (coerce === undefined) return value; // Verbatim and Container
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      // A nested list is one keyword value (JSON text) but no number, date or IP.
      const result = Array.isArray(item) ? (kind === Kind.Keyword ? pyCompactJson(item) : DROP) : coerce(item);
      if (result === DROP) warnings.push(dropMessage(kind, item, `${path.join('.')}[]`, 'element removed'));
      else out.push(result);
    }
    return out;
  }
  const result = coerce(value);
  if (result === DROP) warnings.push(dropMessage(kind, value, path.join('.'), 'field dropped'));
  return result;
}

function dropMessage(kind: Kind, value: unknown, name: string, what: string): string {
  return `${name}: cannot convert ${preview(value)} to ${TARGET[kind] ?? 'the declared type'}; ${what}`;
}
