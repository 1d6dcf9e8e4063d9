/** Sandbox limits: templates come from untrusted files. */
export const LIMITS = {
  /** Largest `range()` and list repetition (items). */
  maxItems: 100_000,
  /** Longest string a template may build (characters). */
  maxStringLength: 1_000_000,
  /** Loop iterations (all loops together) in one render. */
  maxIterations: 1_000_000,
  /** Nesting depth of expressions/statements in the parser and of values in repr/equality. */
  maxDepth: 100,
  /** Largest int a `**` may produce, in bits. */
  maxIntBits: 4096,
} as const;
