/** re_match (whole string, like re.fullmatch) and re_search (anywhere); None matches nothing. */
import { arg } from '../args.js';
import { fail } from '../errors.js';
import { compilePattern } from '../regex-adapter.js';
import { typeName } from '../runtime.js';
import { registerFilter } from './registry.js';

function regexFilter(mode: 'full' | 'search') {
  return (v: unknown, a: unknown[], k: Record<string, unknown>): boolean => {
    const pattern = arg(a, k, 0, 'pattern');
    if (typeof pattern !== 'string') fail(`first argument must be string or compiled pattern, not ${typeName(pattern)}`);
    if (v === null || v === undefined) return false;
    if (typeof v !== 'string') fail(`expected string or bytes-like object, got '${typeName(v)}'`);
    return compilePattern(pattern)[mode].test(v);
  };
}

registerFilter('re_match', regexFilter('full'));
registerFilter('re_search', regexFilter('search'));
