import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir, tinyFormat } from './helpers.js';

const good = {
  input: { message: 'hello world' },
  expected: { message: 'hello world', event: { kind: 'event', reason: 'hello world' } },
};

test('passing tests: closing line "N passed, 0 failed", exit 0; folders are searched recursively', async () => {
  const root = tempDir('tc-pass');
  tinyFormat(root, { tests: { 'a.json': good, 'b.json': { ...good, expected: { ...good.expected, message: 'ignored' } } } });
  const r = await runCli(['test', root]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^2 passed, 0 failed$/m);
});

test('a failing test prints a diff of missing, extra and changed fields and exits 1', async () => {
  const root = tempDir('tc-fail');
  const bad = {
    input: { message: 'hello world' },
    expected: { event: { kind: 'alert', reason: 'hello world' }, source: { ip: '1.2.3.4' } },
  };
  tinyFormat(root, { tests: { 'good.json': good, 'bad.json': bad } });
  const r = await runCli(['test', root]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /FAIL .*tests\/bad\.json/);
  assert.match(r.stdout, /changed {2}event\.kind: expected "alert", got "event"/);
  assert.match(r.stdout, /missing {2}source: \{"ip":"1\.2\.3\.4"\}/);
  assert.match(r.stdout, /^1 passed, 1 failed$/m);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[lines.length - 1], '1 passed, 1 failed');
});

test('--update rewrites expected from the current output', async () => {
  const root = tempDir('tc-update');
  const dir = tinyFormat(root, { tests: { 'new.json': { input: { message: 'fresh' }, expected: {} } } });
  const r = await runCli(['test', '--update', root]);
  assert.equal(r.code, 0, r.stdout);
  const doc = JSON.parse(readFileSync(join(dir, 'tests', 'new.json'), 'utf8'));
  assert.deepEqual(doc.input, { message: 'fresh' });
  assert.deepEqual(doc.expected, { message: 'fresh', event: { kind: 'event', reason: 'fresh' } });
  const again = await runCli(['test', root]);
  assert.match(again.stdout, /^1 passed, 0 failed$/m);
});

test('a format that does not load fails loudly', async () => {
  const root = tempDir('tc-broken');
  tinyFormat(root, { parser: 'name: x\npipeline:\n  - name: missing_stage\nstages: {}\n', tests: { 'a.json': good } });
  const r = await runCli(['test', root]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /FORMAT BROKEN .* does not load/);
  assert.match(r.stdout, /parser\.yml/);
  assert.match(r.stdout, /^0 passed, 1 failed$/m);
});

test('a missing path is a usage error', async () => {
  const r = await runCli(['test', join(tempDir('tc-missing'), 'nowhere')]);
  assert.equal(r.code, 2);
});

test('the built-in formats pass their golden tests', async () => {
  const r = await runCli(['test', 'formats']);
  assert.equal(r.code, 0, r.stdout.split('\n').slice(-40).join('\n'));
  assert.match(r.stdout, /^\d+ passed, 0 failed$/m);
});

test('a template that does not compile is reported as a warning with file and line; the format still runs', async () => {
  const root = tempDir('tc-diag');
  const parser = 'name: x\npipeline:\n  - name: fill\nstages:\n  fill:\n    actions:\n      - set:\n          event.kind: "{{ oops ( }}"\n          event.reason: "{{ original.message }}"\n';
  const expected = { input: { message: 'hello world' }, expected: { message: 'hello world', event: { reason: 'hello world' } } };
  const dir = tinyFormat(root, { parser, tests: { 'a.json': expected } });
  const r = await runCli(['test', root]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /warning: .*parser\.yml:8: .*template syntax error/);
  assert.match(r.stdout, /^1 passed, 0 failed$/m);
  const n = await runCli(['normalize', '--format', dir, '--input', 'raw'], { stdin: 'hello world\n' });
  assert.match(n.stderr, /warning: .*parser\.yml:8/);
  const w = await runCli(['normalize', '--format', dir, '--input', 'raw', '--workers', '2'], { stdin: 'hello world\n' });
  assert.equal(w.code, 0, w.stderr);
  assert.equal(w.stderr.match(/warning: .*parser\.yml:8/g)?.length, 1, w.stderr);
});

test('--report writes totals, groups and per-test differences; --quiet keeps only format lines and groups', async () => {
  const root = tempDir('tc-report');
  const wrongKind = (name: string) => ({ input: { message: name }, expected: { message: name, event: { kind: 'alert', reason: name } } });
  tinyFormat(root, { tests: { 'good.json': good, 'a.json': wrongKind('a'), 'b.json': wrongKind('b') } });
  const report = join(root, 'report.json');
  const r = await runCli(['test', '--quiet', '--report', report, root]);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, /^FAIL .*tests\//m);
  assert.match(r.stdout, /^FAIL .*acme\/tiny \(1\/3\)$/m);
  assert.match(r.stdout, /^ {4}2 tests {2}wrong {4}event\.kind {2}\(.*acme\/tiny 2\)$/m);
  const doc = JSON.parse(readFileSync(report, 'utf8'));
  assert.equal(doc.passed, 1);
  assert.equal(doc.failed, 2);
  assert.equal(doc.formatsWhole, 0);
  assert.deepEqual(doc.groups.map((g: any) => [g.kind, g.path, g.tests]), [['changed', 'event.kind', 2]]);
  const failing = doc.results[0].tests.filter((t: any) => !t.passed);
  assert.deepEqual(failing[0].differences, [{ kind: 'changed', path: 'event.kind', expected: 'alert', actual: 'event' }]);
});

test('a taxonomy entry of an unknown type is a warning with file and line; the format still runs', async () => {
  const root = tempDir('tc-unknown-type');
  tinyFormat(root, { tests: { 'good.json': good } });
  const taxonomy = join(root, 'global.yml');
  writeFileSync(taxonomy, 'a.b:\n  name: a.b\n  type: keyword\nlog.original:\n  name: log.original\n  type: non_searchable_field_type\n');
  const r = await runCli(['test', '--taxonomy', taxonomy, root]);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /^warning: .*global\.yml:4: field "log\.original": unknown type "non_searchable_field_type"/m);
  assert.match(r.stdout, /^1 passed, 0 failed$/m);
});

test('--now sets the clock of the run: a year-less date takes its year', async () => {
  const root = tempDir('tc-now');
  const parser = `name: acme-tiny
pipeline:
  - name: when
    external:
      name: date.parse
      properties:
        input_field: "{{original.message}}"
        output_field: date
        format: "%b %d %H:%M:%S"
        timezone: UTC
  - name: main
stages:
  main:
    actions:
      - set:
          "@timestamp": "{{when.date}}"
`;
  const yearless = { input: { message: 'Mar 04 10:20:30' }, expected: { message: 'Mar 04 10:20:30', '@timestamp': '2031-03-04T10:20:30Z' } };
  tinyFormat(root, { parser, tests: { 'a.json': yearless } });
  const pinned = await runCli(['test', '--now', '2031-06-01T00:00:00Z', root]);
  assert.equal(pinned.code, 0, pinned.stdout + pinned.stderr);
  const other = await runCli(['test', '--now', '2032-06-01T00:00:00Z', root]);
  assert.equal(other.code, 1);
  assert.match(other.stdout, /@timestamp: expected "2031-03-04T10:20:30Z", got "2032-03-04T10:20:30/);
  const bad = await runCli(['test', '--now', 'soon', root]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--now takes a date and time/);
});
