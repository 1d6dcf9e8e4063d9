/**
 * The uap-core 0.18.0 rule file (`regexes.yaml` of the `uap-core` package), compiled once.
 * Its patterns are written for Python's `re`; all of 0.18.0's compile as JS RegExp, and a
 * pattern that would not (a future rule file) is skipped and counted in `skipped`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { yamlLib } from '../core/yaml-lib.js';

export interface UapRule {
  regex: RegExp;
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
    try {
      regex = new RegExp(entry.regex, entry.regex_flag === 'i' ? 'i' : '');
    } catch {
      skipped.push(entry.regex);
      continue;
    }
    out.push({ regex, replacements: slots.map((slot) => (typeof entry[slot] === 'string' ? (entry[slot] as string) : undefined)) });
  }
  return out;
}

/** The compiled rules; the YAML file is read on first use only (it takes ~150 ms). */
export function uapRules(): UapRules {
  if (rules === undefined) {
    const file = createRequire(import.meta.url).resolve('uap-core/regexes.yaml');
    const doc = yamlLib().parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
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
