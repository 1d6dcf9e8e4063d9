/**
 * The uap-core 0.18.0 rule file (`regexes.yaml` of the `uap-core` package), compiled once.
 * Its patterns are written for Python's `re`; all of 0.18.0's compile as JS RegExp, and a
 * pattern that would not (a future rule file) is skipped and counted in `skipped`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { entryName, readEntry, writeEntry } from '../core/derived-cache.js';
import { yamlLib } from '../core/yaml-lib.js';
import { requiredLiteral } from './required-literal.js';

export interface UapRule {
  regex: RegExp;
  /** Text every match contains (lower-cased for a case-insensitive rule): without it the rule is skipped. */
  literal: string | undefined;
  /** Replacements by result slot (family, v1, v2, ...); undefined = take the matching group. */
  replacements: (string | undefined)[];
}

export interface UapRules {
  userAgent: UapRule[];
  os: UapRule[];
  device: UapRule[];
  /** Patterns that did not compile as JS regular expressions. */
  skipped: string[];
}

const SLOTS = {
  user_agent_parsers: ['family_replacement', 'v1_replacement', 'v2_replacement', 'v3_replacement'],
  os_parsers: ['os_replacement', 'os_v1_replacement', 'os_v2_replacement', 'os_v3_replacement', 'os_v4_replacement'],
  device_parsers: ['device_replacement'],
} as const;

let rules: UapRules | undefined;

function compile(entries: unknown, slots: readonly string[], skipped: string[]): UapRule[] {
  const out: UapRule[] = [];
  for (const entry of Array.isArray(entries) ? (entries as Record<string, unknown>[]) : []) {
    if (typeof entry?.regex !== 'string') continue;
    let regex: RegExp;
    const ignoreCase = entry.regex_flag === 'i';
    try {
      regex = new RegExp(entry.regex, ignoreCase ? 'i' : '');
    } catch {
      skipped.push(entry.regex);
      continue;
    }
    out.push({ regex, literal: literalOf(entry, ignoreCase), replacements: slots.map((slot) => (typeof entry[slot] === 'string' ? (entry[slot] as string) : undefined)) });
  }
  return out;
}

type RuleDocument = Record<keyof typeof SLOTS, unknown>;

/** Where the cached rule lists keep each rule's required literal (null: none), computed once. */
const LITERAL = 'intake_required_literal';

function literalOf(entry: Record<string, unknown>, ignoreCase: boolean): string | undefined {
  const stored = entry[LITERAL];
  if (typeof stored === 'string') return stored;
  return stored === null ? undefined : requiredLiteral(entry.regex as string, ignoreCase);
}

/**
 * The rule lists of the YAML text. Parsing it takes a few hundred milliseconds, at the start of
 * every process that meets a user agent: the lists are kept in the derived-data cache, keyed by
 * the text itself.
 */
function ruleDocument(text: string): RuleDocument {
  const name = entryName('uap-rules-2', text);
  const cached = readEntry(name) as Partial<RuleDocument> | undefined;
  if (cached !== null && typeof cached === 'object' && Object.keys(SLOTS).every((k) => Array.isArray(cached[k as keyof RuleDocument]))) return cached as RuleDocument;
  const doc = yamlLib().parse(text) as Record<string, unknown>;
  const lists = {} as RuleDocument;
  for (const key of Object.keys(SLOTS) as Array<keyof typeof SLOTS>) {
    lists[key] = doc[key];
    for (const entry of Array.isArray(doc[key]) ? (doc[key] as Record<string, unknown>[]) : []) {
      if (typeof entry?.regex === 'string') entry[LITERAL] = literalOf(entry, entry.regex_flag === 'i') ?? null;
    }
  }
  writeEntry(name, lists);
  return lists;
}

/** The compiled rules; the YAML file is read on first use only (it takes ~150 ms). */
export function uapRules(): UapRules {
  if (rules === undefined) {
    const file = createRequire(import.meta.url).resolve('uap-core/regexes.yaml');
    const doc = ruleDocument(readFileSync(file, 'utf8'));
    const skipped: string[] = [];
    rules = {
      userAgent: compile(doc.user_agent_parsers, SLOTS.user_agent_parsers, skipped),
      os: compile(doc.os_parsers, SLOTS.os_parsers, skipped),
      device: compile(doc.device_parsers, SLOTS.device_parsers, skipped),
      skipped,
    };
  }
  return rules;
}
