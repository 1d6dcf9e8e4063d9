import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { findFormatDirs, loadFormat } from '../../pipeline/index.js';
import type { Format, NormalizedEvent } from '../../pipeline/types.js';
import { formatDifferences } from '../../testing/diff.js';
import { runFormatTests, type TestCaseResult } from '../../testing/runner.js';
import { parseArgs } from 'node:util';
import { parseOrUsage } from '../args.js';
import { UsageError } from '../errors.js';
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
        taxonomy: { type: 'string', short: 't', multiple: true },
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
    if (!existsSync(path)) throw new UsageError(`test: no such file or folder: ${path}`);
    const found = findFormatDirs(path);
    if (found.length === 0) throw new UsageError(`test: no format folder (with ingest/parser.yml) under ${path}`);
    dirs.push(...found);
  }
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const dir of dirs) {
    const shown = relative(process.cwd(), dir) || dir;
    let format: Format;
    try {
      format = loadFormat(dir, { taxonomyFiles: values.taxonomy });
    } catch (err) {
      broken += 1;
      process.stdout.write(`FORMAT BROKEN ${formatLoadFailure(shown, err).message}\n`);
      continue;
    }
    for (const line of diagnosticLines(format)) process.stdout.write(`${line}\n`);
    const results = runFormatTests(format);
    let formatFailed = 0;
    for (const result of results) {
      if (values.update && !(result.parsingProblems.length === 0 && result.passed)) {
        updateTestFile(format, result);
        process.stdout.write(`updated ${shown}/tests/${basename(result.file)}\n`);
        if (result.parsingProblems.length > 0) {
          process.stdout.write(`  warning: ${result.parsingProblems.join('; ')}\n`);
        }
        passed += 1;
        continue;
      }
      if (result.passed) {
        passed += 1;
        continue;
      }
      failed += 1;
      formatFailed += 1;
      process.stdout.write(`FAIL ${shown}/tests/${basename(result.file)}\n`);
      for (const p of result.parsingProblems) process.stdout.write(`  ${p}\n`);
      for (const line of formatDifferences(result.differences)) process.stdout.write(`  ${line}\n`);
    }
    if (results.length === 0) process.stdout.write(`warning: ${shown} has no tests/*.json\n`);
    else process.stdout.write(`${formatFailed === 0 ? 'ok  ' : 'FAIL'} ${shown} (${results.length - formatFailed}/${results.length})\n`);
  }
  if (broken > 0) process.stdout.write(`${broken} format(s) did not load\n`);
  // Each format that does not load counts as a failure so that the closing line cannot look green.
  process.stdout.write(`${passed} passed, ${failed + broken} failed\n`);
  return failed + broken > 0 ? 1 : 0;
}
