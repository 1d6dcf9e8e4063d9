/**
 * Python-dialect regex → JS RegExp, cached by pattern. A small local translation
 * (`(?P<n>`, `(?P=n)`, leading inline flags, `\A`/`\Z`) until src/regex's translatePattern
 * is available; swap `translate` for it then.
 */
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
  /** Group index → name (null when unnamed); index 0 unused. */
  groupNames: (string | null)[];
}

interface Translated {
  source: string;
  flags: string;
  groupNames: (string | null)[];
}

function translate(pattern: string, pyFlags: number): Translated {
  let src = pattern;
  let flags = '';
  const lead = /^\(\?([aiLmsux]+)\)/.exec(src);
  if (lead) {
    src = src.slice(lead[0].length);
    for (const c of lead[1]!) {
      if (c === 'i') pyFlags |= 2;
      else if (c === 'm') pyFlags |= 8;
      else if (c === 's') pyFlags |= 16;
      else if (c === 'x') fail('verbose regex flag is not supported');
    }
  }
  if (pyFlags & 2) flags += 'i';
  if (pyFlags & 8) flags += 'm';
  if (pyFlags & 16) flags += 's';
  let out = '';
  const groupNames: (string | null)[] = [null];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if (!inClass && n === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && n === 'Z') out += '(?![\\s\\S])';
      else out += c + n;
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (src[i + 1] === '^') out += src[++i];
      if (src[i + 1] === ']') out += '\\' + src[++i];
      continue;
    }
    if (c === '(') {
      if (src.startsWith('(?P<', i)) {
        const end = src.indexOf('>', i);
        const name = src.slice(i + 4, end);
        groupNames.push(name);
        out += `(?<${name}>`;
        i = end;
        continue;
      }
      if (src.startsWith('(?P=', i)) {
        const end = src.indexOf(')', i);
        out += `\\k<${src.slice(i + 4, end)}>`;
        i = end;
        continue;
      }
      if (src[i + 1] !== '?') groupNames.push(null);
      else if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') {
        const end = src.indexOf('>', i);
        groupNames.push(src.slice(i + 3, end));
      }
    }
    out += c;
  }
  return { source: out, flags, groupNames };
}

const cache = new Map<string, CompiledPattern>();

export function compilePattern(pattern: string, flags = 0): CompiledPattern {
  const key = flags + '\u0000' + pattern;
  let c = cache.get(key);
  if (c) return c;
  let t: Translated;
  try {
    t = translate(pattern, flags);
    c = {
      pattern,
      flags,
      search: new RegExp(t.source, t.flags + 'd'),
      match: new RegExp(t.source, t.flags + 'dy'),
      full: new RegExp(`^(?:${t.source})$`, t.flags.replace('m', '') + 'd'),
      groupNames: t.groupNames,
    };
  } catch (e) {
    fail(`re.error: ${(e as Error).message}`);
  }
  if (cache.size > 2000) cache.clear();
  cache.set(key, c);
  return c;
}
