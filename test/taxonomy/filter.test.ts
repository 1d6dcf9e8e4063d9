import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from './helpers.js';

test('T1: undeclared leaves are removed, declared ones kept', () => {
  const { event } = normalize({ source: { port: 80, colour: 'red' }, acme: { keyword: 'k', other: 1 }, stray: 'x' });
  assert.deepEqual(event, { source: { port: 80 }, acme: { keyword: 'k' } });
});

test('T1: subtrees of object/dict/array/list-typed fields are kept verbatim', () => {
  const inner = { anything: null, empty: '', deep: { n: 1, t: true } };
  const { event, warnings } = normalize({
    acme: { object: structuredClone(inner), dict: structuredClone(inner), array: [1, 'a', null], list: [{ x: '' }] },
    log: { syslog: { priority: '13', custom: { a: null } } },
  });
  assert.deepEqual(event, {
    acme: { object: inner, dict: inner, array: [1, 'a', null], list: [{ x: '' }] },
    log: { syslog: { priority: '13', custom: { a: null } } },
  });
  assert.deepEqual(warnings, []);
});

test('T2: list elements are checked as <list field>.<key> and keep their position', () => {
  const hits = [{ ip: '10.0.0.1', junk: 1 }, { junk: 2 }, 'scalar'];
  const { event } = normalize({ dns: { answers_like: hits }, threat: { enrichments: [{ x: 1 }] } });
  // dns.answers_like is undeclared: its objects stay (emptied), the scalar goes
  assert.deepEqual((event.dns as Record<string, unknown>).answers_like, [{}, {}]);
  // threat.enrichments is nested-typed in ECS: verbatim
  assert.deepEqual((event.threat as Record<string, unknown>).enrichments, [{ x: 1 }]);
});

test('T2: declared element keys survive and are coerced', () => {
  const { event } = normalize({ process: { args: [1, 'b'] } });
  assert.deepEqual(event.process, { args: ['1', 'b'] });
  // a list of objects under an undeclared name whose element keys are declared fields
  const r = normalize({ file: [{ path: '/x/y', bogus: 1 }, { size: '12' }] });
  assert.deepEqual(r.event.file, [{ path: '/x/y' }, { size: 12 }]);
});

test('T3: emptied objects on the way to declared fields stay; undeclared nested objects go whole', () => {
  // The seed Endpoint samples: the parser copies `host` into `server`, which comes out as `server: {}`.
  const { event } = normalize({ server: { hostname: 'h', os: { type: 'linux' } }, ecs: { version: '8.0' }, vendor: { a: { b: 1 } } });
  assert.deepEqual(event, { server: {}, ecs: {}, vendor: {} });
  const kept = normalize({ source: { user: { bogus: 'x' } } }).event;
  assert.deepEqual(kept, { source: { user: {} } });
});

test('T4: ecs.version is dropped unless the format declares it', () => {
  assert.deepEqual(normalize({ ecs: { version: '1.0' } }).event, { ecs: {} });
});

test('T5: parser-written related.* is discarded and recomputed', () => {
  const { event } = normalize({ related: { ip: ['9.9.9.9'], user: ['bob'] }, source: { ip: '1.2.3.4' } });
  assert.deepEqual(event.related, { ip: ['1.2.3.4'] });
  assert.deepEqual(normalize({ related: { hosts: ['x'] } }).event, {});
});

test('a key holding dots names the same field as nested keys', () => {
  const { event } = normalize({ 'source.port': '80', 'source.junk': 'x' });
  assert.deepEqual(event, { 'source.port': 80 });
});
