import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PyFloat } from '../../src/core/values.js';
import { normalize } from './helpers.js';

test('a typical firewall event goes through steps 3-11', () => {
  const { event, warnings } = normalize({
    '@timestamp': '2024-03-01T10:20:30.123456789+01:00',
    event: { kind: 'event', category: ['network'], code: 1234, dataset: 'fw' },
    source: { ip: '10.0.0.1', port: '51234', nat: { ip: '1.2.3.4', port: new PyFloat(4444) } },
    destination: { ip: '8.8.8.8', port: 443, domain: 'dns.google' },
    observer: { hostname: 'fw01', vendor: 'Acme', serial: 'undeclared' },
    user: { name: 'alice' },
    action: { outcome: 'allow' },
    http: { response: { status_code: '200' } },
    url: { original: 'https://dns.google/resolve?name=x' },
    acme: { long: '17', keyword: { z: 1, a: [true] } },
    related: { ip: ['6.6.6.6'] },
  });
  assert.deepEqual(warnings, []);
  assert.deepEqual(event, {
    '@timestamp': '2024-03-01T09:20:30.123456Z',
    event: { kind: 'event', category: ['network'], code: '1234', dataset: 'fw', outcome: 'allow' },
    source: { ip: '10.0.0.1', port: 51234, nat: { ip: '1.2.3.4', port: new PyFloat(4444) }, address: '10.0.0.1' },
    destination: {
      ip: '8.8.8.8', port: 443, domain: 'dns.google', address: 'dns.google', registered_domain: 'dns.google', top_level_domain: 'google',
    },
    observer: { hostname: 'fw01', vendor: 'Acme' },
    user: { name: 'alice' },
    action: { outcome: 'allow' },
    http: { response: { status_code: 200 } },
    url: {
      original: 'https://dns.google/resolve?name=x', scheme: 'https', domain: 'dns.google', port: 443, path: '/resolve',
      query: 'name=x', full: 'https://dns.google/resolve?name=x', registered_domain: 'dns.google', top_level_domain: 'google',
    },
    acme: { long: 17, keyword: '{"a":[true],"z":1}' },
    related: { hosts: ['dns.google', 'fw01'], ip: ['1.2.3.4', '10.0.0.1', '8.8.8.8'], user: ['alice'] },
  });
});

test('the normalizer returns a new event and leaves the parser output untouched', () => {
  const shared = { ip: '1.1.1.1', hostname: 'web1' };
  const input = { host: shared, server: shared };
  const { event } = normalize(input);
  assert.notEqual(event, input);
  assert.deepEqual(input, { host: { ip: '1.1.1.1', hostname: 'web1' }, server: shared });
  assert.deepEqual(shared, { ip: '1.1.1.1', hostname: 'web1' });
  assert.equal((event.host as Record<string, unknown>).hostname, 'web1');
  assert.equal((event.server as Record<string, unknown>).hostname, undefined);
});
