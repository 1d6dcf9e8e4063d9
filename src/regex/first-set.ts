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

/** What a match of the node can begin (forward) or end (backward) with; empty = it may be empty. */
export interface Reach {
  units: Ranges;
  empty: boolean;
}

export function reach(node: Node, forward: boolean): Reach | null {
  switch (node.type) {
    case 'char':
      return { units: [[node.unit, node.unit]], empty: false };
    case 'class':
      return { units: effective(node), empty: false };
    case 'capture':
    case 'group':
      return reach(node.body, forward);
    case 'quant': {
      if (node.max === 0) return { units: [], empty: true };
      const body = reach(node.body, forward);
      return body && { units: body.units, empty: body.empty || node.min === 0 };
    }
    case 'assert':
    case 'look':
      // Consumes nothing: what follows decides (a lookahead only narrows it, a superset is safe).
      return { units: [], empty: true };
    case 'seq': {
      const units: Array<readonly [number, number]> = [];
      const items = forward ? node.items : [...node.items].reverse();
      for (const item of items) {
        const r = reach(item, forward);
        if (r === null) return null;
        units.push(...r.units);
        if (!r.empty) return { units: normalize(units), empty: false };
      }
      return { units: normalize(units), empty: true };
    }
    case 'alt': {
      const units: Array<readonly [number, number]> = [];
      let empty = false;
      for (const b of node.branches) {
        const r = reach(b, forward);
        if (r === null) return null;
        units.push(...r.units);
        empty ||= r.empty;
      }
      return { units: normalize(units), empty };
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
  const r = reach(node, true);
  return r === null || r.empty ? null : normalize(r.units);
}
