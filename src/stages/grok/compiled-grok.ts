import { compilePattern, nonLinearReasons, RegexSyntaxError, RegexTimeoutError, type CompiledRegex } from '../../regex/index.js';
import { pyFloat } from '../../core/values.js';
import { StageConfigError, StageError, StageFailed } from '../stage.js';
import { expandGrok, type Conversion } from './expand.js';
import { BASE_PATTERNS } from './library.js';

type Converter = (text: string) => unknown;

/** A grok pattern compiled once: one RegExp, group merging and conversions precomputed. */
export interface CompiledGrok {
  /** Full match; every named group → string, or null when it did not participate. NO_MATCH when it does not match; throws StageError on bad input. */
  match(input: unknown): Record<string, unknown> | StageFailed;
}

/** The most frequent stage failure of all, returned (not thrown) on every event of another shape. */
export const NO_MATCH = new StageFailed('grok pattern did not match');

export function compileGrok(pattern: unknown, custom: ReadonlyMap<string, string>): CompiledGrok {
  if (typeof pattern !== 'string') throw new StageConfigError('grok: "pattern" must be a string');
  const { regex, conversions } = expandGrok(pattern, custom, BASE_PATTERNS);
  let compiled: CompiledRegex;
  try {
    compiled = compilePattern(regex, { fullMatch: true });
  } catch (err) {
    if (err instanceof RegexSyntaxError) throw new StageConfigError(`grok: invalid regex in pattern ${JSON.stringify(pattern)}: ${err.message}`);
    throw err;
  }
  if (process.env.INTAKE_REGEX_REPORT && !compiled.linear && compiled.backtracking) reportNonLinear(pattern, regex);
  const names = compiled.groupNames;
  const converters = names.map((n) => converter(conversions.get(n)));
  const build = recordBuilder(names, converters);
  return {
    match(input: unknown): Record<string, unknown> | StageFailed {
      if (typeof input !== 'string') throw new StageError(`grok input is not a string (got ${input === null ? 'None' : typeof input})`);
      let values: Array<string | undefined> | null;
      try {
        values = compiled.execValues(input);
      } catch (err) {
        if (err instanceof RegexTimeoutError) throw new StageError(`grok pattern timed out: ${err.message}`);
        throw err;
      }
      if (values === null) return NO_MATCH;
      return build(values);
    },
  };
}

/**
 * INTAKE_REGEX_REPORT=1 (set by the catalog benchmark): a grok pattern that keeps a backtracking
 * path (neither V8's linear engine nor the Pike VM can run it) is named on stderr with the constructs that need it, so a slow format shows what its
 * parser asks for.
 */
function reportNonLinear(pattern: string, regex: string): void {
  const head = pattern.length > 120 ? `${pattern.slice(0, 120)}...` : pattern;
  process.stderr.write(`intake: regex not linear in grok pattern ${JSON.stringify(head)}: ${nonLinearReasons(regex, { fullMatch: true, vm: true }).join('; ')}\n`);
}

/**
 * The output record as one generated object literal: a pattern with the IPv6 pattern inside has
 * over a hundred names, and adding them one by one through a keyed store costs microseconds where
 * a literal with fixed keys costs tens of nanoseconds. Every name gets a value (null when its group
 * did not participate), converted in name order, as a plain loop would.
 * Code generation safety: names enter the source only as JSON.stringify literals.
 */
function recordBuilder(names: readonly string[], converters: readonly (Converter | null)[]): (values: Array<string | undefined>) => Record<string, unknown> {
  const fields = names.map((name, i) => {
    const key = name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name); // computed: an own key, not the prototype
    const value = converters[i] ? `c[${i}](v[${i}])` : `v[${i}]`;
    return `${key}: v[${i}] === undefined ? null : ${value}`;
  });
  const factory = new Function('c', `"use strict";\nreturn function (v) {\nreturn {${fields.join(',\n')}};\n};`);
  return factory(converters) as (values: Array<string | undefined>) => Record<string, unknown>;
}

const PY_INT = /^\s*([+-]?\d+(?:_\d+)*)\s*$/;
const PY_FLOAT = /^\s*[+-]?(?:(?:\d+(?:_\d+)*)?\.?\d*(?:_\d+)*(?:[eE][+-]?\d+)?|inf|infinity|nan)\s*$/i;

function converter(kind: Conversion | undefined): Converter | null {
  if (kind === 'int') return toInt;
  if (kind === 'float') return toFloat;
  return null;
}

/** Python int(text). */
function toInt(text: string): number | bigint {
  const m = PY_INT.exec(text);
  if (!m) throw new StageError(`grok: cannot convert ${JSON.stringify(text)} to int`);
  const digits = m[1]!.replace(/_/g, '');
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : BigInt(digits);
}

/** Python float(text); integral values stay floats (PyFloat). */
function toFloat(text: string): unknown {
  if (!PY_FLOAT.test(text) || !/[\dn]/i.test(text)) throw new StageError(`grok: cannot convert ${JSON.stringify(text)} to float`);
  const t = text.trim().replace(/_/g, '').toLowerCase();
  const sign = t.startsWith('-') ? -1 : 1;
  const body = t.replace(/^[+-]/, '');
  const n = body === 'inf' || body === 'infinity' ? sign * Infinity : body === 'nan' ? NaN : Number(t);
  return pyFloat(n);
}

/** Reads `custom_patterns` (map name → pattern). */
export function readCustomPatterns(value: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) throw new StageConfigError('grok: "custom_patterns" must be a mapping of name to pattern');
  for (const [name, pattern] of Object.entries(value as Record<string, unknown>)) {
    if (!/^\w+$/.test(name)) throw new StageConfigError(`grok: invalid custom pattern name ${JSON.stringify(name)}`);
    if (typeof pattern !== 'string') throw new StageConfigError(`grok: custom pattern ${name} must be a string`);
    out.set(name, pattern);
  }
  return out;
}
