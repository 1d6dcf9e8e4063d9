/** Python `int()` / `float()` of a string, as number coercion uses them (spec 6.1). */
import { PyFloat, pyFloat } from '../core/values.js';

const INT_LITERAL = /^\s*[+-]?\d+(?:_\d+)*\s*$/;
const FLOAT_LITERAL = /^\s*[+-]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][+-]?\d+(?:_\d+)*)?\s*$/;

/**
 * An integer literal gives an int (bigint beyond 2^53), any other decimal literal a float.
 * `inf`/`nan` (and overflow to infinity) are refused: they have no JSON form.
 */
const PLAIN_INT = /^-?[0-9]{1,15}$/;

export function parseNumericText(text: string): number | bigint | PyFloat | undefined {
  if (PLAIN_INT.test(text)) return Number(text); // the common case, exact in a double
  if (INT_LITERAL.test(text)) {
    const clean = text.trim().replaceAll('_', '');
    const n = Number(clean);
    return Number.isSafeInteger(n) ? n : BigInt(clean);
  }
  if (FLOAT_LITERAL.test(text)) {
    const n = Number(text.trim().replaceAll('_', ''));
    return Number.isFinite(n) ? pyFloat(n) : undefined;
  }
  return undefined;
}
