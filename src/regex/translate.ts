import { emitExact, type GroupMap } from './emit.js';
import { parsePattern } from './parser.js';

export interface TranslatedPattern {
  source: string;
  /** Always '' : case-insensitivity is expanded into classes so V8's linear engine stays usable. */
  flags: string;
  groups: GroupMap;
}

/**
 * Python `regex`/`re` dialect → JS RegExp source. `fullMatch` anchors both ends.
 * Throws RegexSyntaxError when the pattern is invalid or has no JS equivalent.
 */
export function translatePattern(pattern: string, opts: { fullMatch?: boolean; ignoreCase?: boolean } = {}): TranslatedPattern {
  const parsed = parsePattern(pattern, opts.ignoreCase ?? false);
  const { source, groups } = emitExact(parsed, opts.fullMatch ?? false);
  return { source, flags: '', groups };
}
