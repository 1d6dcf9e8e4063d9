import type { Ranges } from './charset.js';

/**
 * Syntax tree of a Python-dialect pattern after parsing. Inline flags are already applied:
 * case-insensitive letters are classes holding both cases, `.` is a class, `^`/`$` carry
 * their multiline meaning, so emitting needs no flag state.
 */
export type Node =
  | { type: 'seq'; items: Node[] }
  | { type: 'alt'; branches: Node[] }
  | { type: 'capture'; name: string | null; number: number; body: Node }
  | { type: 'group'; atomic: boolean; body: Node }
  | { type: 'look'; behind: boolean; negate: boolean; body: Node }
  | { type: 'quant'; body: Node; min: number; max: number; mode: 'greedy' | 'lazy' | 'possessive' }
  | { type: 'class'; ranges: Ranges; negated: boolean }
  | { type: 'char'; unit: number }
  | { type: 'assert'; kind: AssertKind }
  | { type: 'backref'; number: number };

/**
 * start/end: string edges (`\A`, `\Z`, `^` without (?m)); endOptNl: Python `$` without
 * (?m) (end, or before a final newline); line*: (?m) forms; word/nonword: `\b`/`\B`.
 */
export type AssertKind = 'start' | 'end' | 'endOptNl' | 'lineStart' | 'lineEnd' | 'word' | 'nonword';

export interface ParsedPattern {
  root: Node;
  /** Python group count (duplicate names share one number, as in the `regex` module). */
  groupCount: number;
  /** Python group number → name (null for unnamed groups). */
  groupNames: Array<string | null>;
}
