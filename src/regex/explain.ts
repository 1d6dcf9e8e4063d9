import type { Node } from './ast.js';
import { linearize } from './linearize.js';
import { parsePattern } from './parser.js';

/** V8's linear engine refuses repetition bounds above this (see emit.ts MAX_REPLICATION). */
const MAX_BOUND = 16;

/**
 * Why a pattern cannot run on a linear-time engine, after the rewrites of linearize.ts: the
 * constructs that need backtracking, each with the pattern text around it. Empty when it can.
 */
export function nonLinearReasons(pattern: string, opts: { fullMatch?: boolean; ignoreCase?: boolean; vm?: boolean } = {}): string[] {
  if (opts.vm) return backtrackingReasons(pattern, opts);
  const full = opts.fullMatch ?? false;
  const parsed = linearize(parsePattern(pattern, opts.ignoreCase ?? false), { start: full, end: full });
  const out = new Set<string>();
  const walk = (node: Node, factor: number): void => {
    switch (node.type) {
      case 'seq': node.items.forEach((n) => walk(n, factor)); break;
      case 'alt': node.branches.forEach((n) => walk(n, factor)); break;
      case 'capture': walk(node.body, factor); break;
      case 'group':
        if (node.atomic) out.add('atomic group that can be backtracked into');
        walk(node.body, factor);
        break;
      case 'look':
        out.add(`${node.behind ? 'lookbehind' : 'lookahead'} its neighbours do not decide`);
        break;
      case 'backref': out.add('backreference'); break;
      case 'assert':
        if (node.kind === 'lineStart' || node.kind === 'lineEnd' || node.kind === 'endOptNl') out.add('^ or $ inside the pattern');
        break;
      case 'quant': {
        if (node.mode === 'possessive') out.add('possessive repetition that can be backtracked into');
        const local = factor * (node.max === Infinity ? node.min + 1 : node.max);
        if (node.min > MAX_BOUND || (node.max !== Infinity && node.max > MAX_BOUND) || local > MAX_BOUND) out.add(`repetition bound above ${MAX_BOUND} ({${node.min},${node.max === Infinity ? '' : node.max}})`);
        walk(node.body, local);
        break;
      }
      default:
    }
  };
  walk(parsed.root, 1);
  return [...out];
}

/**
 * Why a pattern needs a backtracking engine (neither V8's linear engine nor the Pike VM of
 * program.ts/pike.ts can run it): the constructs the VM declines.
 */
function backtrackingReasons(pattern: string, opts: { fullMatch?: boolean; ignoreCase?: boolean }): string[] {
  const full = opts.fullMatch ?? false;
  const parsed = linearize(parsePattern(pattern, opts.ignoreCase ?? false), { start: full, end: full });
  const out = new Set<string>();
  const walk = (node: Node): void => {
    switch (node.type) {
      case 'seq': node.items.forEach(walk); break;
      case 'alt': node.branches.forEach(walk); break;
      case 'capture': walk(node.body); break;
      case 'group':
        if (node.atomic) out.add('atomic group that can be backtracked into');
        walk(node.body);
        break;
      case 'look': {
        const units = node.body.type === 'seq' ? node.body.items : [node.body];
        if (!units.every((u) => u.type === 'char' || u.type === 'class')) out.add(`${node.behind ? 'lookbehind' : 'lookahead'} wider than a fixed run of characters`);
        break;
      }
      case 'backref': out.add('backreference'); break;
      case 'quant':
        if (node.mode === 'possessive') out.add('possessive repetition that can be backtracked into');
        walk(node.body);
        break;
      default:
    }
  };
  walk(parsed.root);
  return [...out];
}
