import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELATED_SOURCES, createNormalizer } from '../../src/taxonomy/index.js';
import { acmeTaxonomy, normalize } from './helpers.js';

test('related.ip/user/hosts/hash: de-duplicated union, sorted by code point', () => {
  const { event } = normalize({
    source: { ip: '10.0.0.2', nat: { ip: '5.5.5.5' }, user: { name: 'zed' }, domain: 'b.example.com' },
    destination: { ip: ['10.0.0.1', '10.0.0.2'] },
    host: { ip: ['10.0.0.1'], hostname: 'WS-01', name: 'not-a-source' },
    dns: { resolved_ip: ['8.8.8.8'], question: { name: 'a.example.com' } },
    user: { name: 'alice', id: 'S-1', email: 'x@y' },
    file: { owner: 'root', hash: { md5: 'aa', sha256: 'cc', tlsh: 'nope' } },
    process: { hash: { sha1: 'bb' }, parent: { hash: { ssdeep: '3:x' } } },
    tls: { server: { hash: { sha1: 'bb' } } },
    url: { domain: 'parser.example.org' },
  });
  assert.deepEqual(event.related, {
    hash: ['3:x', 'aa', 'bb', 'cc'],
    hosts: ['WS-01', 'a.example.com', 'b.example.com', 'parser.example.org'],
    ip: ['10.0.0.1', '10.0.0.2', '5.5.5.5', '8.8.8.8'],
    user: ['alice', 'root', 'zed'],
  });
});

test('C8: related.user takes user.target.name unless the format turns it off', () => {
  assert.ok(RELATED_SOURCES.user.includes('user.target.name'));
  const { event } = normalize({ user: { name: 'admin', target: { name: 'victim' } } });
  assert.deepEqual(event.related, { user: ['admin', 'victim'] });
  const off = createNormalizer(acmeTaxonomy, { relatedTargetUser: false })({ user: { name: 'admin', target: { name: 'victim' } } }, []);
  assert.deepEqual(off.related, { user: ['admin'] });
});

test('C8: IP values take Python ipaddress canonical text, in the field and in related.ip', () => {
  const { event } = normalize({ source: { ip: '0000:111:222:3333:4444:5555:6666:7777' }, host: { ip: ['A0B1::C2D3:E4F5:0123:ABCD', '1.2.3.4'] } });
  assert.equal((event.source as any).ip, '0:111:222:3333:4444:5555:6666:7777');
  assert.deepEqual((event.host as any).ip, ['a0b1::c2d3:e4f5:123:abcd', '1.2.3.4']);
  assert.deepEqual((event.related as any).ip, ['0:111:222:3333:4444:5555:6666:7777', '1.2.3.4', 'a0b1::c2d3:e4f5:123:abcd']);
});

test('values are kept verbatim and empty lists omitted', () => {
  const { event } = normalize({ host: { hostname: '-' }, observer: { hostname: '192.168.1.1' }, source: { port: 1 } });
  assert.deepEqual(event.related, { hosts: ['-', '192.168.1.1'] });
  assert.equal(normalize({ source: { port: 1 } }).event.related, undefined);
});

test('an inferred url.domain does not reach related.hosts', () => {
  const { event } = normalize({ url: { original: 'https://www.example.com/' } });
  assert.equal((event.url as Record<string, unknown>).domain, 'www.example.com');
  assert.equal(event.related, undefined);
});

test('values coerced to IPs/keywords feed related (related runs after coercion)', () => {
  const { event } = normalize({ user: { name: 42 }, source: { ip: 'garbage' } });
  assert.deepEqual(event.related, { user: ['42'] });
});

test('sorting is by code point, not UTF-16 unit (astral after U+FFFD)', () => {
  const { event } = normalize({ user: { name: '😀' }, source: { user: { name: '\ufffd' } }, destination: { user: { name: 'a' } } });
  assert.deepEqual(event.related, { user: ['a', '\ufffd', '😀'] });
});

test('a source holding an empty list makes its related list appear, empty', () => {
  const { event } = normalize({ host: { ip: [] }, user: { name: 'alice' } });
  assert.deepEqual(event.related, { ip: [], user: ['alice'] });
  assert.equal(normalize({ host: { name: 'h' } }).event.related, undefined);
});
