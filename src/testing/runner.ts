import type { Format, FormatTestCase, NormalizedEvent } from '../pipeline/types.js';
import { eventMatches } from './compare.js';
import { diffEvents, type Difference } from './diff.js';

/** Outcome of one golden test case. */
export interface TestCaseResult {
  file: string;
  passed: boolean;
  /** Field differences (empty when only the parsing checks failed). */
  differences: Difference[];
  /** parsing_status/parsing_error/parsing_warnings problems. */
  parsingProblems: string[];
  actual: NormalizedEvent;
}

function intakeMeta(event: NormalizedEvent): Record<string, unknown> {
  const s = event.sekoiaio;
  const intake = typeof s === 'object' && s !== null ? (s as Record<string, unknown>).intake : undefined;
  return typeof intake === 'object' && intake !== null ? (intake as Record<string, unknown>) : {};
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** Problems that fail a test whatever the fields: no success status, an error or warnings. */
export function parsingProblems(event: NormalizedEvent): string[] {
  const meta = intakeMeta(event);
  const problems: string[] = [];
  if (meta.parsing_status !== 'success') problems.push(`parsing_status is ${JSON.stringify(meta.parsing_status)}`);
  if (!isEmpty(meta.parsing_error)) problems.push(`parsing_error: ${JSON.stringify(meta.parsing_error)}`);
  if (!isEmpty(meta.parsing_warnings)) problems.push(`parsing_warnings: ${JSON.stringify(meta.parsing_warnings)}`);
  return problems;
}

/**
 * Runs one test case in catalog test mode and compares it. `nowMs` is the clock of the run (the
 * year of year-less dates); the real one when not given.
 */
export function runTestCase(format: Format, testCase: FormatTestCase, nowMs?: number): TestCaseResult {
  const actual = format.normalize(testCase.input, nowMs === undefined ? { testMode: true } : { testMode: true, nowMs });
  const problems = parsingProblems(actual);
  const matches = eventMatches(testCase.expected, actual);
  return {
    file: testCase.file,
    passed: matches && problems.length === 0,
    differences: matches ? [] : diffEvents(testCase.expected, actual),
    parsingProblems: problems,
    actual,
  };
}

/** Runs every test case of a format, in file-name order. */
export function runFormatTests(format: Format, nowMs?: number): TestCaseResult[] {
  return format.loadTests().map((tc) => runTestCase(format, tc, nowMs));
}
