import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from './helpers.js';
import { createNormalizer, Taxonomy } from '../../src/taxonomy/index.js';

test('host.name copied from host.hostname only when absent', () => {
  assert.deepEqual(normalize({ host: { hostname: 'srv1' } }).event.host, { hostname: 'srv1', name: 'srv1' });
  assert.deepEqual(normalize({ host: { hostname: 'srv1', name: 'other' } }).event.host, { hostname: 'srv1', name: 'other' });
});

test('event.outcome copied verbatim from action.outcome, over the parser\'s own; no reverse copy', () => {
  const a = normalize({ action: { outcome: 'allow' } }).event;
  assert.deepEqual(a, { action: { outcome: 'allow' }, event: { outcome: 'allow' } });
  const b = normalize({ action: { outcome: 'allow' }, event: { outcome: 'success' } }).event;
  assert.deepEqual(b.event, { outcome: 'allow' });
  const c = normalize({ event: { outcome: 'failure' } }).event;
  assert.deepEqual(c, { event: { outcome: 'failure' } });
});

test('file.path split into file.name and file.directory', () => {
  assert.deepEqual(normalize({ file: { path: 'C:\\Windows\\System32\\cmd.exe' } }).event.file, {
    path: 'C:\\Windows\\System32\\cmd.exe', name: 'cmd.exe', directory: 'C:\\Windows\\System32',
  });
  assert.deepEqual(normalize({ file: { path: '/etc/passwd' } }).event.file, { path: '/etc/passwd', name: 'passwd', directory: '/etc' });
  assert.deepEqual(normalize({ file: { path: '/x' } }).event.file, { path: '/x', name: 'x', directory: '' });
  assert.deepEqual(normalize({ file: { path: 'C:\\f.txt' } }).event.file, { path: 'C:\\f.txt', name: 'f.txt', directory: 'C:' });
  // A path without any separator has the directory "" (Python's os.path.dirname; catalog-rules/taxonomy.md).
  assert.deepEqual(normalize({ file: { path: 'report.pdf' } }).event.file, { path: 'report.pdf', name: 'report.pdf', directory: '' });
});

test('a parser-set file.name prevents the split; nothing else is derived', () => {
  assert.deepEqual(normalize({ file: { path: '/a/b.txt', name: 'b.txt' } }).event.file, { path: '/a/b.txt', name: 'b.txt' });
  const { event } = normalize({ process: { executable: '/bin/sh' }, observer: { hostname: 'fw' } });
  assert.deepEqual(event.process, { executable: '/bin/sh' });
  assert.deepEqual(event.observer, { hostname: 'fw' });
});

test('the action.outcome copy can be turned off per format', () => {
  const taxonomy = Taxonomy.build({});
  const off = createNormalizer(taxonomy, { copyActionOutcome: false })({ action: { outcome: 'success' } }, []);
  assert.deepEqual(off, { action: { outcome: 'success' } });
  const on = createNormalizer(taxonomy)({ action: { outcome: 'success' } }, []);
  assert.deepEqual(on, { action: { outcome: 'success' }, event: { outcome: 'success' } });
});
