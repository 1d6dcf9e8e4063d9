import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPathDict, noteWritten } from '../../src/core/path-dicts.js';
import { Taxonomy, createNormalizer } from '../../src/taxonomy/index.js';
import { normalize } from './helpers.js';

test('T1: undeclared leaves are removed, declared ones kept', () => {
  const { event } = normalize({ source: { port: 80, colour: 'red' }, acme: { keyword: 'k', other: 1 }, stray: 'x' });
  assert.deepEqual(event, { source: { port: 80 }, acme: { keyword: 'k' } });
});

test('T1: subtrees of object/dict/array/list-typed fields are kept verbatim', () => {
  const inner = { anything: null, empty: '', deep: { n: 1, t: true } };
  const { event, warnings } = normalize({
    acme: { object: structuredClone(inner), dict: structuredClone(inner), array: [1, 'a', null], list: [{ x: '' }] },
  });
  assert.deepEqual(event, { acme: { object: inner, dict: inner, array: [1, 'a', null], list: [{ x: '' }] } });
  assert.deepEqual(warnings, []);
});

test('C2: a declared object with declared descendants keeps its other keys and coerces the declared ones', () => {
  // ECS: log.syslog is an object, log.syslog.priority and log.syslog.severity.code are longs.
  const { event, warnings } = normalize({
    log: { syslog: { priority: '13', severity: { code: '6', other: 'x' }, custom: { a: null } } },
    threat: { enrichments: [{ indicator: { sightings: '1', note: 'n' } }, 'scalar'] },
  });
  assert.deepEqual(event, {
    log: { syslog: { priority: 13, severity: { code: 6, other: 'x' }, custom: { a: null } } },
    threat: { enrichments: [{ indicator: { sightings: 1, note: 'n' } }, 'scalar'] },
  });
  assert.deepEqual(warnings, []);
});

test('C2: action.properties is no built-in container: only its declared keys survive unless declared itself', () => {
  const { event } = normalize({ acme: { keyword: 'k' }, action: { name: 'n', properties: { Any: 'thing' } } });
  assert.deepEqual(event.action, { name: 'n', properties: { Any: 'thing' } }); // the helper taxonomy declares it
  const bare = createNormalizer(Taxonomy.build({
    formatFields: { 'action.properties.Keep': { name: 'action.properties.Keep', type: 'keyword', description: 'd' } },
  }))({ action: { properties: { Keep: 12, Drop: 'x' } } }, []);
  assert.deepEqual(bare.action, { properties: { Keep: '12' } });
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

test('C11: a written object emptied by the filter stays; objects below it or on a write path go when emptied', () => {
  // The parser wrote these objects themselves (`server: "{{host}}"`): an emptied one stays.
  const { event } = normalize({ server: { hostname: 'h', os: { type: 'linux' } }, ecs: { version: '8.0' }, vendor: { a: { b: 1 } } });
  assert.deepEqual(event, { server: {}, ecs: {}, vendor: {} });
  // `user` lies below the written `source`: emptied, it goes.
  assert.deepEqual(normalize({ source: { user: { bogus: 'x' } } }).event, { source: {} });
  assert.deepEqual(normalize({ source: { user: { bogus: 'x' }, port: 1 } }).event, { source: { port: 1 } });
  // Objects a path write created (`set acme.junk.x: 1`) go when emptied, at every depth.
  const acme = newPathDict();
  const junk = newPathDict();
  junk.x = 1;
  acme.junk = junk;
  acme.keyword = 'k';
  assert.deepEqual(normalize({ acme }).event, { acme: { keyword: 'k' } });
  delete acme.keyword;
  assert.deepEqual(normalize({ acme }).event, {});
  // A written object below a path-created one stays emptied (`set source.user: "{{obj}}"`).
  const parent = newPathDict();
  parent.user = { bogus: 1 };
  assert.deepEqual(normalize({ source: parent }).event, { source: { user: {} } });
  // A dict a path write put into a written dict stays emptied (`set auditd.user` into the written `auditd`);
  // the same dict lying inside another written value is not that place.
  const user = { bogus: 1 };
  const written = { user, sub: { bogus: 2 } };
  noteWritten(written, 'user', user);
  assert.deepEqual(normalize({ source: written, destination: { user } }).event, { source: { user: {} }, destination: {} });
  // Elements of lists stay, emptied or not.
  assert.deepEqual(normalize({ dns: { answers_like: [{ bogus: 1 }] } }).event.dns, { answers_like: [{}] });
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

test('an array/list-typed field holds a list: an object or scalar written there is its one element', () => {
  const { event } = normalize({ acme: { array: { port: 1 }, list: 'one', object: { k: 'v' } } });
  assert.deepEqual(event, { acme: { array: [{ port: 1 }], list: ['one'], object: { k: 'v' } } });
  assert.deepEqual(normalize({ acme: { list: [{ port: 1 }] } }).event, { acme: { list: [{ port: 1 }] } });
});

test('inside the elements of a list, a list-typed key is left as written', () => {
  const taxonomy = Taxonomy.build({ formatFields: { 'acme.items.ids': { name: 'acme.items.ids', type: 'list', description: 'ids' } } });
  const out = createNormalizer(taxonomy)({ acme: { items: [{ ids: 'a', other: 1 }] } }, []);
  assert.deepEqual(out, { acme: { items: [{ ids: 'a' }] } });
});

test('an empty text at a declared keyword key of a written object goes, like an empty write', () => {
  const { event } = normalize({ acme: { object: { a: '' }, keyword: '', text: 'x' } });
  assert.deepEqual(event, { acme: { object: { a: '' }, text: 'x' } });
});
