import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from './helpers.js';

test('--version prints the package version', async () => {
  const { code, stdout } = await runCli(['--version']);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(code, 0);
  assert.equal(stdout.trim(), pkg.version);
});

test('--help lists the commands; each command has its own help with examples', async () => {
  const main = await runCli(['--help']);
  assert.equal(main.code, 0);
  for (const cmd of ['normalize', 'test', 'docs', 'formats']) assert.match(main.stdout, new RegExp(`^  ${cmd} `, 'm'));
  for (const cmd of ['normalize', 'test', 'docs', 'formats']) {
    const r = await runCli([cmd, '--help']);
    assert.equal(r.code, 0, cmd);
    assert.match(r.stdout, new RegExp(`^Usage: intake ${cmd}`), cmd);
    assert.match(r.stdout, /Example/, cmd);
  }
});

test('unknown command and unknown flag: one-line error, exit 2', async () => {
  for (const args of [['frobnicate'], ['--frob'], ['normalize', '--format', 'auto', '--frob'], ['test', '--nope', 'x']]) {
    const r = await runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^intake: /);
  }
});

test('bad option values are usage errors', async () => {
  const cases = [
    ['normalize'],
    ['normalize', '--format', 'rubycat-proveit', '--input', 'xml'],
    ['normalize', '--format', 'rubycat-proveit', '--workers', 'zero'],
    ['normalize', '--format', 'no-such-format-slug'],
    ['test'],
    ['docs'],
  ];
  for (const args of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('formats lists the built-in formats with slug, name and data sources', async () => {
  const r = await runCli(['formats']);
  assert.equal(r.code, 0, r.stderr);
  for (const slug of ['rubycat-proveit', 'azure-linux', 'sekoiaio-endpoint']) assert.match(r.stdout, new RegExp(`^${slug} `, 'm'));
  assert.match(r.stdout, /RubyCat PROVE IT/);
  assert.match(r.stdout, /- Authentication logs/);
  assert.match(r.stdout, /^\d+ format\(s\)$/m);
});
