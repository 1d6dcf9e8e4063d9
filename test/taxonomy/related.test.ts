import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RELATED_SOURCES } from '../../src/taxonomy/index.js';
import { normalize } from './helpers.js';

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

test('related.user does not take user.target.name (spec 15a)', () => {
  assert.ok(!RELATED_SOURCES.user.includes('user.target.name'));
  const { event } = normalize({ user: { target: { name: 'victim' } } });
  assert.equal(event.related, undefined);
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
