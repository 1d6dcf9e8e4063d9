import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intakeMeta, ndjson, ROOT, runCli, tempDir, tinyFormat } from './helpers.js';

const BUILTIN: Record<string, string> = {
  'rubycat-proveit': 'formats/rubycat/proveit',
  'azure-linux': 'formats/azure/azure-linux',
  'sekoiaio-endpoint': 'formats/sekoiaio/endpoint',
};

function testInputs(dir: string): Record<string, unknown>[] {
  const tests = join(ROOT, dir, 'tests');
  return readdirSync(tests)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => (JSON.parse(readFileSync(join(tests, f), 'utf8')) as { input: Record<string, unknown> }).input);
}

test('json input from a file: one event per line, input order, summary on stderr', async () => {
  const inputs = testInputs(BUILTIN['rubycat-proveit']!);
  const file = join(tempDir('norm'), 'in.ndjson');
  writeFileSync(file, inputs.map((i) => JSON.stringify(i)).join('\n') + '\n');
  const r = await runCli(['normalize', '--format', 'rubycat-proveit', '--input', 'json', file]);
  assert.equal(r.code, 0, r.stderr);
  const events = ndjson(r.stdout);
  assert.deepEqual(events.map((e) => e.message), inputs.map((i) => i.message));
  for (const e of events) {
    assert.equal(intakeMeta(e).parsing_status, 'success');
    assert.equal(intakeMeta(e).dialect, 'RubyCat PROVE IT');
    assert.match(String((e.event as Record<string, unknown>).id), /^[0-9a-f-]{36}$/);
  }
  assert.match(r.stderr, new RegExp(`${inputs.length} events in, ${inputs.length} normalized, 0 failed, \\d+ events/s`));
});

test('raw input from stdin with a format folder; failed events are written, exit 0', async () => {
  const dir = tinyFormat(tempDir('raw'));
  const r = await runCli(['normalize', '--format', dir], { stdin: 'first line\nsecond line\n\nthird' });
  assert.equal(r.code, 0, r.stderr);
  const events = ndjson(r.stdout);
  assert.deepEqual(events.map((e) => (e.event as Record<string, unknown>).reason), ['first line', 'second line', 'third']);
  assert.match(r.stderr, /3 events in, 3 normalized, 0 failed/);
});

test('malformed lines (bad JSON, no message, invalid UTF-8) come out as failure records', async () => {
  const dir = tinyFormat(tempDir('bad'));
  const input = Buffer.concat([
    Buffer.from('{"message": "good"}\n{"message": \n[1,2]\n{"message": 5}\n'),
    Buffer.from([0x7b, 0x22, 0x6d, 0x22, 0x3a, 0xff, 0x7d, 0x0a]),
    Buffer.from('{"message": "last", "log": {"hostname": "h1"}}\n'),
  ]);
  const r = await runCli(['normalize', '--format', dir, '--input', 'json'], { stdin: input });
  assert.equal(r.code, 0, r.stderr);
  const events = ndjson(r.stdout);
  assert.equal(events.length, 6);
  assert.deepEqual(
    events.map((e) => intakeMeta(e).parsing_status),
    ['success', 'failure', 'failure', 'failure', 'failure', 'success'],
  );
  assert.equal(events[1]!.message, '{"message": ');
  assert.match(String(intakeMeta(events[1]!).parsing_error), /invalid JSON/);
  assert.match(String(intakeMeta(events[4]!).parsing_error), /invalid UTF-8/);
  assert.match(r.stderr, /6 events in, 2 normalized, 4 failed/);
});

test('a missing input file: exit 1 with one line, nothing on stdout', async () => {
  const r = await runCli(['normalize', '--format', 'rubycat-proveit', join(tempDir('nf'), 'nope.log')]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^intake: cannot read .*nope\.log: ENOENT\n$/);
});

test('an unloadable format: exit 1 with each problem and its file and line', async () => {
  const root = tempDir('broken');
  const dir = tinyFormat(root, {
    parser: 'name: broken\npipeline:\n  - name: main\n  - name: not_defined_anywhere\nstages:\n  main:\n    actions:\n      - set:\n          event.kind: event\n',
  });
  for (const workers of [[], ['--workers', '2']]) {
    const r = await runCli(['normalize', '--format', dir, ...workers], { stdin: 'x\n' });
    assert.equal(r.code, 1, workers.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^intake: format .* does not load \(1 problem\(s\)\)/);
    assert.match(r.stderr, /parser\.yml:\d+/);
  }
});

test('input order and content survive many batches, in this thread and with --workers 2', async () => {
  const dir = tinyFormat(tempDir('workers'));
  // About 1.4 MB in, more out: more batches than are ever in flight, so shared blocks get reused.
  const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'é'.repeat(i % 50)}${'x'.repeat(20)}`);
  for (const workers of [[], ['--workers', '2']]) {
    const r = await runCli(['normalize', '--format', dir, ...workers], { stdin: lines.join('\n') + '\n' });
    assert.equal(r.code, 0, r.stderr);
    const reasons = ndjson(r.stdout).map((e) => (e.event as Record<string, unknown>).reason);
    assert.deepEqual(reasons, lines, workers.join(' '));
    assert.match(r.stderr, /20000 events in, 20000 normalized, 0 failed/);
  }
});

test('a file as standard input is read in large pieces, to the same output as through a pipe', async () => {
  const dir = tinyFormat(tempDir('stdin-file'));
  // About 3 MB: a dozen 256 KiB reads, lines cut anywhere between them.
  const lines = Array.from({ length: 40_000 }, (_, i) => `event ${i} ${'ü'.repeat(i % 30)}${'z'.repeat(i % 40)}`);
  const file = join(tempDir('stdin-file'), 'input.log');
  writeFileSync(file, lines.join('\n')); // no newline after the last line: it still counts
  const piped = await runCli(['normalize', '--format', dir], { stdin: readFileSync(file) });
  for (const workers of [[], ['--workers', '2']]) {
    const r = await runCli(['normalize', '--format', dir, ...workers], { stdinFile: file });
    assert.equal(r.code, 0, r.stderr);
    const reasons = ndjson(r.stdout).map((e) => (e.event as Record<string, unknown>).reason);
    assert.deepEqual(reasons, lines, workers.join(' '));
    assert.equal(r.stdout.replace(/"id":"[0-9a-f-]{36}"/g, ''), piped.stdout.replace(/"id":"[0-9a-f-]{36}"/g, ''));
    assert.match(r.stderr, /40000 events in, 40000 normalized, 0 failed/);
  }
});

test('--format auto picks the right built-in format for every built-in sample', async () => {
  const expectedDialects: string[] = [];
  const inputs: Record<string, unknown>[] = [];
  const names: Record<string, string> = {};
  for (const [slug, dir] of Object.entries(BUILTIN)) {
    const manifest = readFileSync(join(ROOT, dir, '_meta', 'manifest.yml'), 'utf8');
    names[slug] = /^name:\s*(.+)$/m.exec(manifest)![1]!.trim();
    for (const input of testInputs(dir)) {
      inputs.push(input);
      expectedDialects.push(names[slug]!);
    }
  }
  const file = join(tempDir('auto'), 'mixed.ndjson');
  writeFileSync(file, inputs.map((i) => JSON.stringify(i)).join('\n') + '\n');
  for (const workers of [[], ['--workers', '2']]) {
    const r = await runCli(['normalize', '--format', 'auto', '--input', 'json', ...workers, file]);
    assert.equal(r.code, 0, r.stderr);
    const got = ndjson(r.stdout).map((e) => intakeMeta(e).dialect);
    const wrong = got
      .map((d, i) => [d, expectedDialects[i], String(inputs[i]!.message).slice(0, 60)])
      .filter(([d, e]) => d !== e);
    assert.deepEqual(wrong, [], 'wrong guesses');
    for (const slug of Object.keys(BUILTIN)) assert.match(r.stderr, new RegExp(`${slug} \\d+`));
  }
});

test('an unreadable input file is reported and the others still processed (exit 1); --output and --quiet', async () => {
  const root = tempDir('nz-habits');
  const good = join(root, 'good.txt');
  writeFileSync(good, 'hello\n');
  const out = join(root, 'out.ndjson');
  const r = await runCli(['normalize', '--format', tinyFormat(root), '--quiet', '--output', out, join(root, 'missing.txt'), good]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cannot read .*missing\.txt: ENOENT/);
  assert.match(r.stderr, /1 input file\(s\) could not be read/);
  assert.doesNotMatch(r.stderr, /events in/, '--quiet: no summary');
  assert.equal(r.stdout, '');
  assert.equal((ndjson(readFileSync(out, 'utf8'))[0] as any).event.reason, 'hello');
  const bad = await runCli(['normalize', '--format', tinyFormat(root), '--output', join(root, 'no-such-dir', 'x.ndjson')], { stdin: 'x\n' });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^intake: cannot write to .*x\.ndjson: ENOENT$/m);
  assert.doesNotMatch(bad.stderr, /at .*\.js:\d+/, 'no stack trace');
});

test('a malformed line: its failure record and the summary give its file and line, in this thread and with --workers 2', async () => {
  const root = tempDir('where');
  const first = join(root, 'first.ndjson');
  const second = join(root, 'second.ndjson');
  // Blank lines count: the bad line of the first file is its line 4.
  writeFileSync(first, '{"message":"a"}\n\n{"message":"b"}\nnot json\n');
  writeFileSync(second, '{"message":7}\n{"message":"c"}');
  for (const workers of [[], ['--workers', '2']]) {
    const r = await runCli(['normalize', '--format', tinyFormat(root), '--input', 'json', '--no-progress', ...workers, first, second]);
    assert.equal(r.code, 0, r.stderr);
    const events = ndjson(r.stdout) as any[];
    assert.equal(events.length, 5);
    const failed = events.filter((e) => e.sekoiaio.intake.parsing_status === 'failure');
    assert.deepEqual(failed.map((e) => e.sekoiaio.intake.input), [{ file: first, line: 4 }, { file: second, line: 1 }], workers.join(' '));
    assert.equal(events.filter((e) => e.sekoiaio.intake.input !== undefined).length, 2, 'normalized events carry no input place');
    assert.ok(r.stderr.includes(`${first}:4: input: invalid JSON`), r.stderr);
    assert.ok(r.stderr.includes(`${second}:1: input: "message" must be a string`), r.stderr);
  }
});
