import type { Difference, DifferenceKind } from './diff.js';
import type { TestCaseResult } from './runner.js';

/** One test in a report: where it is and what differs. */
export interface TestReport {
  file: string;
  passed: boolean;
  problems: string[];
  differences: Difference[];
}

/** One format folder in a report; `error` is set when it did not load (then `tests` is empty). */
export interface FormatReport {
  dir: string;
  passed: number;
  total: number;
  error?: string;
  tests: TestReport[];
}

/** Differences of one kind at one field path (list indices folded to []), across formats. */
export interface DifferenceGroup {
  kind: DifferenceKind | 'problem';
  path: string;
  tests: number;
  /** Format folders affected, the most affected first, with their counts. */
  formats: { dir: string; tests: number }[];
}

export interface RunReport {
  passed: number;
  failed: number;
  formats: number;
  formatsWhole: number;
  formatsBroken: number;
  groups: DifferenceGroup[];
  results: FormatReport[];
}

export function formatReport(dir: string, results: readonly TestCaseResult[]): FormatReport {
  return {
    dir,
    passed: results.filter((r) => r.passed).length,
    total: results.length,
    tests: results.map((r) => ({ file: r.file, passed: r.passed, problems: r.parsingProblems, differences: r.differences })),
  };
}

export function brokenFormatReport(dir: string, error: string): FormatReport {
  return { dir, passed: 0, total: 0, error, tests: [] };
}

/** "a.b[3].c" -> "a.b[].c": one group for every element of a list. */
function groupPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** A parsing problem's group: its first words ("parsing_warnings", "parsing_status is ..."). */
function problemPath(problem: string): string {
  const colon = problem.indexOf(':');
  return colon < 0 ? problem : problem.slice(0, colon);
}

/** Groups every failing test's differences by kind and path; a test counts once per group. */
export function groupDifferences(formats: readonly FormatReport[]): DifferenceGroup[] {
  const groups = new Map<string, { kind: DifferenceGroup['kind']; path: string; byFormat: Map<string, number> }>();
  for (const format of formats) {
    for (const test of format.tests) {
      if (test.passed) continue;
      const keys = new Map<string, { kind: DifferenceGroup['kind']; path: string }>();
      for (const d of test.differences) keys.set(`${d.kind} ${groupPath(d.path)}`, { kind: d.kind, path: groupPath(d.path) });
      for (const p of test.problems) keys.set(`problem ${problemPath(p)}`, { kind: 'problem', path: problemPath(p) });
      for (const [key, { kind, path }] of keys) {
        let group = groups.get(key);
        if (group === undefined) groups.set(key, (group = { kind, path, byFormat: new Map() }));
        group.byFormat.set(format.dir, (group.byFormat.get(format.dir) ?? 0) + 1);
      }
    }
  }
  const out: DifferenceGroup[] = [];
  for (const { kind, path, byFormat } of groups.values()) {
    const list = [...byFormat].map(([dir, tests]) => ({ dir, tests })).sort((a, b) => b.tests - a.tests || (a.dir < b.dir ? -1 : 1));
    out.push({ kind, path, tests: list.reduce((n, f) => n + f.tests, 0), formats: list });
  }
  return out.sort((a, b) => b.tests - a.tests || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function runReport(formats: readonly FormatReport[]): RunReport {
  const passed = formats.reduce((n, f) => n + f.passed, 0);
  const total = formats.reduce((n, f) => n + f.total, 0);
  const broken = formats.filter((f) => f.error !== undefined).length;
  return {
    passed,
    failed: total - passed + broken,
    formats: formats.length,
    formatsWhole: formats.filter((f) => f.error === undefined && f.total > 0 && f.passed === f.total).length,
    formatsBroken: broken,
    groups: groupDifferences(formats),
    results: [...formats],
  };
}

const KIND_LABEL: Record<DifferenceGroup['kind'], string> = { missing: 'missing', extra: 'extra', changed: 'wrong', problem: 'problem' };

/** The largest groups as lines: "  179 tests  extra    action.outcome  (acme/gateway 145, ...)". */
export function groupLines(groups: readonly DifferenceGroup[], top: number): string[] {
  return groups.slice(0, top).map((g) => {
    const where = g.formats.slice(0, 3).map((f) => `${f.dir} ${f.tests}`).join(', ');
    const more = g.formats.length > 3 ? `, +${g.formats.length - 3} more` : '';
    return `${String(g.tests).padStart(5)} tests  ${KIND_LABEL[g.kind].padEnd(8)} ${g.path}  (${where}${more})`;
  });
}
