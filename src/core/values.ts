/**
 * Python value model shared by the whole engine.
 *
 * - None            -> null
 * - Jinja undefined -> undefined (never stored in an event)
 * - int             -> number (integral) or bigint (outside the safe range)
 * - float           -> number when it has a fraction, PyFloat when it is integral (6.0),
 *                      so that str() and JSON output keep the ".0" the reference prints
 * - str, bool       -> string, boolean
 * - list / dict     -> Array / plain object (own enumerable keys only are ever read)
 * - tuple           -> PyTuple (an Array subclass, rendered with parentheses)
 */
/** How JSON.stringify renders a PyFloat; core/json's fast serializer swaps in a marker. */
export const pyFloatJson: { render: (value: number) => unknown } = { render: (value) => value };

export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  toJSON(): unknown {
    return pyFloatJson.render(this.value);
  }
}

export class PyTuple<T = unknown> extends Array<T> {
  static fromArray<T>(items: readonly T[]): PyTuple<T> {
    const t = new PyTuple<T>();
    for (const item of items) t.push(item);
    return t;
  }
}

/** A Python float as the engine stores it: PyFloat when integral, a plain number otherwise. */
export function pyFloat(n: number): number | PyFloat {
  return Number.isInteger(n) ? new PyFloat(n) : n;
}

/** True for Python int, float and (like Jinja's `number` test) bool is excluded here. */
export function isNumeric(v: unknown): v is number | bigint | PyFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof PyFloat;
}

/** The JS number behind a Python int or float. */
export function toNumber(v: number | bigint | PyFloat): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.value;
}

export function isFloat(v: unknown): boolean {
  return v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
}

export function isDict(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PyFloat);
}
