/** re_match (at the start, like re.match) and re_search (anywhere); None matches nothing. */
import { arg } from '../args.js';
import { fail } from '../errors.js';
import { compilePattern } from '../regex-adapter.js';
import { typeName } from '../runtime.js';
import { registerFilter } from './registry.js';

function regexFilter(mode: 'match' | 'search') {
  return (v: unknown, a: unknown[], k: Record<string, unknown>): boolean => {
    const pattern = arg(a, k, 0, 'pattern');
    if (typeof pattern !== 'string') fail(`first argument must be string or compiled pattern, not ${typeName(pattern)}`);
    if (v === null || v === undefined) return false;
    if (typeof v !== 'string') fail(`expected string or bytes-like object, got '${typeName(v)}'`);
    const regex = compilePattern(pattern)[mode];
    regex.lastIndex = 0;
    return regex.test(v);
  };
}

registerFilter('re_match', regexFilter('match'));
registerFilter('re_search', regexFilter('search'));
