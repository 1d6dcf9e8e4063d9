import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitDomain } from '../../src/taxonomy/index.js';

test('known ICANN suffix: tld, registered domain and subdomain, keeping case', () => {
  assert.deepEqual(splitDomain('login.ACME.com'), { top_level_domain: 'com', registered_domain: 'ACME.com', subdomain: 'login' });
  assert.deepEqual(splitDomain('a.b.www.bbc.co.uk'), { top_level_domain: 'co.uk', registered_domain: 'bbc.co.uk', subdomain: 'a.b.www' });
  assert.deepEqual(splitDomain('example.com'), { top_level_domain: 'com', registered_domain: 'example.com' });
});

test('private suffixes are ignored (ICANN section only)', () => {
  assert.deepEqual(splitDomain('d111.cloudfront.net'), { top_level_domain: 'net', registered_domain: 'cloudfront.net', subdomain: 'd111' });
});

test('a host that is itself a suffix gives only the tld', () => {
  assert.deepEqual(splitDomain('host'), { top_level_domain: 'host' });
  assert.deepEqual(splitDomain('co.uk'), { top_level_domain: 'co.uk' });
});

test('unknown suffix: every label but the last is the subdomain; a single label gives nothing', () => {
  assert.deepEqual(splitDomain('aws.internal'), { subdomain: 'aws' });
  assert.deepEqual(splitDomain('a.b.local'), { subdomain: 'a.b' });
  assert.deepEqual(splitDomain('WORKSTATION'), {});
});

test('cleanup: spaces, scheme, path, user, port and one trailing dot', () => {
  assert.deepEqual(splitDomain('  https://bob@www.Example.org:8443/path?q#f '), {
    top_level_domain: 'org', registered_domain: 'Example.org', subdomain: 'www',
  });
  assert.deepEqual(splitDomain('example.com.'), { top_level_domain: 'com', registered_domain: 'example.com' });
});

test('IP addresses and empty hosts yield nothing', () => {
  for (const h of ['10.1.2.3', '10.1.2.3:80', '::1', '[2001:db8::1]:443', 'fe80::1', '', '  ']) assert.deepEqual(splitDomain(h), {}, h);
});
