/**
 * basename / dirname split at the last separator: `\` or `/` when the text contains a backslash,
 * `/` otherwise. The head is the text before that separator as written, so doubled or trailing
 * separators before it stay (`a//b` has dirname `a/`, `C:\\x` has `C:\`), as the reference gives.
 */
import { pyStr } from '../runtime.js';
import { registerFilter } from './registry.js';

function splitLast(p: string): [string, string] {
  const i = p.includes('\\') ? Math.max(p.lastIndexOf('\\'), p.lastIndexOf('/')) : p.lastIndexOf('/');
  return i < 0 ? ['', p] : [p.slice(0, i), p.slice(i + 1)];
}

function pathPart(index: 0 | 1) {
  return (v: unknown): unknown => {
    if (v === undefined || v === null) return v;
    return splitLast(pyStr(v))[index];
  };
}

registerFilter('basename', pathPart(1));
registerFilter('dirname', pathPart(0));
