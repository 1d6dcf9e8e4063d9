import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { findFormatDirs, loadFormat } from '../../pipeline/index.js';
import type { Format, NormalizedEvent } from '../../pipeline/types.js';
import { formatDifferences } from '../../testing/diff.js';
import { runFormatTests, type TestCaseResult } from '../../testing/runner.js';
import { parseArgs } from 'node:util';
import { parseOrUsage } from '../args.js';
import { resolveFormatDir } from '../normalize/resolve-format-dirs.js';
import { CommandError, UsageError } from '../errors.js';
import { PyFloat } from '../../core/values.js';
import { brokenFormatReport, formatReport, groupLines, runReport, type FormatReport, type RunReport } from '../../testing/report.js';
import { diagnosticLines, formatLoadFailure } from '../format-errors.js';
import { TEST_HELP } from '../help.js';
import { prettyJson } from '../pretty-json.js';
import { parseJson } from '../../core/json.js';

/** The produced event as it is written into "expected" by --update: no intake metadata, no event.id. */
function expectationFrom(actual: NormalizedEvent): Record<string, unknown> {
  const out: Record<string, unknown> = { ...actual };
  const s = out.sekoiaio;
  if (typeof s === 'object' && s !== null) {
    const rest = { ...(s as Record<string, unknown>) };
    delete rest.intake;
    if (Object.keys(rest).length === 0) delete out.sekoiaio;
    else out.sekoiaio = rest;
  }
  const ev = out.event;
  if (typeof ev === 'object' && ev !== null) {
    const rest = { ...(ev as Record<string, unknown>) };
    delete rest.id;
    if (Object.keys(rest).length === 0) delete out.event;
    else out.event = rest;
  }
  return out;
}

function updateTestFile(format: Format, result: TestCaseResult): void {
  const path = join(format.dir, 'tests', basename(result.file));
  const doc = parseJson(readFileSync(path, 'utf8')) as Record<string, unknown>;
  doc.expected = expectationFrom(result.actual);
  writeFileSync(path, prettyJson(doc, { indent: 2 }) + '\n');
}

/** `intake test`: golden tests of every format under the given paths. */
export async function runTest(argv: string[]): Promise<number> {
  const { values, positionals } = parseOrUsage('test', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        update: { type: 'boolean', short: 'u' },
        report: { type: 'string', short: 'r' },
        quiet: { type: 'boolean', short: 'q' },
        groups: { type: 'string', short: 'g' },
        now: { type: 'string' },
        taxonomy: { type: 'string', short: 't', multiple: true },
        'formats-dir': { type: 'string', short: 'F', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    process.stdout.write(TEST_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('test: give at least one PATH (a format folder or a folder of formats)');
  const dirs: string[] = [];
  for (const path of positionals) {
    const found = findFormatDirs(existsSync(path) ? path : resolveFormatDir(path, values['formats-dir'], 'test'));
    if (found.length === 0) throw new UsageError(`test: no format folder (with ingest/parser.yml) under ${path}`);
    dirs.push(...found);
  }
  const top = values.groups === undefined ? DEFAULT_GROUPS : Number(values.groups);
  if (!Number.isInteger(top) || top < 0) throw new UsageError(`test: --groups takes a whole number, not "${values.groups}"`);
  const nowMs = values.now === undefined ? undefined : Date.parse(values.now);
  if (nowMs !== undefined && Number.isNaN(nowMs)) throw new UsageError(`test: --now takes a date and time (2026-12-01T00:00:00Z), not "${values.now}"`);
  const quiet = values.quiet === true;
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const reports: FormatReport[] = [];
  // A taxonomy file given with --taxonomy is read by every format: say each of its warnings once.
  const warned = new Set<string>();
  let updated = 0;
  for (const dir of dirs) {
    const shown = relative(process.cwd(), dir) || dir;
    let format: Format;
    try {
      format = loadFormat(dir, { taxonomyFiles: values.taxonomy });
    } catch (err) {
      const message = formatLoadFailure(shown, err).message;
      reports.push(brokenFormatReport(shown, message));
      write(`FORMAT BROKEN ${message}`);
      continue;
    }
    for (const line of diagnosticLines(format)) {
      if (!warned.has(line)) write(line);
      warned.add(line);
    }
    const results = runFormatTests(format, nowMs);
    const kept: TestCaseResult[] = [];
    for (const result of results) {
      if (values.update && !(result.parsingProblems.length === 0 && result.passed)) {
        updateTestFile(format, result);
        updated += 1;
        write(`updated ${shown}/tests/${basename(result.file)}`);
        if (result.parsingProblems.length > 0) write(`  warning: ${result.parsingProblems.join('; ')}`);
        kept.push({ ...result, passed: true, differences: [], parsingProblems: [] });
        continue;
      }
      kept.push(result);
      if (result.passed || quiet) continue;
      write(`FAIL ${shown}/tests/${basename(result.file)}`);
      for (const p of result.parsingProblems) write(`  ${p}`);
      for (const line of formatDifferences(result.differences)) write(`  ${line}`);
    }
    const report = formatReport(shown, kept);
    reports.push(report);
    if (results.length === 0) write(`warning: ${shown} has no tests/*.json`);
    else write(`${report.passed === report.total ? 'ok  ' : 'FAIL'} ${shown} (${report.passed}/${report.total})`);
  }
  const run = runReport(reports);
  if (values.report !== undefined) writeReport(values.report, run);
  if (top > 0 && run.groups.length > 0) {
    write(`differences by field, largest first (tests affected; top ${Math.min(top, run.groups.length)} of ${run.groups.length}):`);
    for (const line of groupLines(run.groups, top)) write(line);
  }
  if (run.formatsBroken > 0) write(`${run.formatsBroken} format(s) did not load`);
  if (dirs.length > 1) {
    const tests = run.passed + run.failed - run.formatsBroken;
    const pct = tests === 0 ? 0 : (100 * run.passed) / tests;
    write(`${run.formatsWhole}/${run.formats} formats pass whole; ${run.passed}/${tests} tests (${pct.toFixed(1)} %)${updated > 0 ? `; ${updated} updated` : ''}`);
  }
  // Each format that does not load counts as a failure so that the closing line cannot look green.
  write(`${run.passed} passed, ${run.failed} failed`);
  return run.failed > 0 ? 1 : 0;
}

const DEFAULT_GROUPS = 20;

/** The run as JSON: totals, groups, and per format each test's differences. */
function writeReport(path: string, run: RunReport): void {
  const text = JSON.stringify(run, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof PyFloat ? x.value : x), 2);
  try {
    writeFileSync(path, text + '\n');
  } catch (err) {
    throw new CommandError(`test: cannot write the report ${path}: ${(err as Error).message}`);
  }
}

