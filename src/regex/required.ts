import type { Node } from './ast.js';

/** Literals shorter than this are not worth an `indexOf` before the match. */
const MIN_LITERAL = 2;
/**
 * At most this many literals are checked per call (the longest). A short one is often what tells
 * one grok alternative from its siblings (`->` in `%{DATA}\s+%{MAC}\s+->\s+%{MAC}`), and an
 * `indexOf` costs far less than the backtracking through lazy fields that the match would do first.
 */
const MAX_LITERALS = 4;

/**
 * Strings that every match of `root` contains: runs of single code units that follow one another
 * in a sequence every match goes through (inside captures, plain and atomic groups, and the bodies
 * of repetitions of at least one iteration). Alternations, optional parts, classes, lookarounds and
 * assertions only end a run: the result is conservative, so an input without one of these strings
 * cannot match, and a caller may reject it without running the regex. The longest first.
 */
export function requiredLiterals(root: Node): string[] {
  const found = new Set<string>();
  const whole = collect(root, found);
  if (whole !== null) found.add(whole);
  return [...found].filter((s) => s.length >= MIN_LITERAL).sort((a, b) => b.length - a.length).slice(0, MAX_LITERALS);
}

/** Adds the literals `node` requires; returns the literal `node` always matches exactly, or null. */
function collect(node: Node, out: Set<string>): string | null {
  switch (node.type) {
    case 'char':
      return String.fromCharCode(node.unit);
    case 'capture':
    case 'group':
      return collect(node.body, out);
    case 'quant': {
      if (node.min === 0) return null;
      const body = collect(node.body, out);
      if (body === null) return null;
      // x{n} is n copies of a fixed string; x{n,m} and x+ still contain one copy.
      if (node.min === node.max && node.mode !== 'lazy') return body.repeat(node.min);
      out.add(body.repeat(node.min));
      return null;
    }
    case 'seq': {
      let run = '';
      let whole = true;
      for (const item of node.items) {
        const lit = collect(item, out);
        if (lit !== null) {
          run += lit;
          continue;
        }
        whole = false;
        if (run !== '') out.add(run);
        run = '';
      }
      if (whole) return run;
      if (run !== '') out.add(run);
      return null;
    }
    default:
      return null;
  }
}

/** Whether `input` contains every literal (see requiredLiterals). */
export function hasLiterals(input: string, literals: readonly string[]): boolean {
  for (let i = 0; i < literals.length; i++) if (input.indexOf(literals[i]!) < 0) return false;
  return true;
}
