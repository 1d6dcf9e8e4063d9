import type { Node } from './ast.js';
import { complement, normalize, type Ranges } from './charset.js';

/** The code units a class matches. */
export function effective(node: Extract<Node, { type: 'class' }>): Ranges {
  return node.negated ? complement(node.ranges) : node.ranges;
}

/**
 * The code units the node's match must start with, as the backtracking-risk check (risk.ts)
 * reads it: null when unknown or possibly empty, and for an alternation or an optional start.
 */
export function firstSet(node: Node): Ranges | null {
  switch (node.type) {
    case 'char':
      return [[node.unit, node.unit]];
    case 'class':
      return effective(node);
    case 'capture':
    case 'group':
      return firstSet(node.body);
    case 'quant':
      return node.min > 0 ? firstSet(node.body) : null;
    case 'seq':
      for (const item of node.items) {
        if (item.type === 'assert' || item.type === 'look') continue;
        return firstSet(item);
      }
      return null;
    default:
      return null;
  }
}

/** What a match of a node can start with, and whether it can be empty; null when unknown. */
interface Leading {
  units: Array<readonly [number, number]>;
  empty: boolean;
}

function leading(node: Node): Leading | null {
  switch (node.type) {
    case 'char':
      return { units: [[node.unit, node.unit]], empty: false };
    case 'class':
      return { units: [...effective(node)], empty: false };
    case 'capture':
    case 'group':
      return leading(node.body);
    case 'quant': {
      if (node.max === 0) return { units: [], empty: true };
      const body = leading(node.body);
      return body && { units: body.units, empty: body.empty || node.min === 0 };
    }
    case 'assert':
    case 'look':
      // Consumes nothing: what follows decides (a lookahead only narrows it, a superset is safe).
      return { units: [], empty: true };
    case 'seq': {
      const units: Array<readonly [number, number]> = [];
      for (const item of node.items) {
        const l = leading(item);
        if (l === null) return null;
        units.push(...l.units);
        if (!l.empty) return { units, empty: false };
      }
      return { units, empty: true };
    }
    case 'alt': {
      const units: Array<readonly [number, number]> = [];
      let empty = false;
      for (const branch of node.branches) {
        const l = leading(branch);
        if (l === null) return null;
        units.push(...l.units);
        empty ||= l.empty;
      }
      return { units, empty };
    }
    default:
      return null; // a backreference starts with whatever its group matched
  }
}

/**
 * Every code unit a non-empty match of the node can start with (optional parts and alternatives
 * included), or null when the node may match the empty string or its start is unknown.
 */
export function leadingUnits(node: Node): Ranges | null {
  const l = leading(node);
  return l === null || l.empty ? null : normalize(l.units);
}
