/** Jinja tests (`x is name(args)`), as a registry. */
import { callMethod } from './access.js';
import { arg, NO_KWARGS } from './args.js';
import type { Kwargs } from './objects.js';
import { PyCallable, PyGenerator, PyRange, PyView } from './objects.js';
import { asInt, compareOp, contains, isFloat, isPyDict, mod, pyEq, pyStr } from './runtime.js';
import { PyFloat } from '../core/values.js';

export type TestFn = (value: unknown, args: unknown[], kwargs: Kwargs) => boolean;

const tests = new Map<string, TestFn>();

export function registerTest(name: string, fn: TestFn): void {
  tests.set(name, fn);
}

export function getTest(name: string): TestFn | undefined {
  return tests.get(name);
}

const t = registerTest;
const isNumberValue = (v: unknown): boolean =>
  typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyFloat;
const cmp = (op: string) => (v: unknown, a: unknown[], k: Kwargs) => compareOp(op, v, arg(a, k, 0, 'other'));

t('defined', (v) => v !== undefined);
t('undefined', (v) => v === undefined);
t('none', (v) => v === null);
t('boolean', (v) => typeof v === 'boolean');
t('true', (v) => v === true);
t('false', (v) => v === false);
t('integer', (v) => typeof v !== 'boolean' && asInt(v) !== null);
t('float', (v) => isFloat(v));
t('number', isNumberValue);
t('string', (v) => typeof v === 'string');
t('mapping', (v) => isPyDict(v));
t('sequence', (v) => typeof v === 'string' || Array.isArray(v) || isPyDict(v) || v instanceof PyRange || v === undefined);
t('iterable', (v) => typeof v === 'string' || Array.isArray(v) || isPyDict(v) || v === undefined || v instanceof PyGenerator || v instanceof PyRange || v instanceof PyView);
t('callable', (v) => v instanceof PyCallable || v === undefined); // Jinja's Undefined is callable (and raises)
t('sameas', (v, a, k) => {
  const o = arg(a, k, 0, 'other');
  return v === o || (v === null && o === null);
});
t('escaped', () => false);
t('in', (v, a, k) => contains(arg(a, k, 0, 'seq'), v));
t('odd', (v) => pyEq(mod(v, 2), 1));
t('even', (v) => pyEq(mod(v, 2), 0));
t('divisibleby', (v, a, k) => pyEq(mod(v, arg(a, k, 0, 'num')), 0));
t('lower', (v) => callMethod(pyStr(v), 'islower', [], NO_KWARGS) === true);
t('upper', (v) => callMethod(pyStr(v), 'isupper', [], NO_KWARGS) === true);
t('filter', (v) => typeof v === 'string' && filterExists(v));
t('test', (v) => typeof v === 'string' && tests.has(v));
for (const [names, op] of [
  [['eq', 'equalto', '=='], '=='],
  [['ne', '!='], '!='],
  [['lt', 'lessthan', '<'], '<'],
  [['le', '<='], '<='],
  [['gt', 'greaterthan', '>'], '>'],
  [['ge', '>='], '>='],
] as const) {
  for (const n of names) t(n, cmp(op));
}

let filterExists: (name: string) => boolean = () => false;
/** Set by the filter registry loader so that `is filter` can answer without an import cycle. */
export function setFilterLookup(f: (name: string) => boolean): void {
  filterExists = f;
}

