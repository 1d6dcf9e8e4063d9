/**
 * The longest run of plain ASCII characters that every match of a JS regular expression (no `u`
 * flag) must contain, or undefined when none is found. A text without it cannot match, so the
 * regex need not run (nor be compiled by V8 at its first use): the user-agent rules are tried in
 * order, over a thousand of them, and most name a product a given text does not contain.
 *
 * Conservative by construction: anything not understood (an escape with operands, `{` that is
 * no quantifier, a stray `]` or `}`) gives up on the whole pattern; alternatives, character
 * classes, lookarounds and optional parts contribute nothing.
 */
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'n', 'r', 't', 'f', 'v', '0']);

const COUNTED = /\{(\d+)(,\d*)?\}/y;

class GiveUp extends Error {}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** Lower-cased when `ignoreCase` (compare with the lower-cased text then). */
export function requiredLiteral(source: string, ignoreCase: boolean): string | undefined {
  let pos = 0;
  const peek = (): string | undefined => source[pos];

  /** Consumes a quantifier if one follows; returns its minimum count (1 without one). */
  const quantifier = (): number => {
    const c = peek();
    let min = 1;
    if (c === '?' || c === '*') {
      min = 0;
      pos++;
    } else if (c === '+') {
      pos++;
      min = 1;
      return lazy(2);
    } else if (c === '{') {
      COUNTED.lastIndex = pos;
      const m = COUNTED.exec(source);
      if (m === null) throw new GiveUp();
      pos += m[0].length;
      min = Number(m[1]);
      return lazy(min === 1 && m[2] === undefined ? 1 : min === 0 ? 0 : 2);
    } else {
      return 1;
    }
    return lazy(min);
  };
  /** Skips a lazy `?`; 2 stands for "at least once, maybe more" (the run ends after the atom). */
  const lazy = (min: number): number => {
    if (peek() === '?') pos++;
    return min;
  };

  /** Required literals of an alternation up to `)` or the end. */
  const alternation = (): string[] => {
    const first = sequence();
    if (peek() !== '|') return first;
    while (peek() === '|') {
      pos++;
      sequence();
    }
    return [];
  };

  const sequence = (): string[] => {
    const found: string[] = [];
    let run = '';
    const flush = (): void => {
      if (run !== '') found.push(run);
      run = '';
    };
    for (;;) {
      const c = peek();
      if (c === undefined || c === '|' || c === ')') break;
      pos++;
      let literal: string | undefined;
      if (c === '(') {
        flush();
        let look = false;
        if (peek() === '?') {
          const head = source.slice(pos, pos + 3);
          if (head.startsWith('?:')) pos += 2;
          else if (head === '?<=' || head === '?<!') (pos += 3), (look = true);
          else if (head.startsWith('?=') || head.startsWith('?!')) (pos += 2), (look = true);
          else if (head.startsWith('?<')) {
            const end = source.indexOf('>', pos);
            if (end < 0) throw new GiveUp();
            pos = end + 1;
          } else throw new GiveUp();
        }
        const inner = alternation();
        if (peek() !== ')') throw new GiveUp();
        pos++;
        const min = quantifier();
        if (!look && min > 0) found.push(...inner);
        continue;
      }
      if (c === '[') {
        flush();
        if (peek() === '^') pos++;
        // In JS (unlike Python) `]` right after `[` closes the class.
        while (peek() !== ']') {
          if (peek() === undefined) throw new GiveUp();
          if (peek() === '\\') pos++;
          pos++;
        }
        pos++;
        quantifier();
        continue;
      }
      if (c === '\\') {
        const e = peek();
        if (e === undefined) throw new GiveUp();
        pos++;
        if (isDigit(e)) {
          while (isDigit(peek())) pos++;
        } else if (CLASS_ESCAPES.has(e)) {
          // a class, an assertion or a control character: no literal
        } else if (isLetter(e)) {
          throw new GiveUp(); // \x41, \u0041, \cJ, \k<name>, \p{…}, identity escapes
        } else {
          literal = e;
        }
      } else if (c === '.' || c === '^' || c === '$') {
        // no literal
      } else if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') {
        throw new GiveUp();
      } else {
        literal = c;
      }
      if (literal === undefined || literal < ' ' || literal > '~') {
        flush();
        quantifier();
        continue;
      }
      const min = quantifier();
      if (min === 0) flush();
      else if (min === 1) run += literal;
      else {
        run += literal;
        flush();
      }
    }
    flush();
    return found;
  };

  try {
    const found = alternation();
    if (pos !== source.length) return undefined;
    let best: string | undefined;
    for (const s of found) if (best === undefined || s.length > best.length) best = s;
    return best === undefined ? undefined : ignoreCase ? best.toLowerCase() : best;
  } catch (err) {
    if (err instanceof GiveUp) return undefined;
    throw err;
  }
}
