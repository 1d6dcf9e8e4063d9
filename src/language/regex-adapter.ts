/**
 * Python-dialect regexes for templates, on top of src/regex's translatePattern. Compiled once
 * per (pattern, flags) and cached; results are exposed with Python group numbering.
 */
import { translatePattern } from '../regex/index.js';
import { fail } from './errors.js';

export const PY_FLAGS = { I: 2, IGNORECASE: 2, M: 8, MULTILINE: 8, S: 16, DOTALL: 16, A: 256, ASCII: 256, U: 32, UNICODE: 32 } as const;

export interface CompiledPattern {
  pattern: string;
  flags: number;
  /** Unanchored, with match indices (`d`). */
  search: RegExp;
  /** Anchored at lastIndex (`y`). */
  match: RegExp;
  /** Must consume the whole input. */
  full: RegExp;
  /** Python group n (1-based, index n-1) → JS capture indices (duplicate names share one). */
  numbered: readonly (readonly number[])[];
  /** Group name → Python group number. */
  names: ReadonlyMap<string, number>;
}

const cache = new Map<string, CompiledPattern>();

function inlineFlags(flags: number): string {
  let f = '';
  if (flags & 2) f += 'i';
  if (flags & 8) f += 'm';
  if (flags & 16) f += 's';
  return f ? `(?${f})` : '';
}

export function compilePattern(pattern: string, flags = 0): CompiledPattern {
  const key = flags + '\u0000' + pattern;
  let c = cache.get(key);
  if (c) return c;
  try {
    const source = inlineFlags(flags) + pattern;
    const t = translatePattern(source);
    const full = translatePattern(source, { fullMatch: true });
    const names = new Map<string, number>();
    t.groups.names.forEach((name, i) => {
      const first = t.groups.jsIndices[i]![0]!;
      const n = t.groups.numbered.findIndex((js) => js.includes(first));
      if (n >= 0) names.set(name, n + 1);
    });
    c = {
      pattern,
      flags,
      search: new RegExp(t.source, t.flags + 'd'),
      match: new RegExp(t.source, t.flags + 'dy'),
      full: new RegExp(full.source, full.flags + 'd'),
      numbered: t.groups.numbered,
      names,
    };
  } catch (e) {
    fail(`re.error: ${(e as Error).message}`);
  }
  if (cache.size > 2000) cache.clear();
  cache.set(key, c);
  return c;
}

/** The JS capture index holding Python group n in this match (right-most participating). */
export function jsIndexOf(p: CompiledPattern, m: RegExpExecArray, n: number): number {
  if (n === 0) return 0;
  const js = p.numbered[n - 1];
  if (!js) return -1;
  for (let i = js.length - 1; i >= 0; i--) if (m[js[i]!] !== undefined) return js[i]!;
  return js[js.length - 1] ?? -1;
}

/** Python-numbered groups of a match: [whole, g1, g2, ...] (undefined for non-participating). */
export function pyGroups(p: CompiledPattern, m: RegExpExecArray): (string | undefined)[] {
  const out: (string | undefined)[] = [m[0]];
  for (let n = 1; n <= p.numbered.length; n++) out.push(m[jsIndexOf(p, m, n)]);
  return out;
}
